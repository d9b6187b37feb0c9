#!/usr/bin/env bash
# Builds madoguchi for Windows 10/11 (x64) and packages it under target/dist/:
#   madoguchi-VERSION-x64.msi           per-machine install under Program Files, Start-menu
#                                       shortcut, upgrade in place, clean uninstall (wixl)
#   madoguchi-VERSION-windows-x64.zip   the same files, to copy as a folder, and rules/ (the
#                                       built-in model and languages, for another city)
# Both hold madoguchi.exe (the window, no console), madoguchi.com (the commands, for cmd and
# PowerShell), the licences and a short Japanese read-me.
# Usage: bash scripts/package-windows.sh [VERSION]   (default: the version in Cargo.toml; a
# different one only changes the installer's and the packages' version, as CI's upgrade test
# needs).
set -euo pipefail
cd "$(dirname "$0")/.."
target=x86_64-pc-windows-gnu
need=()
command -v x86_64-w64-mingw32-gcc >/dev/null || need+=(gcc-mingw-w64-x86-64)
command -v wixl >/dev/null || need+=(wixl)
command -v zip >/dev/null || need+=(zip)
if [ ${#need[@]} -gt 0 ]; then
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
rustup target list --installed | grep -qx "$target" || rustup target add "$target"

crate_version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
version=${1:-$crate_version}
cargo build --release --locked --target "$target" --features console --bins
built=target/$target/release
dist=target/dist
stage=$dist/madoguchi-$version
rm -rf "$stage"
mkdir -p "$stage"
x86_64-w64-mingw32-strip -o "$stage/madoguchi.exe" "$built/madoguchi.exe"
x86_64-w64-mingw32-strip -o "$stage/madoguchi.com" "$built/madoguchi-console.exe"
# Text files for Notepad: CRLF, and the Japanese one with a byte-order mark.
crlf() { sed 's/\r$//; s/$/\r/' "$1"; }
{ printf '\xef\xbb\xbf'; crlf packaging/windows/readme-ja.txt | sed "s/@VERSION@/$version/"; } \
  > "$stage/README-ja.txt"
crlf LICENSE > "$stage/LICENSE.txt"
crlf assets/BIZUDGothic-OFL.txt > "$stage/BIZUDGothic-OFL.txt"
python3 packaging/windows/third_party_licenses.py "$target" "$stage/THIRD-PARTY-LICENSES.txt"

msi=$dist/madoguchi-$version-x64.msi
sed -e "s|@VERSION@|$version|g" -e "s|@DIR@|$stage|g" packaging/windows/madoguchi.wxs \
  > "$dist/madoguchi-$version.wxs"
wixl -a x64 -o "$msi" "$dist/madoguchi-$version.wxs"
# The zip also carries the built-in rules as files: where another city starts its own model.
mkdir -p "$stage/rules/lang"
cp assets/procedures.ron "$stage/rules/procedures.ron"
cp assets/lang/*.ron "$stage/rules/lang/"
zip_file=$dist/madoguchi-$version-windows-x64.zip
rm -f "$zip_file"
(cd "$dist" && zip -q -r "$(basename "$zip_file")" "madoguchi-$version")
ls -l "$stage/madoguchi.exe" "$msi" "$zip_file"
