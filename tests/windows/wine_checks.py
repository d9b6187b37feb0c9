#!/usr/bin/env python3
"""The Windows build under Wine, against the Linux build: run by scripts/test-windows.sh.

Usage: wine_checks.py LINUX_BINARY DIST_DIR VERSION NEXT_VERSION

Needs: WINEPREFIX set up with the stand-in bcryptprimitives.dll, WINE (the wine64 loader),
DISPLAY (Xvfb) for the window, the cups-pdf queue `madoguchi-pdf`, pdftotext/pdfinfo, xdotool.
Every check prints one line; the script exits 1 if any failed.
"""
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

LINUX, DIST, VERSION, NEXT = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3], sys.argv[4]
WINE = os.environ.get("WINE", "/usr/lib/wine/wine64")
PREFIX = pathlib.Path(os.environ["WINEPREFIX"])
STAGE = DIST / f"madoguchi-{VERSION}"
EXE, COM = STAGE / "madoguchi.exe", STAGE / "madoguchi.com"
CASES = sorted(pathlib.Path("tests/cases/shared").glob("*.ron"))
failures = []


def check(name, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else f"\n     {detail}"))
    if not ok:
        failures.append(name)


def run(argv, env=None, timeout=120):
    full = dict(os.environ, **(env or {}))
    return subprocess.run(argv, capture_output=True, env=full, timeout=timeout)


def wine(program, *args, env=None, timeout=120):
    return run([WINE, str(program), *map(str, args)], env=env, timeout=timeout)


def linux(*args):
    return run([LINUX, *map(str, args)])


def text_of(pdf):
    return run(["pdftotext", "-layout", str(pdf), "-"]).stdout.decode()


def pages_and_size(pdf):
    info = run(["pdfinfo", str(pdf)]).stdout.decode()
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    return fields.get("Pages", "").strip(), fields.get("Page size", "").strip()


def one_a4_page(pdf):
    pages, size = pages_and_size(pdf)
    return pages == "1" and size.endswith("(A4)")


# CP932 holds Microsoft's forms of a few marks that Japanese text writes in JIS's (〜 as ～).
CP932_FORMS = str.maketrans("\u301c\u2016\u2212\u2014\u00a2\u00a3\u00ac",
                            "\uff5e\u2225\uff0d\u2015\uffe0\uffe1\uffe2")


