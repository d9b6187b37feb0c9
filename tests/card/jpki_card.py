#!/usr/bin/python3
"""An emulated JPKI card (My Number Card) for tests, on a vpcd reader.

Connects to the vpcd driver of a pcscd (TCP, 127.0.0.1:--port) and answers
the APDUs of /work/shared/spec/jpki-card.md. Running this program is "a card
on the reader"; ending it with SIGTERM or SIGINT is "the card taken away"
(so is --vanish-after N, right after the N-th answer): the APDU pcscd sends
next fails with SCARD_E_NOT_TRANSACTED, and once pcscd has polled the reader
(within ~0.4 s) calls fail with SCARD_W_REMOVED_CARD.

Files of the card (all selected with P2 = 0C, no FCI returned):
  JPKI AP        D3 92 F0 00 26 01 00 00 00 01
    EF 00 06     token: "JPKIAPICCTOKEN2" (--token juki: "JPKIAPICCTOKEN"),
                 padded with spaces to 32 bytes
    EF 00 0A     user-authentication certificate: the DER of --cert followed
                 by zero bytes up to the EF's fixed size (2048 bytes, or more
                 for a larger certificate), as the EF of a real card is
                 larger than the certificate it holds; --no-cert: the EF
                 exists and holds only zero bytes (no certificate written)
    EF 00 18     利用者証明用 PIN (--user-auth tries left, default 3)
    EF 00 1B     署名用 password (--signature tries left, default 5)
  券面事項入力補助 AP   D3 92 10 00 31 00 01 01 04 08
    EF 00 11     PIN (--card-info tries left, default 3)
--not-jpki makes both AIDs unknown (some other card); --token juki (the old
住基カード) has no 券面事項入力補助 AP. A reset or power-up selects nothing.

Answers (SW1 SW2):
  SELECT 00 A4 04 0C / 00 A4 02 0C    90 00; unknown AID or EF: 6A 82
  READ BINARY 00 B0 hi lo Le          data + 90 00 (Le 00 = 256); the last
                                      bytes of the EF + 62 82 when Le runs
                                      past its end; 6B 00 when the offset is
                                      at or past its end; 69 86 with no EF
                                      selected; 69 81 on a PIN EF
  VERIFY 00 20 00 80 (no data)        63 Cx (x tries left), at 0: 69 83
                                      (--blocked-answer 63c0: 63 C0); never
                                      changes a counter
  VERIFY with data (a PIN)            69 82, and "PIN VERIFY RECEIVED" on
                                      stderr: the program under test must
                                      never send a PIN
  anything else                       6E 00 (CLA not 00), 6D 00 (other INS),
                                      6A 86 (other P1 P2), 6A 81 (READ BINARY
                                      by short EF id), 67 00 (malformed or
                                      extended length)
"""

import argparse
import contextlib
import signal
import socket
import struct
import sys
import time

# Debian 12's python3-virtualsmartcard lives outside sys.path and imports
# PyCryptodome as "Crypto", which Debian names "Cryptodome".
import Cryptodome
import Cryptodome.Cipher
import Cryptodome.Hash

sys.modules.setdefault("Crypto", Cryptodome)
sys.modules.setdefault("Crypto.Cipher", Cryptodome.Cipher)
sys.modules.setdefault("Crypto.Hash", Cryptodome.Hash)
sys.path.insert(0, "/usr/lib/python3/site-packages/virtualsmartcard")

from virtualsmartcard.VirtualSmartcard import SmartcardOS, VirtualICC  # noqa: E402

# The ATR in OpenSC's JPKI driver's table (T=1, no historical bytes, TCK 14).
# A contactless reader makes up another one from the card's ATQB: readers of
# the card identify it by selecting the JPKI AP, not by its ATR.
ATR = bytes.fromhex("3BE000FF8131FE4514")

AID_JPKI = bytes.fromhex("D392F000260100000001")
AID_CARD_INFO = bytes.fromhex("D3921000310001010408")

TOKEN_EF_SIZE = 32
CERT_EF_MIN_SIZE = 2048

