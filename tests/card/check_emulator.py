#!/usr/bin/python3
"""Self-test of the emulated JPKI card and of session.py, with pyscard (no Rust).

  check_emulator.py          runs every scenario through session.py, prints
                             what it observed, exits 1 if a check failed
  check_emulator.py --probe NAME
                             (internal) one scenario's PC/SC calls, run as the
                             command of session.py; JSON on stdout

Each probe runs in a process of its own: libpcsclite reads
PCSCLITE_CSOCK_NAME once per process.
"""

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from smartcard import scard

HERE = Path(__file__).resolve().parent
PYTHON = "/usr/bin/python3"
SESSION = str(HERE / "session.py")
MAKE_CERT = str(HERE / "make_cert.sh")
READER = "Madoguchi Test Reader 00 00"
NOT_AFTER = "20301210145959Z"

SELECT_JPKI = "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"
SELECT_CARD_INFO = "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08"
VERIFY_NO_DATA = "00 20 00 80"
BENCH_RUNS = 20
VANISH_RUNS = 5  # the removal races nothing, but check it again and again

PCSC_NAMES = {getattr(scard, n) & 0xFFFFFFFF: n for n in dir(scard)
              if n.startswith(("SCARD_E_", "SCARD_W_", "SCARD_F_"))}


def pcsc_name(rv):
    return PCSC_NAMES.get(rv & 0xFFFFFFFF, f"{rv & 0xFFFFFFFF:#010x}")


def select_ef(fid):
    return f"00 A4 02 0C 02 {fid}"


def read_binary(offset, le):
    return f"00 B0 {offset >> 8:02X} {offset & 0xFF:02X} {le & 0xFF:02X}"


# ---------------------------------------------------------------- probes


class PcscError(Exception):
    def __init__(self, call, rv):
        super().__init__(f"{call}: {pcsc_name(rv)}")
        self.call = call
        self.code = pcsc_name(rv)


class Pcsc:
    """The few PC/SC calls the probes make, through pyscard's scard module."""

    def __init__(self):
        rv, self.context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        if rv:
            raise PcscError("SCardEstablishContext", rv)
        self.card = self.protocol = None

    def readers(self):
        rv, readers = scard.SCardListReaders(self.context, [])
        if rv:
            raise PcscError("SCardListReaders", rv)
        return readers

    def state(self, reader=READER, current=scard.SCARD_STATE_UNAWARE, timeout_ms=0):
        rv, states = scard.SCardGetStatusChange(self.context, timeout_ms, [(reader, current)])
        if rv not in (scard.SCARD_S_SUCCESS, scard.SCARD_E_TIMEOUT):
            raise PcscError("SCardGetStatusChange", rv)
        return states[0][1]

    def wait_state(self, flag, timeout=10.0):
        """Waits until the reader's state has flag (PRESENT, EMPTY)."""
        deadline = time.monotonic() + timeout
        state = self.state()
        while not state & flag:
            if time.monotonic() > deadline:
                raise TimeoutError(f"reader state {state:#x}")
            state = self.state(current=state, timeout_ms=200)

    def connect(self, reader=READER):
        rv, self.card, self.protocol = scard.SCardConnect(
            self.context, reader, scard.SCARD_SHARE_SHARED,
            scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1)
        if rv:
            raise PcscError("SCardConnect", rv)

    def disconnect(self, disposition=scard.SCARD_LEAVE_CARD):
        scard.SCardDisconnect(self.card, disposition)
        self.card = None

    def tx(self, command):
        """(data, "SW1 SW2") of a command given in hex."""
        rv, response = scard.SCardTransmit(self.card, self.protocol, list(bytes.fromhex(command)))
        if rv:
            raise PcscError("SCardTransmit", rv)
        response = bytes(response)
        return response[:-2], response[-2:].hex(" ").upper()


