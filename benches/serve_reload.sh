#!/usr/bin/env bash
# Reload latency of `serve --watch` on the 10,000-story corpus: the time from writing
# one story to the reload event reaching the browser's event stream, and to the
# "search" event that says the new search index is in, over 15 edits.
#
#   benches/serve_reload.sh [STORIES] [EDITS]
#
# Makes the corpus in a temporary folder (scripts/gen_corpus.py, deterministic), then
# runs examples/serve_reload.rs in release mode. Prints each edit's latencies and the
# medians. Nothing outside the temporary folder is written.
set -euo pipefail
cd "$(dirname "$0")/.."
stories="${1:-10000}"
edits="${2:-15}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 scripts/gen_corpus.py --stories "$stories" --nominations "$((stories / 10))" \
  --flavor native --out "$work/site"
cargo build --release --example serve_reload
uptime
target/release/examples/serve_reload "$work/site" "$edits"
