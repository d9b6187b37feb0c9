#!/usr/bin/python3
"""A private, reader-less PC/SC stack for tests: pcscd + vpcd + emulated card.

  session.py [--no-reader] [--no-card] [--not-after YYYYMMDDhhmmssZ]
             [jpki_card.py options] -- CMD ARGS...
  session.py --serve DIR [--no-reader] [--not-after YYYYMMDDhhmmssZ]

The first form starts a private pcscd with one vpcd reader, puts an emulated
JPKI card on it (jpki_card.py, given the options session.py does not know
itself, e.g. --user-auth 0 or --no-cert; a certificate ending at --not-after
is made unless --cert or --no-cert is given), waits for the card, runs CMD
with PCSCLITE_CSOCK_NAME (plus VPCD_PORT and READER) set, and exits with
CMD's exit status after tearing everything down.

The second form starts the private pcscd only, writes DIR/cert.der and
DIR/env (KEY=VALUE lines) and stays until SIGTERM or SIGINT; cards are put
on the reader by running `jpki_card.py --port $VPCD_PORT ...` and taken
away by ending it.

The private pcscd never meets a system one or another session: it listens on
a socket in its own temporary directory, handed over the way systemd's
socket activation does (pcscd 1.9.9 ignores PCSCLITE_CSOCK_NAME, only
libpcsclite reads it), and its vpcd reader uses free TCP ports. Exit status
125 is a failure of the harness itself (message on stderr).
"""

import argparse
import ctypes
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from smartcard import scard

HERE = Path(__file__).resolve().parent
PYTHON = "/usr/bin/python3"
PCSCD = "/usr/sbin/pcscd"
VPCD_DRIVER = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so"  # dpkg -L vsmartcard-vpcd
READER_FRIENDLY_NAME = "Madoguchi Test Reader"
# vpcd always makes two slots: "... 00 00" on VPCD_PORT, "... 00 01" on VPCD_PORT + 1.
READER = READER_FRIENDLY_NAME + " 00 00"
SECOND_READER = READER_FRIENDLY_NAME + " 00 01"
DEFAULT_NOT_AFTER = "20301210145959Z"  # 2030-12-10 23:59:59 JST
CARD_TIMEOUT = 10.0
UNIX_PATH_ROOM = 90  # sockaddr_un holds 107 bytes; "/pcscd.comm" follows
HARNESS_FAILURE = 125
PORT_ATTEMPTS = 3


class HarnessError(Exception):
    """The stack could not be set up; exit status 125."""


class Interrupted(Exception):
    """SIGINT, SIGTERM or SIGHUP arrived; exit status 128 + signal."""

    def __init__(self, signum):
        super().__init__(signum)
        self.signum = signum


def raise_interrupted(signum, _frame):
    raise Interrupted(signum)


late_signals = []


def remember_signal(signum, _frame):
    """Handler during teardown: noted, not raised, so teardown completes."""
    late_signals.append(signum)


_libc = ctypes.CDLL(None, use_errno=True)
_PR_SET_PDEATHSIG = 1


def die_with_parent():
    """preexec_fn: SIGTERM this child when session.py dies, even by SIGKILL."""
    _libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def free_port_pair():
    """A TCP port P such that P and P + 1 are both free now."""
    while True:
        with socket.socket() as first:
            first.bind(("", 0))
            port = first.getsockname()[1]
            if port >= 65535:
                continue
            with socket.socket() as second:
                try:
                    second.bind(("", port + 1))
                except OSError:
                    continue
        return port


def check(rv, what):
    if rv != scard.SCARD_S_SUCCESS:
        raise HarnessError(f"{what}: {scard.SCardGetErrorMessage(rv)} ({rv & 0xFFFFFFFF:#010x})")


def stop(proc, sig=signal.SIGTERM, grace=5.0):
    """Ends a child: sig, then SIGKILL after grace seconds."""
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(sig)
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