class Reading:
    """The read sequence of the spec, with a transcript "COMMAND -> SW"."""

    def __init__(self, pcsc):
        self.pcsc = pcsc
        self.transcript = []
        self.token = self.certificate = None
        self.tries = {}

    def step(self, command):
        data, sw = self.pcsc.tx(command)
        self.transcript.append(f"{command} -> {sw}")
        return data, sw

    def run(self):
        if self.step(SELECT_JPKI)[1] == "90 00":
            self.step(select_ef("00 06"))
            self.token = self.step(read_binary(0, 0x20))[0].decode("ascii")
            self.read_certificate()
            self.tries["user_auth"] = self.pin_status("00 18")
            self.tries["signature"] = self.pin_status("00 1B")
        if self.step(SELECT_CARD_INFO)[1] == "90 00":
            self.tries["card_info"] = self.pin_status("00 11")
        return self

    def read_certificate(self):
        self.step(select_ef("00 0A"))
        header, _ = self.step(read_binary(0, 7))
        if header[:2] != b"\x30\x82":
            self.certificate = header.hex()
            return
        total = 4 + int.from_bytes(header[2:4], "big")
        der = header
        while len(der) < total:
            chunk, _ = self.step(read_binary(len(der), min(256, total - len(der))))
            der += chunk
        self.certificate = der.hex()

    def pin_status(self, fid):
        self.step(select_ef(fid))
        return self.step(VERIFY_NO_DATA)[1]

    def result(self):
        return {"transcript": self.transcript, "token": self.token,
                "certificate": self.certificate, "tries": self.tries}


def probe_read(pcsc):
    """The read sequence twice on one connection, then once more after a
    reconnection: the tries must not change."""
    pcsc.connect()
    first = Reading(pcsc).run().result()
    second = Reading(pcsc).run().result()
    pcsc.disconnect()
    pcsc.connect()
    third = Reading(pcsc).run().result()
    return {"first": first, "second_tries": second["tries"], "third_tries": third["tries"],
            "csock": os.environ["PCSCLITE_CSOCK_NAME"]}


def probe_answers(pcsc):
    """Answers off the read sequence's path."""
    pcsc.connect()
    pcsc.disconnect(scard.SCARD_RESET_CARD)  # nothing selected after a reset
    pcsc.connect()
    out = {}
    checks = [
        ("read_no_ef", [read_binary(0, 7)]),
        ("unknown_aid", ["00 A4 04 0C 05 A0 00 00 00 01"]),
        ("unknown_ef", [SELECT_JPKI, select_ef("12 34")]),
        ("read_past_end", [SELECT_JPKI, select_ef("00 0A"), read_binary(0x0800, 0x10)]),
        ("read_across_end", [SELECT_JPKI, select_ef("00 0A"), read_binary(0x07F0, 0x20)]),
        ("read_pin_ef", [SELECT_JPKI, select_ef("00 18"), read_binary(0, 4)]),
        ("verify_with_pin", [SELECT_JPKI, select_ef("00 18"), "00 20 00 80 04 31 32 33 34"]),
        ("tries_after_pin", [SELECT_JPKI, select_ef("00 18"), VERIFY_NO_DATA]),
        ("unknown_ins", ["00 CA 00 00 00"]),
        ("other_cla", ["80 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"]),
    ]
    for name, commands in checks:
        answers = [pcsc.tx(c) for c in commands]
        data, sw = answers[-1]
        out[name] = f"{len(data)} bytes + {sw}"
    return out


