#!/usr/bin/env bash
# Time from process start to the first frame, madoguchi beside a bare eframe window with the
# same font, in one run under Xvfb. Usage: scripts/startup.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
if ! command -v xvfb-run >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq xvfb xauth libgl1-mesa-dri libglx-mesa0 libegl1 libxkbcommon-x11-0 >/dev/null
fi
cargo build --release --locked --quiet --bin madoguchi --example bare_window
xvfb-run -a -s "-screen 0 1366x768x24" bash -c '
  measure() {
    local start end
    start=$(date +%s%N)
    end=$(MADOGUCHI_REPORT_FIRST_FRAME=1 "$@" 2>/dev/null | sed -n "s/^first_frame_unix_nanos=//p")
    echo $(( (end - start) / 100000 ))
  }
  median() { sort -n | awk "{a[NR]=\$1} END {print a[int((NR+1)/2)]}"; }
  app=(); bare=()
  for i in $(seq "$1"); do
    app+=("$(measure ./target/release/madoguchi)")
    bare+=("$(measure ./target/release/examples/bare_window)")
  done
  a=$(printf "%s\n" "${app[@]}" | median); b=$(printf "%s\n" "${bare[@]}" | median)
  ms() { awk -v t="$1" "BEGIN { printf \"%.1f\", t / 10 }"; }
  echo "madoguchi first frame: median $(ms "$a") ms (runs, 0.1 ms: ${app[*]})"
  echo "bare eframe + font:    median $(ms "$b") ms (runs, 0.1 ms: ${bare[*]})"
  awk -v a="$a" -v b="$b" "BEGIN { printf \"ratio: %.2f\n\", a / b }"
' _ "$runs"
