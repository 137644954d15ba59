#!/usr/bin/env bash
# Benchmarks the search indexer: times SearchIndexer over N generated records (median
# of 5 runs), reports the bundle size, the peak memory of one run (/usr/bin/time -v),
# and how much index a first query fetches from the resulting bundle.
#
# Usage: scripts/bench_search.sh [N]   (default 10000; PROFILE=debug for a debug build)
set -euo pipefail

cd "$(dirname "$0")/.."
count="${1:-10000}"
profile="${PROFILE:-release}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

flag=()
[ "$profile" = release ] && flag=(--release)
cargo build --quiet "${flag[@]}" --example bench_search
bin="target/$profile/examples/bench_search"

echo "== timing: $count records, 5 runs ($profile build)"
"$bin" "$count" 5 "$out/site" | tee "$out/timing.txt"

echo
echo "== peak memory: one run of $count records"
/usr/bin/time -v "$bin" "$count" 1 2> "$out/time.txt" > /dev/null
grep -E 'Maximum resident set size|Elapsed \(wall clock\)' "$out/time.txt" | sed 's/^\s*//'

echo
echo "== first query"
read -r -a queries <<< "$(sed -n 's/^sample queries: //p' "$out/timing.txt")"
if [ -d tests/browser/node_modules ]; then
  mkdir -p "$out/site/static"
  cp themes/default/static/search-engine.js "$out/site/static/"
  node scripts/first_query_bytes.mjs "$out/site" "${queries[@]}" "${queries[0]} ${queries[1]}" "Okafor" "(filter only)"
else
  echo "skipped: run 'npm ci' in tests/browser first"
fi