class Stack:
    """A private pcscd with zero or one vpcd reader, and maybe a card on it."""

    def __init__(self, with_reader):
        self.with_reader = with_reader
        self.dir = Path(tempfile.mkdtemp(prefix="madoguchi-card-"))
        if len(str(self.dir)) > UNIX_PATH_ROOM:  # a long TMPDIR
            self.dir.rmdir()
            self.dir = Path(tempfile.mkdtemp(prefix="madoguchi-card-", dir="/tmp"))
        self.socket_path = self.dir / "pcscd.comm"
        self.reader_conf = self.dir / "reader.conf"
        self.pcscd_log = self.dir / "pcscd.log"
        self.port = None
        self.pcscd = None
        self.card = None
        self.context = None
        # libpcsclite reads PCSCLITE_CSOCK_NAME once per process: set it now.
        os.environ["PCSCLITE_CSOCK_NAME"] = str(self.socket_path)

    def env(self):
        """What a client of this stack needs in its environment."""
        env = {"PCSCLITE_CSOCK_NAME": str(self.socket_path)}
        if self.with_reader:
            env.update(VPCD_PORT=str(self.port), READER=READER)
        return env

    def start(self):
        """Starts pcscd; retries on other ports if vpcd could not bind its own."""
        for _ in range(PORT_ATTEMPTS):
            self.start_pcscd()
            readers = self.list_readers()
            if not self.with_reader or {READER, SECOND_READER} <= set(readers):
                return
            self.release()
            stop(self.pcscd)
        raise HarnessError(f"pcscd did not make the vpcd reader; its log:\n{self.log_text()}")

    def start_pcscd(self):
        if self.with_reader:
            self.port = free_port_pair()
            self.reader_conf.write_text(
                f'FRIENDLYNAME "{READER_FRIENDLY_NAME}"\n'
                f"DEVICENAME /dev/null:{self.port}\n"
                f"LIBPATH {VPCD_DRIVER}\n")
        else:
            self.reader_conf.write_text("")
        self.socket_path.unlink(missing_ok=True)
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listener:
            listener.bind(str(self.socket_path))
            listener.listen(64)
            env = dict(os.environ, LISTEN_FDS="1")
            env.pop("LISTEN_FDNAMES", None)
            with open(self.pcscd_log, "ab") as log:
                # Socket activation: the listening socket as fd 3, LISTEN_FDS=1
                # and LISTEN_PID = pcscd's pid (the shell's, kept by exec).
                self.pcscd = subprocess.Popen(
                    ["/bin/sh", "-c", 'LISTEN_PID=$$ exec "$@" 3<&0 </dev/null', "sh",
                     PCSCD, "--foreground", "--config", str(self.reader_conf)],
                    stdin=listener.fileno(), stdout=log, stderr=subprocess.STDOUT,
                    env=env, start_new_session=True, preexec_fn=die_with_parent)
        # Only pcscd holds the socket now: if it dies, clients fail at once.

    def list_readers(self):
        """The reader names, once pcscd serves clients (it does after loading
        the readers of reader.conf)."""
        rv, self.context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        if rv != scard.SCARD_S_SUCCESS:
            self.context = None
            raise HarnessError(
                f"pcscd did not start: {scard.SCardGetErrorMessage(rv)}; its log:\n"
                f"{self.log_text()}")
        rv, readers = scard.SCardListReaders(self.context, [])
        if rv == scard.SCARD_E_NO_READERS_AVAILABLE:
            return []
        check(rv, "SCardListReaders")
        return readers

    def insert_card(self, card_args):
        """Starts the emulator and waits until pcscd sees the card powered."""
        self.card = subprocess.Popen(
            [PYTHON, str(HERE / "jpki_card.py"), "--port", str(self.port), *card_args],
            stdin=subprocess.DEVNULL, stdout=sys.stderr, start_new_session=True,
            preexec_fn=die_with_parent)
        deadline = time.monotonic() + CARD_TIMEOUT
        states = [(READER, scard.SCARD_STATE_UNAWARE)]
        while True:
            rv, states = scard.SCardGetStatusChange(self.context, 200, states)
            if rv not in (scard.SCARD_S_SUCCESS, scard.SCARD_E_TIMEOUT):
                check(rv, "SCardGetStatusChange")
            event_state = states[0][1]
            if event_state & scard.SCARD_STATE_PRESENT and not event_state & scard.SCARD_STATE_MUTE:
                return
            if self.card.poll() is not None:
                raise HarnessError(f"the card emulator exited with status {self.card.returncode}")
            if time.monotonic() > deadline:
                raise HarnessError(f"no card in {READER!r} after {CARD_TIMEOUT:.0f} s")
            states = [(READER, event_state)]

    def release(self):
        if self.context is not None:
            scard.SCardReleaseContext(self.context)
            self.context = None

    def log_text(self):
        try:
            return self.pcscd_log.read_text(errors="replace")
        except OSError:
            return "(no log)"

    def close(self):
        """Ends the card and pcscd and removes the temporary directory."""
        self.release()
        stop(self.card)
        stop(self.pcscd)
        shutil.rmtree(self.dir, ignore_errors=True)


def make_cert(not_after, path):
    """Starts make_cert.sh; the caller waits for it."""
    return subprocess.Popen([str(HERE / "make_cert.sh"), not_after, str(path)],
                            stdin=subprocess.DEVNULL, preexec_fn=die_with_parent)


def wait_cert(proc):
    if proc.wait() != 0:
        raise HarnessError(f"make_cert.sh failed with status {proc.returncode}")