SW_OK = b"\x90\x00"
SW_END_OF_FILE = b"\x62\x82"
SW_WRONG_LENGTH = b"\x67\x00"
SW_INCOMPATIBLE_FILE = b"\x69\x81"
SW_SECURITY_NOT_SATISFIED = b"\x69\x82"
SW_BLOCKED = b"\x69\x83"
SW_NO_CURRENT_EF = b"\x69\x86"
SW_FUNCTION_NOT_SUPPORTED = b"\x6A\x81"
SW_NOT_FOUND = b"\x6A\x82"
SW_WRONG_P1P2 = b"\x6A\x86"
SW_OFFSET_OUTSIDE_EF = b"\x6B\x00"
SW_UNKNOWN_INS = b"\x6D\x00"
SW_UNKNOWN_CLA = b"\x6E\x00"
SW_TRIES_LEFT_0 = b"\x63\xC0"


class BinaryEF:
    """A transparent EF: READ BINARY answers its bytes."""

    def __init__(self, content):
        self.content = content


class PinEF:
    """A PIN EF: VERIFY with no data answers its retry counter."""

    def __init__(self, tries_left):
        self.tries_left = tries_left


class CardRemoved(Exception):
    """The card leaves the field: --vanish-after, SIGTERM or SIGINT."""


def leave_field(_signum, _frame):
    raise CardRemoved()


class JpkiCardOS(SmartcardOS):
    """Answers APDUs as a JPKI card does (see the module's docstring)."""

    def __init__(self, applications, blocked_answer, log_path, vanish_after):
        self.applications = applications  # AID -> {EF id -> BinaryEF | PinEF}
        self.blocked_answer = blocked_answer
        self.log_path = log_path
        self.vanish_after = vanish_after
        self.apdus_answered = 0
        self.current_df = None
        self.current_ef = None

    def getATR(self):
        return ATR

    def powerUp(self):
        self.reset()

    def powerDown(self):
        self.reset()

    def reset(self):
        self.current_df = None
        self.current_ef = None

    def execute(self, msg):
        if self.log_path:
            with open(self.log_path, "a", encoding="ascii") as log:
                log.write(msg.hex(" ").upper() + "\n")
        self.apdus_answered += 1
        return self.answer(msg)

    def check_in_field(self):
        """Raises CardRemoved once the card has given its last answer."""
        if self.vanish_after is not None and self.apdus_answered >= self.vanish_after:
            raise CardRemoved(f"card taken away after {self.apdus_answered} APDUs")

    def answer(self, apdu):
        """The response APDU (data + SW1 SW2) to one command APDU."""
        parsed = parse_short_apdu(apdu)
        if parsed is None:
            return SW_WRONG_LENGTH
        cla, ins, p1, p2, data, le = parsed
        if cla != 0x00:
            return SW_UNKNOWN_CLA
        if ins == 0xA4:
            return self.select(p1, p2, data)
        if ins == 0xB0:
            return self.read_binary(p1, p2, le)
        if ins == 0x20:
            return self.verify(p1, p2, data)
        return SW_UNKNOWN_INS

    def select(self, p1, p2, data):
        if p2 != 0x0C:
            return SW_WRONG_P1P2
        if p1 == 0x04:
            if data not in self.applications:
                return SW_NOT_FOUND
            self.current_df = data
            self.current_ef = None
            return SW_OK
        if p1 == 0x02:
            files = self.applications.get(self.current_df, {})
            if len(data) != 2 or data not in files:
                return SW_NOT_FOUND
            self.current_ef = files[data]
            return SW_OK
        return SW_WRONG_P1P2

    def read_binary(self, p1, p2, le):
        if p1 & 0x80:  # short EF identifier: not used by JPKI readers
            return SW_FUNCTION_NOT_SUPPORTED
        if le is None:
            return SW_WRONG_LENGTH
        if self.current_ef is None:
            return SW_NO_CURRENT_EF
        if not isinstance(self.current_ef, BinaryEF):
            return SW_INCOMPATIBLE_FILE
        offset = (p1 << 8) | p2
        content = self.current_ef.content
        if offset >= len(content):
            return SW_OFFSET_OUTSIDE_EF
        chunk = content[offset:offset + le]
        return chunk + (SW_OK if len(chunk) == le else SW_END_OF_FILE)

    def verify(self, p1, p2, data):
        if data:
            print("jpki_card: PIN VERIFY RECEIVED: a VERIFY with a PIN "
                  f"({len(data)} bytes) was sent to the card; answered 69 82",
                  file=sys.stderr, flush=True)
            return SW_SECURITY_NOT_SATISFIED
        if p1 != 0x00 or p2 != 0x80:
            return SW_WRONG_P1P2
        if not isinstance(self.current_ef, PinEF):
            return SW_NO_CURRENT_EF
        tries = self.current_ef.tries_left
        if tries == 0:
            return self.blocked_answer
        return bytes([0x63, 0xC0 | tries])


