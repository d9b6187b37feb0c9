#!/usr/bin/env bash
# Runs the release build in a real window under Xvfb and saves a screenshot.
# Usage: [SCREEN=1024x768] scripts/screenshot.sh [OUT.png] [CASE.ron] [ID,ID,…]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshot-window.png}
case_file=${2:-tests/cases/shared/minor-pin-reset-same-household.ron}
presented=${3:-card,principal_secondary_id,agent_photo_id,agent_secondary_id}
if ! command -v xvfb-run >/dev/null || ! command -v import >/dev/null || ! command -v xdotool >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq xvfb xauth libgl1-mesa-dri libglx-mesa0 libegl1 libxkbcommon-x11-0 imagemagick xdotool >/dev/null
fi
cargo build --release --locked --quiet
mkdir -p "$(dirname "$out")"
screen=${SCREEN:-1366x768}
xvfb-run -a -s "-screen 0 ${screen}x24" bash -c '
  ./target/release/madoguchi --case "$1" --presented "$2" &
  pid=$!
  sleep "${SHOT_DELAY:-4}"
  # No window manager under Xvfb: fit the window to the screen by hand.
  xdotool search --name "madoguchi" windowmove 0 0 windowsize "${4%x*}" "${4#*x}" 2>/dev/null || true
  sleep 1
  xdotool mousemove 5 5 2>/dev/null || true
  sleep 1
  import -window root "$3"
  kill $pid
' _ "$case_file" "$presented" "$out" "$screen"
echo "saved $out"