def decode_windows_text(raw, code_page):
    """Text a person reads, as cmd/PowerShell would: a UTF-8 mark means UTF-8."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "utf-8 with BOM"
    return raw.decode(code_page), code_page


work = pathlib.Path(tempfile.mkdtemp(prefix="wine-checks-"))

# --- every example case: JSON, text, check, summary, diagram ------------------------------
for case in CASES:
    name = case.stem
    got, want = wine(COM, "evaluate", case, "--json"), linux("evaluate", case, "--json")
    check(f"{name}: evaluate --json prints what Linux prints (exit {want.returncode})",
          got.stdout == want.stdout and got.returncode == want.returncode == 0,
          f"exit {got.returncode}, {got.stdout[:200]!r} / {got.stderr[:300]!r}")
    want_text = linux("evaluate", case).stdout.decode()
    # A Japanese PC: the redirect is read in CP932 by cmd, PowerShell 5.1 and 7.
    got = wine(COM, "evaluate", case, env={"LANG": "ja_JP.UTF-8", "LC_ALL": "ja_JP.UTF-8"})
    text, how = decode_windows_text(got.stdout, "cp932")
    check(f"{name}: evaluate to a redirect on a Japanese PC is CP932 and reads the same",
          text == want_text.translate(CP932_FORMS) and how == "cp932", f"read as {how}: {got.stdout[:120]!r}")
    # An English PC (code page 437 cannot hold Japanese): UTF-8 with a byte-order mark.
    got = wine(COM, "evaluate", case, env={"LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"})
    text, how = decode_windows_text(got.stdout, "cp437")
    check(f"{name}: evaluate to a redirect on an English PC is UTF-8 with a BOM",
          text == want_text and how == "utf-8 with BOM", f"read as {how}: {got.stdout[:120]!r}")
    for lang in ["ja", "en", "yasashii"]:
        win_pdf, lin_pdf = work / f"{name}-{lang}-win.pdf", work / f"{name}-{lang}-linux.pdf"
        got = wine(COM, "summary", case, "--out", win_pdf, "--lang", lang)
        linux("summary", case, "--out", lin_pdf, "--lang", lang)
        ok = got.returncode == 0 and win_pdf.exists()
        same = ok and text_of(win_pdf) == text_of(lin_pdf) != ""
        check(f"{name}: summary --lang {lang} writes a one-page A4 PDF with the Linux sheet's text",
              ok and one_a4_page(win_pdf) and same,
              f"exit {got.returncode} {got.stderr[-300:]!r} {ok and pages_and_size(win_pdf)}")

got = wine(COM, "check", "--cases", "tests/cases/shared")
want = linux("check", "--cases", "tests/cases/shared")
check("check --cases agrees with Linux (exit 0, same words)",
      got.returncode == want.returncode == 0
      and decode_windows_text(got.stdout, "cp437")[0] == want.stdout.decode(),
      f"exit {got.returncode}: {got.stdout[:300]!r} {got.stderr[:300]!r}")

svg = work / "rules.svg"
got = wine(COM, "diagram", "--out", svg)
made = [svg, work / "rules-cert_issue.svg", work / "rules-pin_reset.svg",
        work / "rules.dot", work / "rules.mmd"]
check("diagram writes its SVG, DOT and Mermaid files",
      got.returncode == 0 and all(p.exists() and p.stat().st_size > 100 for p in made),
      f"exit {got.returncode} {got.stderr[:300]!r} {[p.name for p in made if not p.exists()]}")

# --- bad input: exit 2 and the same Japanese message --------------------------------------
broken = work / "broken.ron"
broken.write_text(pathlib.Path("assets/procedures.ron").read_text().replace(
    "documents:", "documents: [", 1))
for label, args in [
    ("a missing case file", ["evaluate", "no-such-case.ron"]),
    ("a broken model", ["evaluate", "--procedures", broken, CASES[0]]),
    ("an unknown --lang", ["summary", CASES[0], "--out", work / "x.pdf", "--lang", "fr"]),
]:
    got, want = wine(COM, *args), linux(*args)
    message = decode_windows_text(got.stderr, "cp437")[0]
    check(f"{label}: exit 2 with the Linux message",
          got.returncode == want.returncode == 2 and message == want.stderr.decode()
          and any("\u3040" <= c <= "\u30ff" for c in message),
          f"exit {got.returncode}/{want.returncode}: {message[:300]!r} / {want.stderr[:300]!r}")

# --- print: the printto verb of the program registered for .pdf ---------------------------
handler_dir = PREFIX / "drive_c" / "madoguchi-test"
out_dir = handler_dir / "out"
shutil.rmtree(out_dir, ignore_errors=True)
out_dir.mkdir(parents=True)
shutil.copy("target/windows-test/printto.exe", handler_dir / "printto.exe")
reg = work / "printto.reg"
reg.write_text(
    "Windows Registry Editor Version 5.00\r\n\r\n"
    "[HKEY_CLASSES_ROOT\\.pdf]\r\n@=\"MadoguchiTest.Pdf\"\r\n\r\n"
    "[HKEY_CLASSES_ROOT\\MadoguchiTest.Pdf\\shell\\printto\\command]\r\n"
    "@=\"\\\"C:\\\\madoguchi-test\\\\printto.exe\\\" \\\"C:\\\\madoguchi-test\\\\out\\\" "
    "\\\"%1\\\" \\\"%2\\\" \\\"%3\\\" \\\"%4\\\"\"\r\n", encoding="utf-16")
run([WINE, "regedit", "/S", str(reg)])
printers = wine(COM, "print", CASES[0], "--printer", "no-such-printer")
known = decode_windows_text(printers.stderr, "cp437")[0]
check("print to an unknown printer exits 2 and lists Windows's printers",
      printers.returncode == 2 and "madoguchi-pdf" in known, known[:300])
got = wine(COM, "print", CASES[0], "--printer", "madoguchi-pdf")
job, printer = out_dir / "job.pdf", out_dir / "printer.txt"
check("print --printer hands a one-page A4 PDF and the printer's name to the printto handler",
      got.returncode == 0 and job.exists() and printer.exists()
      and one_a4_page(job)
      and printer.read_text() == "madoguchi-pdf",
      f"exit {got.returncode} {decode_windows_text(got.stderr, 'cp437')[0][:300]!r} "
      f"{printer.read_text() if printer.exists() else 'no printer.txt'}")
temp = PREFIX / "drive_c" / "users" / os.environ.get("USER", "root") / "AppData" / "Local" / "Temp"
left = list(temp.glob("madoguchi-*.pdf")) if temp.exists() else []
check("print leaves no copy of the sheet in the temporary folder once the handler is done",
      not left, str(left))


# --- the card reader: WinSCard.dll is linked; Wine has no PC/SC service to answer ----------
got = wine(COM, "card")
said = decode_windows_text(got.stderr, "cp437")[0]
check("card under Wine (no PC/SC service) exits 4 with a Japanese sentence saying what to do",
      got.returncode == 4 and "読み取り機" in said and not any("a" <= c <= "z" for c in said),
      f"exit {got.returncode}: {said!r}")


# --- the installer: install, run, upgrade, the window from the shortcut, uninstall ----------
def msiexec(*args):
    return run([WINE, "msiexec", *map(str, args)], timeout=300)


installed = PREFIX / "drive_c" / "Program Files" / "madoguchi"
# ALLUSERS=1 puts the shortcut in the all-users Start menu on Windows; Wine 8.0's msi resolves
# ProgramMenuFolder to the user's own Start menu whatever ALLUSERS says. Either is accepted;
# that the install is per machine is checked in the registry (HKLM) below.
user = os.environ.get("USER", "root")
menus = [PREFIX / "drive_c" / "ProgramData" / "Microsoft" / "Windows" / "Start Menu" / "Programs",
         PREFIX / "drive_c" / "users" / user / "AppData" / "Roaming" / "Microsoft" / "Windows"
         / "Start Menu" / "Programs"]
shortcuts = [menu / "madoguchi.lnk" for menu in menus]
got = msiexec("/i", DIST / f"madoguchi-{VERSION}-x64.msi", "/qn")
check(f"msiexec /i madoguchi-{VERSION}-x64.msi /qn installs under Program Files",
      got.returncode == 0 and (installed / "madoguchi.exe").exists()
      and (installed / "madoguchi.com").exists() and (installed / "README-ja.txt").exists()
      and any(s.exists() for s in shortcuts),
      f"exit {got.returncode}; {sorted(p.name for p in installed.glob('*'))}; "
      f"{[sorted(p.name for p in menu.glob('*')) for menu in menus]}")
shortcut = next((s for s in shortcuts if s.exists()), shortcuts[0])
got = wine(installed / "madoguchi.com", "--version")
check("the installed program runs (madoguchi --version)",
      got.returncode == 0 and got.stdout.startswith(b"madoguchi "), repr(got.stdout))


def windows():
    """Every mapped top-level window on the X display: id -> (name, class)."""
    ids = run(["xdotool", "search", "--onlyvisible", "--name", ""]).stdout.decode().split()
    found = {}
    for i in ids:
        name = run(["xdotool", "getwindowname", i]).stdout.decode().strip()
        klass = run(["xprop", "-id", i, "WM_CLASS"]).stdout.decode().strip()
        found[i] = (name, klass)
    return found


def start_as_explorer_does(path):
    """ShellExecute on `path` (what Explorer does for a double-click or a shortcut); gives the
    windows that are new once the madoguchi window is there (or after 30 s), then ends it."""
    before = windows()
    starter = subprocess.Popen([WINE, "start", "/unix", str(path)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline, new = time.time() + 30, {}
    while time.time() < deadline:
        time.sleep(1)
        new = {i: w for i, w in windows().items() if i not in before}
        if any(name.startswith("madoguchi") for name, _ in new.values()):
            break
    time.sleep(3)  # a console window, if one comes, comes with the program
    new = {i: w for i, w in windows().items() if i not in before}
    for program in ["madoguchi.exe", "madoguchi.com"]:
        subprocess.run([WINE, "taskkill", "/IM", program, "/F"], capture_output=True)
    starter.wait(timeout=30)
    time.sleep(2)
    return list(new.values())


def consoles(new):
    # Wine draws a console as a window of class conhost.exe named after the program.
    return [w for w in new if "conhost" in w[1] or "\\madoguchi" in w[0]]


# Wine's own helper windows (unnamed, no class) come and go with any program: only named
# windows and consoles count.
new = start_as_explorer_does(shortcut)
opened = [w for w in new if w[0].startswith("madoguchi")]
check("from the Start-menu shortcut, the window named madoguchi opens within 30 s",
      len(opened) == 1, f"new windows: {new}")
check("and no console window opens beside it", opened and not consoles(new)
      and all(not name or name.startswith("madoguchi") for name, _ in new),
      f"new windows: {new}")
# The same check sees a console where there is one: the console build started the same way.
new = start_as_explorer_does(installed / "madoguchi.com")
check("(control: the console build started the same way does show a console window)",
      len(consoles(new)) == 1, f"new windows: {new}")

got = msiexec("/i", DIST / f"madoguchi-{NEXT}-x64.msi", "/qn")
listed = run([WINE, "reg", "query",
              "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall", "/s"]).stdout
entries = listed.decode("utf-8", "replace").count("DisplayName    REG_SZ    madoguchi\r\n")
check(f"madoguchi-{NEXT}-x64.msi installs over {VERSION} in place (one entry, new version)",
      got.returncode == 0 and (installed / "madoguchi.exe").exists() and entries == 1
      and NEXT in listed.decode("utf-8", "replace"),
      f"exit {got.returncode}, {entries} entries named madoguchi")
got = msiexec("/x", DIST / f"madoguchi-{NEXT}-x64.msi", "/qn")
check("msiexec /x uninstalls it: no program folder, no shortcut",
      got.returncode == 0 and not installed.exists() and not any(s.exists() for s in shortcuts),
      f"exit {got.returncode}; left: {list(installed.glob('*')) if installed.exists() else ''}"
      f" {[s for s in shortcuts if s.exists()]}")

shutil.rmtree(work, ignore_errors=True)
print(f"{len(failures)} of the Windows checks failed" if failures else "every Windows check passed")
sys.exit(1 if failures else 0)