def parse_short_apdu(apdu):
    """(CLA, INS, P1, P2, data, Le) of a short APDU, Le 00 read as 256 and
    None when absent; None for a malformed or extended-length APDU."""
    if len(apdu) < 4:
        return None
    cla, ins, p1, p2 = apdu[:4]
    body = apdu[4:]
    if not body:
        return cla, ins, p1, p2, b"", None
    if len(body) == 1:
        return cla, ins, p1, p2, b"", body[0] or 256
    lc = body[0]
    if lc == 0 or len(body) not in (1 + lc, 2 + lc):
        return None
    data = body[1:1 + lc]
    le = (body[1 + lc] or 256) if len(body) == 2 + lc else None
    return cla, ins, p1, p2, data, le


class VpcdSocket(socket.socket):
    """The TCP connection to vpcd, as VirtualICC uses it.

    Before every read, TCP_QUICKACK is set: vpcd writes each APDU in two TCP
    writes, and with delayed ACKs the second one waits ~40 ms; the option is
    not sticky, hence every time. Reads wait for the whole length asked
    (MSG_WAITALL): VirtualICC reads the 2-byte length and then the message,
    each in one recv().

    After every write, the card may leave the field (--vanish-after): at once
    after its last answer is written.
    """

    def __init__(self, card_os):
        super().__init__(socket.AF_INET, socket.SOCK_STREAM)
        self.card_os = card_os

    def sendall(self, data, flags=0):
        super().sendall(data, flags)
        self.card_os.check_in_field()

    def leave_field(self):
        """Ends the connection so that vpcd fails its transmit, whether it
        has sent the next APDU already or not.

        A plain close does not: a read that fails makes vpcd answer the APDU
        with 0 bytes and success (it compares recv()'s -1 as unsigned).
        Instead, write the length of an answer that never comes, then reset
        the connection (RST): either vpcd's next write fails, or its read of
        the promised answer does, both with -1, and pcscd answers the APDU
        SCARD_E_NOT_TRANSACTED, as it does when a real card leaves the field.
        """
        with contextlib.suppress(OSError):
            self.send(struct.pack("!H", 0xFFFF))
        self.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close()

    def recv(self, bufsize, flags=0):
        self.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
        try:
            return super().recv(bufsize, flags | socket.MSG_WAITALL)
        except ConnectionResetError:
            # Read as the end of the connection (pcscd gone), which ends
            # VirtualICC.run(); it does not handle this error itself.
            return b""


class VpcdLink(VirtualICC):
    """vicc's VirtualICC main loop (vpcd framing, power and ATR requests)
    driving our card OS over a VpcdSocket."""

    # VirtualICC.__init__ is not called: it builds one of vicc's own cards.
    def __init__(self, card_os, port, connect_timeout):
        self.os = card_os
        self.host = "127.0.0.1"
        self.port = port
        self.server_sock = None
        self.sock = connect_with_retry(card_os, self.host, port, connect_timeout)


def connect_with_retry(card_os, host, port, timeout):
    """Connects to vpcd, retrying while pcscd is still loading the driver."""
    deadline = time.monotonic() + timeout
    while True:
        sock = VpcdSocket(card_os)
        try:
            sock.connect((host, port))
        except ConnectionRefusedError:
            sock.close()
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.05)
            continue
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock


