#!/usr/bin/env bash
# Sets up a fresh Debian machine for building and running (--build-only: the two libraries
# alone) and testing madoguchi:
#   libpcsclite-dev       the card reader's library (PC/SC; the `pcsc` crate links it)
#   libcups2              the print system's library (loaded when a printer is looked up)
#   poppler-utils         pdftotext / pdfinfo / pdffonts, to read the sheets back in tests
#   cups, cups-pdf        real print queues whose jobs land as PDFs in $HOME/PDF
#   minisign              the signing tool, to check that its signatures and ours agree
#   xvfb, Mesa            a real X server with software OpenGL, for the window's start-up tests
#   pcscd, vsmartcard-vpcd, python3-virtualsmartcard, python3-pycryptodome, python3-pyscard,
#   openssl               a card reader with no hardware and the tests' emulated My Number Card
# then starts the CUPS scheduler if it is not running and adds the queues `madoguchi-pdf` and
# `madoguchi-pdf-2` (no default printer).
set -euo pipefail
build_only=false
[ "${1:-}" = "--build-only" ] && build_only=true
need=()
[ -e /usr/include/PCSC/winscard.h ] || need+=(libpcsclite-dev)
/sbin/ldconfig -p | grep -q 'libcups\.so\.2 ' || need+=(libcups2)
if ! $build_only; then
  command -v pdftotext >/dev/null || need+=(poppler-utils)
  command -v cupsd >/dev/null || need+=(cups)
  [ -e /usr/lib/cups/backend/cups-pdf ] || need+=(printer-driver-cups-pdf)
  command -v minisign >/dev/null || need+=(minisign)
  command -v xvfb-run >/dev/null || need+=(xvfb xauth)
  # A card reader with no hardware: pcscd, the vpcd reader and the tests' JPKI card emulator.
  command -v pcscd >/dev/null || need+=(pcscd)
  dpkg -s vsmartcard-vpcd >/dev/null 2>&1 || need+=(vsmartcard-vpcd)
  dpkg -s python3-virtualsmartcard >/dev/null 2>&1 || need+=(python3-virtualsmartcard)
  dpkg -s python3-pycryptodome >/dev/null 2>&1 || need+=(python3-pycryptodome)
  dpkg -s python3-pyscard >/dev/null 2>&1 || need+=(python3-pyscard)
  command -v openssl >/dev/null || need+=(openssl)
  [ -e /usr/lib/x86_64-linux-gnu/dri/swrast_dri.so ] || need+=(libgl1-mesa-dri libglx-mesa0 libegl1 libxkbcommon-x11-0)
fi
if [ ${#need[@]} -gt 0 ]; then
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
fi
if $build_only; then
  exit 0
fi
running() { lpstat -r 2>/dev/null | grep -q "scheduler is running"; }
if ! running; then
  # No systemd on a CI machine: start the scheduler itself (it daemonises).
  if [ "$(id -u)" -eq 0 ]; then cupsd; else sudo cupsd; fi
  for _ in $(seq 1 50); do running && break; sleep 0.2; done
fi
# Two queues and no default printer, as on a counter PC where IT set up printers but chose no
# default: the tests check that this is said as such (and that a named queue prints).
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
model=$(lpinfo -m | awk '/CUPS-PDF/ {print $1; exit}')
for queue in madoguchi-pdf madoguchi-pdf-2; do
  if ! lpstat -p "$queue" >/dev/null 2>&1; then
    "${as_root[@]}" lpadmin -p "$queue" -E -v cups-pdf:/ -m "$model" 2>/dev/null
  fi
done
lpstat -p madoguchi-pdf madoguchi-pdf-2
