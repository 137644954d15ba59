#!/usr/bin/env bash
# Runs every test: the Rust suites (unit, integration) and the headless-Chromium suite.
# Needs Debian's chromium at /usr/bin/chromium, node and npm, and Java for the HTML
# checker; .ci/run installs them on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --all-targets
cargo test --doc

if [ -f tests/browser/package.json ]; then
  cargo build --release
  (cd tests/browser && npm ci --no-audit --no-fund)
  node tests/browser/run.mjs
fi