def build_applications(args):
    """The card's file system for the options given."""
    if args.not_jpki:
        return {}
    token = b"JPKIAPICCTOKEN" if args.token == "juki" else b"JPKIAPICCTOKEN2"
    if args.no_cert:
        certificate = b""
    else:
        with open(args.cert, "rb") as f:
            certificate = f.read()
    cert_ef_size = max(CERT_EF_MIN_SIZE, -(-len(certificate) // 256) * 256)
    applications = {
        AID_JPKI: {
            b"\x00\x06": BinaryEF(token.ljust(TOKEN_EF_SIZE, b" ")),
            b"\x00\x0A": BinaryEF(certificate.ljust(cert_ef_size, b"\x00")),
            b"\x00\x18": PinEF(args.user_auth),
            b"\x00\x1B": PinEF(args.signature),
        },
    }
    if args.token != "juki":
        applications[AID_CARD_INFO] = {b"\x00\x11": PinEF(args.card_info)}
    return applications


def tries(max_tries):
    """argparse type: a retry counter between 0 and max_tries."""
    def parse(text):
        value = int(text)
        if not 0 <= value <= max_tries:
            raise argparse.ArgumentTypeError(f"must be 0 to {max_tries}")
        return value
    return parse


def positive(text):
    """argparse type: an integer >= 1."""
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, required=True,
                        help="vpcd TCP port on 127.0.0.1 (VPCD_PORT)")
    cert = parser.add_mutually_exclusive_group(required=True)
    cert.add_argument("--cert", metavar="FILE.der",
                      help="the user-authentication certificate (DER)")
    cert.add_argument("--no-cert", action="store_true",
                      help="no certificate written: EF 00 0A holds only zero bytes")
    parser.add_argument("--user-auth", type=tries(3), default=3, metavar="N",
                        help="利用者証明用 PIN tries left (default 3)")
    parser.add_argument("--signature", type=tries(5), default=5, metavar="N",
                        help="署名用 password tries left (default 5)")
    parser.add_argument("--card-info", type=tries(3), default=3, metavar="N",
                        help="券面事項入力補助用 PIN tries left (default 3)")
    parser.add_argument("--token", choices=("mynumber", "juki"), default="mynumber",
                        help="juki: the old 住基カード token JPKIAPICCTOKEN")
    parser.add_argument("--not-jpki", action="store_true",
                        help="some other card: selecting the JPKI AP answers 6A 82")
    parser.add_argument("--vanish-after", type=positive, metavar="N",
                        help="leave the field right after answering N APDUs "
                             "(N >= 1): the next one fails")
    parser.add_argument("--blocked-answer", choices=("6983", "63c0"), default="6983",
                        help="answer of VERIFY on a PIN with 0 tries left")
    parser.add_argument("--log", metavar="FILE",
                        help="append each command APDU, in hex, one a line")
    parser.add_argument("--connect-timeout", type=float, default=10.0, metavar="S",
                        help="how long to retry connecting to vpcd (default 10 s)")
    return parser.parse_args(argv)


def main(argv):
    args = parse_args(argv)
    card_os = JpkiCardOS(
        applications=build_applications(args),
        blocked_answer=SW_BLOCKED if args.blocked_answer == "6983" else SW_TRIES_LEFT_0,
        log_path=args.log,
        vanish_after=args.vanish_after,
    )
    try:
        link = VpcdLink(card_os, args.port, args.connect_timeout)
    except OSError as e:
        print(f"jpki_card: cannot connect to vpcd on 127.0.0.1:{args.port}: {e}",
              file=sys.stderr)
        return 1
    try:
        signal.signal(signal.SIGTERM, leave_field)
        signal.signal(signal.SIGINT, leave_field)
        link.run()  # ends (sys.exit) when vpcd closes the connection
    except CardRemoved as e:
        link.sock.leave_field()
        if e.args:
            print(f"jpki_card: {e.args[0]}", file=sys.stderr)
    except ConnectionError:
        pass
    finally:
        link.sock.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
