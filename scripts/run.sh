#!/usr/bin/env bash
# Installs the card reader's and the print system's libraries if they are missing, then builds and opens the counter
# window (the first build takes several minutes). Arguments go to madoguchi.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --build-only
cargo run --release --locked -- "$@"