def run_command(args, card_args, command):
    """The first form: returns CMD's exit status."""
    stack = cert_maker = cmd = None
    try:
        stack = Stack(with_reader=not args.no_reader)
        wants_card = not (args.no_reader or args.no_card)
        if wants_card and "--cert" not in card_args and "--no-cert" not in card_args:
            cert_path = stack.dir / "cert.der"
            cert_maker = make_cert(args.not_after, cert_path)
            card_args = ["--cert", str(cert_path), *card_args]
        stack.start()
        print(f"reader: {READER if stack.with_reader else '(none)'}", file=sys.stderr, flush=True)
        if cert_maker:
            wait_cert(cert_maker)
        if wants_card:
            stack.insert_card(card_args)
        stack.release()
        try:
            cmd = subprocess.Popen(command, env=dict(os.environ, **stack.env()),
                                   preexec_fn=die_with_parent)
        except OSError as e:
            raise HarnessError(f"cannot run {command[0]}: {e}") from e
        status = cmd.wait()
        return status if status >= 0 else 128 - status
    except Interrupted as e:
        stop(cmd, e.signum)
        return 128 + e.signum
    finally:
        teardown(stack, cert_maker, cmd)


def serve(args):
    """The second form: returns when interrupted."""
    out = Path(args.serve)
    out.mkdir(parents=True, exist_ok=True)
    stack = cert_maker = None
    try:
        stack = Stack(with_reader=not args.no_reader)
        cert_maker = make_cert(args.not_after, out / "cert.der")
        stack.start()
        stack.release()
        wait_cert(cert_maker)
        lines = dict(stack.env(), CERT=str(out / "cert.der"),
                     JPKI_CARD=str(HERE / "jpki_card.py"), MAKE_CERT=str(HERE / "make_cert.sh"))
        partial = out / "env.partial"
        partial.write_text("".join(f"{k}={v}\n" for k, v in lines.items()))
        partial.rename(out / "env")  # appears complete or not at all
        print(f"reader: {READER if stack.with_reader else '(none)'}", file=sys.stderr, flush=True)
        while stack.pcscd.poll() is None:
            time.sleep(0.5)
        raise HarnessError(f"pcscd exited with status {stack.pcscd.returncode}; its log:\n"
                           f"{stack.log_text()}")
    except Interrupted as e:
        return 128 + e.signum if e.signum != signal.SIGTERM else 0
    finally:
        (out / "env").unlink(missing_ok=True)
        teardown(stack, cert_maker, None)


def teardown(stack, cert_maker, cmd):
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, remember_signal)
    stop(cmd)
    stop(cert_maker)
    if stack:
        stack.close()


class ArgumentParser(argparse.ArgumentParser):
    """Usage errors exit with 125 too, not argparse's 2 (a status CMD may have)."""

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(HARNESS_FAILURE, f"{self.prog}: error: {message}\n")


def parse_args(argv):
    if "--" in argv:
        split = argv.index("--")
        options, command = argv[:split], argv[split + 1:]
    else:
        options, command = argv, []
    parser = ArgumentParser(
        usage="%(prog)s [--no-reader] [--no-card] [--not-after T] [card options] -- CMD ARGS...\n"
              "       %(prog)s --serve DIR [--no-reader] [--not-after T]",
        description="Private PC/SC stack with an emulated JPKI card; "
                    "card options are those of jpki_card.py (without --port).",
        allow_abbrev=False)
    parser.add_argument("--serve", metavar="DIR",
                        help="start pcscd only, write DIR/env and DIR/cert.der, stay until killed")
    parser.add_argument("--no-reader", action="store_true", help="pcscd with no reader at all")
    parser.add_argument("--no-card", action="store_true", help="the reader, with no card on it")
    parser.add_argument("--not-after", default=DEFAULT_NOT_AFTER, metavar="YYYYMMDDhhmmssZ",
                        help=f"notAfter of the certificate made (default {DEFAULT_NOT_AFTER})")
    args, card_args = parser.parse_known_args(options)
    if args.serve:
        if command or card_args or args.no_card:
            parser.error("--serve takes no command and no card options")
    elif not command:
        parser.error("no command after --")
    elif card_args and (args.no_reader or args.no_card):
        parser.error("card options with --no-reader or --no-card")
    return args, card_args, command


def main(argv):
    args, card_args, command = parse_args(argv)
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, raise_interrupted)
    try:
        status = serve(args) if args.serve else run_command(args, card_args, command)
    except HarnessError as e:
        print(f"session.py: error: {e}", file=sys.stderr)
        return HARNESS_FAILURE
    if late_signals:
        return 128 + late_signals[0]
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