def probe_bench(pcsc):
    """Median connect time and median time of the whole read sequence."""
    connects, reads = [], []
    apdus = 0
    for _ in range(BENCH_RUNS):
        start = time.perf_counter()
        pcsc.connect()
        connects.append(time.perf_counter() - start)
        start = time.perf_counter()
        reading = Reading(pcsc).run()
        reads.append(time.perf_counter() - start)
        apdus = len(reading.transcript)
        pcsc.disconnect()
    return {"connect_ms": statistics.median(connects) * 1000,
            "read_ms": statistics.median(reads) * 1000,
            "read_max_ms": max(reads) * 1000, "apdus": apdus,
            "certificate_bytes": len(reading.certificate) // 2}


def probe_vanish(pcsc):
    """--vanish-after N: which transmit fails and how, then what follows."""
    pcsc.connect()
    reading = Reading(pcsc)
    out = {}
    try:
        reading.run()
    except PcscError as e:
        out["answered"] = len(reading.transcript)
        out["failing_transmit"] = e.code
    try:
        pcsc.tx(read_binary(0, 7))
        out["next_transmit"] = "success"
    except PcscError as e:
        out["next_transmit"] = e.code
    start = time.monotonic()
    pcsc.wait_state(scard.SCARD_STATE_EMPTY)
    out["empty_after_ms"] = round((time.monotonic() - start) * 1000)
    try:
        pcsc.tx(read_binary(0, 7))
        out["transmit_once_empty"] = "success"
    except PcscError as e:
        out["transmit_once_empty"] = e.code
    try:
        pcsc.connect()
        out["connect_again"] = "success"
    except PcscError as e:
        out["connect_again"] = e.code
    return out


def probe_no_card(pcsc):
    out = {"readers": pcsc.readers(), "state_empty": bool(pcsc.state() & scard.SCARD_STATE_EMPTY)}
    try:
        pcsc.connect()
        out["connect"] = "success"
    except PcscError as e:
        out["connect"] = e.code
    return out


def probe_no_reader(pcsc):
    try:
        return {"list_readers": pcsc.readers()}
    except PcscError as e:
        return {"list_readers": e.code}


def probe_removal(pcsc):
    """Under session.py --serve (env from DIR/env): a card put on the
    reader, taken away (emulator ended) and put back."""
    def insert():
        card = subprocess.Popen([PYTHON, os.environ["JPKI_CARD"], "--port", os.environ["VPCD_PORT"],
                                 "--cert", os.environ["CERT"]])
        pcsc.wait_state(scard.SCARD_STATE_PRESENT)
        return card

    out = {"empty_before": bool(pcsc.state() & scard.SCARD_STATE_EMPTY)}
    card = insert()
    pcsc.connect()
    out["select_before"] = pcsc.tx(SELECT_JPKI)[1]
    card.terminate()
    card.wait()
    for key in ("transmit_after_kill", "transmit_again"):
        try:
            out[key] = pcsc.tx(SELECT_JPKI)[1]
        except PcscError as e:
            out[key] = e.code
    pcsc.wait_state(scard.SCARD_STATE_EMPTY)
    card = insert()
    try:
        out["old_handle_after_reinsert"] = pcsc.tx(SELECT_JPKI)[1]
    except PcscError as e:
        out["old_handle_after_reinsert"] = e.code
    pcsc.disconnect()
    pcsc.connect()
    out["tries_after_reinsert"] = Reading(pcsc).run().tries
    card.terminate()
    card.wait()
    return out


PROBES = {"read": probe_read, "answers": probe_answers, "bench": probe_bench,
          "vanish": probe_vanish, "no_card": probe_no_card, "no_reader": probe_no_reader,
          "removal": probe_removal}


def run_probe(name):
    try:
        result = PROBES[name](Pcsc())
    except PcscError as e:
        result = {"error": e.call, "code": e.code}
    json.dump(result, sys.stdout)
    return 0


# ---------------------------------------------------------------- checks


class Checker:
    def __init__(self):
        self.failures = 0

    def expect(self, scenario, what, observed, expected):
        ok = observed == expected
        self.failures += not ok
        shown = observed if ok else f"{observed!r}, expected {expected!r}"
        print(f"{'ok  ' if ok else 'FAIL'} {scenario}: {what}: {shown}", flush=True)

    def note(self, scenario, what, observed):
        print(f"     {scenario}: {what}: {observed}", flush=True)


def session(options, probe=None, command=None):
    """Runs session.py; (exit status, parsed JSON or stdout text, stderr)."""
    command = command or [PYTHON, __file__, "--probe", probe]
    done = subprocess.run([PYTHON, SESSION, *options, "--", *command],
                          capture_output=True, text=True, check=False)
    if not probe:
        return done.returncode, done.stdout, done.stderr
    try:
        return done.returncode, json.loads(done.stdout), done.stderr
    except json.JSONDecodeError:
        sys.exit(f"session.py {' '.join(options)} -- probe {probe}: exit status "
                 f"{done.returncode}, no JSON; stderr:\n{done.stderr}")


def expected_transcript(cert_len, tries, card_info=True):
    """The transcript of Reading.run() on a card that answers as expected."""
    lines = [f"{SELECT_JPKI} -> 90 00", f"{select_ef('00 06')} -> 90 00",
             f"{read_binary(0, 0x20)} -> 90 00", f"{select_ef('00 0A')} -> 90 00",
             f"{read_binary(0, 7)} -> 90 00"]
    offset = 7
    while offset < cert_len:
        le = min(256, cert_len - offset)
        lines.append(f"{read_binary(offset, le)} -> 90 00")
        offset += le
    for fid, key in (("00 18", "user_auth"), ("00 1B", "signature")):
        lines += [f"{select_ef(fid)} -> 90 00", f"{VERIFY_NO_DATA} -> {tries[key]}"]
    if card_info:
        lines += [f"{SELECT_CARD_INFO} -> 90 00", f"{select_ef('00 11')} -> 90 00",
                  f"{VERIFY_NO_DATA} -> {tries['card_info']}"]
    else:
        lines.append(f"{SELECT_CARD_INFO} -> 6A 82")
    return lines


def leftovers(marker):
    """Processes whose command line mentions marker (a temporary path)."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if marker in cmdline and int(pid) != os.getpid():
            found.append(cmdline)
    return found


DEFAULT_TRIES = {"user_auth": "63 C3", "signature": "63 C5", "card_info": "63 C3"}


def check_reads(c, work):
    cert = work / "cert.der"
    subprocess.run([MAKE_CERT, NOT_AFTER, str(cert)], check=True)
    der = cert.read_bytes()
    log = work / "apdu.log"
    status, out, err = session(["--cert", str(cert), "--log", str(log)], "read")
    first = out["first"]
    c.expect("default", "exit status", status, 0)
    c.expect("default", "'reader:' line on stderr", err.count(f"reader: {READER}\n"), 1)
    c.expect("default", "transcript", first["transcript"], expected_transcript(len(der), DEFAULT_TRIES))
    c.note("default", "APDUs in the read sequence", len(first["transcript"]))
    c.expect("default", "token", first["token"], "JPKIAPICCTOKEN2".ljust(32))
    c.expect("default", "certificate read is --cert", bytes.fromhex(first["certificate"]) == der, True)
    c.expect("default", "tries", first["tries"], {"user_auth": "63 C3", "signature": "63 C5",
                                                  "card_info": "63 C3"})
    c.expect("default", "tries read again", out["second_tries"], first["tries"])
    c.expect("default", "tries after reconnecting", out["third_tries"], first["tries"])
    logged = log.read_text().splitlines()
    sent = [line.split(" -> ")[0] for line in first["transcript"]]
    c.expect("default", "--log: first commands", logged[:len(sent)], sent)
    c.expect("default", "--log: all commands", len(logged), 3 * len(sent))
    tmp = str(Path(out["csock"]).parent)
    c.expect("default", "temporary directory removed", os.path.exists(tmp), False)
    c.expect("default", "no process left", leftovers(tmp), [])

    _, out, _ = session(["--not-after", "20280229145959Z"], "read")
    der_file = work / "read.der"
    der_file.write_bytes(bytes.fromhex(out["first"]["certificate"]))
    end = subprocess.run(["openssl", "x509", "-inform", "der", "-in", str(der_file),
                          "-noout", "-enddate"], capture_output=True, text=True, check=True)
    c.expect("--not-after", "notAfter of the certificate read", end.stdout.strip(),
             "notAfter=Feb 29 14:59:59 2028 GMT")

    scenarios = [
        ("--user-auth 0", ["--user-auth", "0"], dict(DEFAULT_TRIES, user_auth="69 83")),
        ("--signature 0", ["--signature", "0"], dict(DEFAULT_TRIES, signature="69 83")),
        ("--card-info 1 --signature 2", ["--card-info", "1", "--signature", "2"],
         dict(DEFAULT_TRIES, card_info="63 C1", signature="63 C2")),
        ("--user-auth 0 --card-info 0 --blocked-answer 63c0",
         ["--user-auth", "0", "--card-info", "0", "--blocked-answer", "63c0"],
         dict(DEFAULT_TRIES, user_auth="63 C0", card_info="63 C0")),
    ]
    for name, options, tries in scenarios:
        _, out, _ = session(["--cert", str(cert), *options], "read")
        c.expect(name, "tries", out["first"]["tries"], tries)
        c.expect(name, "tries read again", out["second_tries"], tries)

    _, out, _ = session(["--no-cert"], "read")
    first = out["first"]
    c.expect("--no-cert", "certificate header", first["certificate"], "00" * 7)
    c.expect("--no-cert", "tries", first["tries"], DEFAULT_TRIES)

    _, out, _ = session(["--cert", str(cert), "--token", "juki"], "read")
    first = out["first"]
    c.expect("--token juki", "token", first["token"], "JPKIAPICCTOKEN".ljust(32))
    c.expect("--token juki", "transcript", first["transcript"],
             expected_transcript(len(der), DEFAULT_TRIES, card_info=False))

    _, out, _ = session(["--cert", str(cert), "--not-jpki"], "read")
    c.expect("--not-jpki", "transcript", out["first"]["transcript"],
             [f"{SELECT_JPKI} -> 6A 82", f"{SELECT_CARD_INFO} -> 6A 82"])

    _, out, err = session(["--cert", str(cert)], "answers")
    c.expect("answers", "table", out, {
        "read_no_ef": "0 bytes + 69 86", "unknown_aid": "0 bytes + 6A 82",
        "unknown_ef": "0 bytes + 6A 82", "read_past_end": "0 bytes + 6B 00",
        "read_across_end": "16 bytes + 62 82", "read_pin_ef": "0 bytes + 69 81",
        "verify_with_pin": "0 bytes + 69 82", "tries_after_pin": "0 bytes + 63 C3",
        "unknown_ins": "0 bytes + 6D 00", "other_cla": "0 bytes + 6E 00"})
    c.expect("answers", "'PIN VERIFY RECEIVED' on stderr", "PIN VERIFY RECEIVED" in err, True)
    return cert


def check_failures(c, work, cert):
    for _ in range(VANISH_RUNS):
        _, out, err = session(["--cert", str(cert), "--vanish-after", "5"], "vanish")
        c.expect("--vanish-after 5", "APDUs answered", out.get("answered"), 5)
        c.expect("--vanish-after 5", "the 6th transmit", out.get("failing_transmit"),
                 "SCARD_E_NOT_TRANSACTED")
        c.note("--vanish-after 5", "then", {k: v for k, v in out.items()
                                             if k not in ("answered", "failing_transmit")})
    c.expect("--vanish-after 5", "stderr", "card taken away after 5 APDUs" in err, True)

    _, out, _ = session(["--no-card"], "no_card")
    c.expect("--no-card", "readers", out["readers"], [READER, "Madoguchi Test Reader 00 01"])
    c.expect("--no-card", "state EMPTY", out["state_empty"], True)
    c.expect("--no-card", "SCardConnect", out["connect"], "SCARD_E_NO_SMARTCARD")

    _, out, err = session(["--no-reader"], "no_reader")
    c.expect("--no-reader", "SCardListReaders", out["list_readers"], "SCARD_E_NO_READERS_AVAILABLE")
    c.expect("--no-reader", "'reader:' line", "reader: (none)" in err, True)

    env = dict(os.environ, PCSCLITE_CSOCK_NAME=str(work / "nothing-listens-here"))
    done = subprocess.run([PYTHON, __file__, "--probe", "no_reader"], env=env,
                          capture_output=True, text=True, check=True)
    c.expect("no pcscd", "result", json.loads(done.stdout),
             {"error": "SCardEstablishContext", "code": "SCARD_E_NO_SERVICE"})


def check_harness(c, work):
    status, out, err = session([], command=["sh", "-c", "echo out; echo err >&2; exit 7"])
    c.expect("harness", "CMD's exit status", status, 7)
    c.expect("harness", "CMD's stdout is 'out\\n'", out == "out\n", True)
    c.expect("harness", "CMD's stderr", err.endswith("err\n"), True)

    status, _, _ = session(["--user-auth", "9"], command=["true"])
    c.expect("harness", "bad card option: status 125", status, 125)

    for sig, expected in ((signal.SIGTERM, 128 + 15), (signal.SIGINT, 128 + 2)):
        marker = work / f"running-{sig.name}"
        proc = subprocess.Popen([PYTHON, SESSION, "--", "sh", "-c",
                                 f'echo "$PCSCLITE_CSOCK_NAME" > {marker}; exec sleep 30'],
                                stderr=subprocess.DEVNULL)
        while not (marker.exists() and marker.read_text()):
            time.sleep(0.05)
        tmp = str(Path(marker.read_text().strip()).parent)
        proc.send_signal(sig)
        c.expect("harness", f"{sig.name}: exit status", proc.wait(20), expected)
        c.expect("harness", f"{sig.name}: temporary directory removed", os.path.exists(tmp), False)
        c.expect("harness", f"{sig.name}: no process left", leftovers(tmp), [])

    serve_dir = work / "serve"
    proc = subprocess.Popen([PYTHON, SESSION, "--serve", str(serve_dir)], stderr=subprocess.PIPE)
    env_file = serve_dir / "env"
    deadline = time.monotonic() + 20
    while not env_file.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    values = dict(line.split("=", 1) for line in env_file.read_text().splitlines())
    c.expect("--serve", "env keys", sorted(values), ["CERT", "JPKI_CARD", "MAKE_CERT",
                                                     "PCSCLITE_CSOCK_NAME", "READER", "VPCD_PORT"])
    done = subprocess.run([PYTHON, __file__, "--probe", "removal"], env=dict(os.environ, **values),
                          capture_output=True, text=True, check=True)
    out = json.loads(done.stdout)
    c.expect("--serve", "reader empty at first", out["empty_before"], True)
    c.expect("--serve", "SELECT with the card on", out["select_before"], "90 00")
    c.note("--serve", "card ended (SIGTERM): transmit", out["transmit_after_kill"])
    c.note("--serve", "card ended (SIGTERM): transmit again", out["transmit_again"])
    c.note("--serve", "card put back: old handle", out["old_handle_after_reinsert"])
    c.expect("--serve", "card put back: tries", out["tries_after_reinsert"], DEFAULT_TRIES)
    proc.terminate()
    c.expect("--serve", "SIGTERM: exit status", proc.wait(20), 0)
    c.expect("--serve", "env removed", env_file.exists(), False)
    tmp = str(Path(values["PCSCLITE_CSOCK_NAME"]).parent)
    c.expect("--serve", "no process left", leftovers(tmp), [])


def check_timings(c, cert):
    status, out, _ = session(["--cert", str(cert)], "bench")
    c.expect("timing", "bench ran", status, 0)
    c.note("timing", f"connect, median of {BENCH_RUNS}", f"{out['connect_ms']:.2f} ms")
    c.note("timing", f"read sequence ({out['apdus']} APDUs, {out['certificate_bytes']}-byte "
           f"certificate), median of {BENCH_RUNS}", f"{out['read_ms']:.2f} ms "
           f"(max {out['read_max_ms']:.2f} ms)")
    starts = []
    for _ in range(3):
        start = time.monotonic()
        session(["--cert", str(cert)], command=["true"])
        starts.append(time.monotonic() - start)
    c.note("timing", "session.py -- true (start, card seen, teardown), median of 3",
           f"{statistics.median(starts):.2f} s")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--probe", choices=sorted(PROBES))
    args = parser.parse_args(argv)
    if args.probe:
        return run_probe(args.probe)
    c = Checker()
    with tempfile.TemporaryDirectory(prefix="madoguchi-check-") as work:
        work = Path(work)
        cert = check_reads(c, work)
        check_failures(c, work, cert)
        check_harness(c, work)
        check_timings(c, cert)
    print(f"{c.failures} check(s) failed" if c.failures else "all checks passed")
    return 1 if c.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
