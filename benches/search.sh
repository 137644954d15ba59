#!/usr/bin/env bash
# Search at size: builds the generated corpus (STORIES stories, STORIES/10 nominations)
# with and without search in the same run, alternating, and reports the medians, the
# peak memory, the index size, the bytes a first query fetches and the time from the
# last keystroke to results in headless Chromium.
#   benches/search.sh [STORIES] [RUNS]     (defaults 10000 and 3)
# Needs `npm ci` in tests/browser and /usr/bin/chromium for the browser figures.
set -euo pipefail
cd "$(dirname "$0")/.."
stories=${1:-10000}
runs=${2:-3}
work=${BENCH_DIR:-/tmp/practice-press-bench}
corpus="$work/corpus-$stories"
mkdir -p "$work"
if [ ! -f "$corpus/site.yaml" ]; then
  python3 scripts/gen_corpus.py --stories "$stories" --nominations $((stories / 10)) --flavor native --out "$corpus" >/dev/null
fi
cargo build --release --quiet
bin=target/release/practice-press

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
wall() { awk -F': ' '/Elapsed \(wall clock\)/ { split($2, a, ":"); s = 0; for (j = 1; j <= length(a); j++) s = s * 60 + a[j]; print s }' "$1"; }
rss() { awk -F': ' '/Maximum resident set size/ { print $2 }' "$1"; }

with=(); without=(); peak_with=0; peak_without=0
for i in $(seq "$runs"); do
  for mode in without with; do
    flags=(); [ "$mode" = without ] && flags=(--no-search)
    log="$work/search-$mode-$i.log"
    /usr/bin/time -v "$bin" build --site "$corpus" --output "$work/out-$mode" --quiet "${flags[@]}" 2> "$log"
    t=$(wall "$log"); r=$(rss "$log")
    echo "run $i, $mode search: ${t} s, peak $((r / 1024)) MB"
    if [ "$mode" = with ]; then with+=("$t"); [ "$r" -gt "$peak_with" ] && peak_with=$r
    else without+=("$t"); [ "$r" -gt "$peak_without" ] && peak_without=$r; fi
  done
done
mw=$(printf '%s\n' "${with[@]}" | median)
mo=$(printf '%s\n' "${without[@]}" | median)
echo "corpus: $stories stories, $((stories / 10)) nominations"
echo "build median of $runs: ${mw} s with search, ${mo} s with --no-search (ratio $(awk -v a="$mw" -v b="$mo" 'BEGIN { printf "%.2f", a / b }'), limit 1.3)"
echo "peak memory: $((peak_with / 1024)) MB with search (limit 600), $((peak_without / 1024)) MB without"
site="$work/out-with"
echo "index: $(du -sh "$site/search-index" | cut -f1) in $(find "$site/search-index" -type f | wc -l) files"

queries=(choices "kinship care" regularly blankets "court visits" assessment Galloway conference mispainted "sad apples" fostering)
if [ -d tests/browser/node_modules ]; then
  node scripts/first_query_bytes.mjs "$site" "${queries[@]}" "(filter only)"
  node scripts/search_latency.mjs "$site" "${queries[@]}"
else
  echo "browser figures skipped: run 'npm ci' in tests/browser first"
fi
