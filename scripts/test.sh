#!/usr/bin/env bash
# Sets up what the tests need on a fresh Debian machine (scripts/setup.sh: apt packages, the
# CUPS scheduler and a cups-pdf queue), then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cargo test --workspace --locked "$@"
