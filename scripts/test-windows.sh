#!/usr/bin/env bash
# The Windows build, tested under Wine on Linux (CI runs this after the README's test command):
# builds the .exe, the .msi and the .zip (scripts/package-windows.sh), a second .msi with a
# higher version for the upgrade, and runs tests/windows/wine_checks.py against the Linux build:
# every example case's JSON, text and sheet, check, diagram, bad input, printing through the
# printto verb, the window started from the Start-menu shortcut (no console beside it), install,
# upgrade and uninstall.
# Needs the CUPS queue of scripts/setup.sh (Wine lists CUPS's printers as Windows printers).
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
[ -x /usr/lib/wine/wine64 ] || need+=(wine wine64 libwine)
command -v xvfb-run >/dev/null || need+=(xvfb xauth)
command -v xdotool >/dev/null || need+=(xdotool)
command -v xprop >/dev/null || need+=(x11-utils)
[ -e /usr/lib/x86_64-linux-gnu/dri/swrast_dri.so ] || need+=(libgl1-mesa-dri libglx-mesa0)
command -v pdfinfo >/dev/null || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
next="${version%.*}.$(( ${version##*.} + 1 ))"
bash scripts/package-windows.sh "$version"
bash scripts/package-windows.sh "$next" >/dev/null
cargo build --locked --quiet --bin madoguchi

# Test-only helpers for the Wine prefix (never shipped): the bcryptprimitives.dll Wine 8.0
# lacks, and a printto handler for .pdf that keeps what it is given.
mkdir -p target/windows-test
x86_64-w64-mingw32-gcc -shared -O2 -o target/windows-test/bcryptprimitives.dll \
  tests/windows/bcryptprimitives.c -ladvapi32
x86_64-w64-mingw32-gcc -municode -O2 -o target/windows-test/printto.exe tests/windows/printto.c

export WINEPREFIX=$PWD/target/windows-test/prefix WINEDEBUG=-all WINEARCH=win64
export WINE=/usr/lib/wine/wine64 WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree=d;mshtml=d"
rm -rf "$WINEPREFIX"
"$WINE" wineboot --init >/dev/null 2>&1
/usr/lib/wine/wineserver64 -w 2>/dev/null || true
cp target/windows-test/bcryptprimitives.dll "$WINEPREFIX/drive_c/windows/system32/"

status=0
xvfb-run -a -s "-screen 0 1366x768x24" \
  python3 tests/windows/wine_checks.py target/debug/madoguchi target/dist "$version" "$next" \
  || status=$?
/usr/lib/wine/wineserver64 -k 2>/dev/null || true
exit $status
