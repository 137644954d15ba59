#!/usr/bin/env bash
# Search at size: builds the generated corpus (STORIES stories, STORIES/10 nominations)
# with and without search in the same run, alternating, and reports the medians (wall
# and CPU, user + system), the peak memory, the per-story figures, the index size, the
# bytes a first query fetches and the time from the last keystroke to results in
# headless Chromium.
#   benches/search.sh [STORIES] [RUNS]     (defaults 10000 and 3)
#   BENCH_DIR=/tmp/x benches/search.sh 100000 1     the 100,000-story figures
#   NO_BROWSER=1 benches/search.sh ...              builds only
# A new corpus's first build draws every social card (about 1,000 s of CPU at 100,000
# stories), which is not what is measured: the script first builds once unmeasured,
# with --no-search, to fill the corpus's card cache, and says so. Every measured run
# is a first build into an empty folder (removed after the run, but for the last build
# with search, which the browser figures read): at 100,000 stories one output is about
# 14 GB. Needs `npm ci` in tests/browser and /usr/bin/chromium for the browser figures.
set -euo pipefail
cd "$(dirname "$0")/.."
stories=${1:-10000}
runs=${2:-3}
work=${BENCH_DIR:-/tmp/practice-press-bench}
corpus="$work/corpus-$stories"
out="$work/out"
mkdir -p "$work"
if [ ! -f "$corpus/site.yaml" ]; then
  python3 scripts/gen_corpus.py --stories "$stories" --nominations $((stories / 10)) --flavor native --out "$corpus" >/dev/null
fi
cargo build --release --quiet
bin=target/release/practice-press

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
wall() { awk -F': ' '/Elapsed \(wall clock\)/ { split($2, a, ":"); s = 0; for (j = 1; j <= length(a); j++) s = s * 60 + a[j]; print s }' "$1"; }
cpu() { awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$1"; }
rss() { awk -F': ' '/Maximum resident set size/ { print $2 }' "$1"; }
load() { cut -d' ' -f1 /proc/loadavg; }

if [ ! -d "$corpus/.practice-press-cache/cards" ]; then
  echo "first build of this corpus, unmeasured (--no-search): drawing every social card into its cache"
  rm -rf "$out"
  "$bin" build --site "$corpus" --output "$out" --quiet --no-search
fi

with=(); without=(); cpu_with=(); cpu_without=(); peak_with=0; peak_without=0
for i in $(seq "$runs"); do
  for mode in without with; do
    flags=(); [ "$mode" = without ] && flags=(--no-search)
    log="$work/search-$mode-$i.log"
    rm -rf "$out"
    before=$(load)
    /usr/bin/time -v "$bin" build --site "$corpus" --output "$out" --quiet "${flags[@]}" 2> "$log"
    t=$(wall "$log"); c=$(cpu "$log"); r=$(rss "$log")
    echo "run $i, $mode search: ${t} s wall, ${c} s CPU, peak $((r / 1024)) MB (load average $before before, $(load) after)"
    if [ "$mode" = with ]; then with+=("$t"); cpu_with+=("$c"); [ "$r" -gt "$peak_with" ] && peak_with=$r
    else without+=("$t"); cpu_without+=("$c"); [ "$r" -gt "$peak_without" ] && peak_without=$r; fi
  done
done
mw=$(printf '%s\n' "${with[@]}" | median)
mo=$(printf '%s\n' "${without[@]}" | median)
cw=$(printf '%s\n' "${cpu_with[@]}" | median)
co=$(printf '%s\n' "${cpu_without[@]}" | median)
entries=$((stories + stories / 10))
echo "corpus: $stories stories, $((stories / 10)) nominations (card cache warm)"
echo "build median of $runs: ${mw} s with search, ${mo} s with --no-search (ratio $(awk -v a="$mw" -v b="$mo" 'BEGIN { printf "%.2f", a / b }'), limit 1.3)"
echo "CPU median of $runs: ${cw} s with search, ${co} s with --no-search (ratio $(awk -v a="$cw" -v b="$co" 'BEGIN { printf "%.2f", a / b }'))"
echo "peak memory: $((peak_with / 1024)) MB with search (limit 600 at 10,000 stories, 2,048 at 100,000), $((peak_without / 1024)) MB without"
awk -v c="$cw" -v p="$peak_with" -v n="$entries" 'BEGIN { printf "per entry, with search: %.2f ms CPU, %.1f KB peak memory\n", c * 1000 / n, p / n }'
echo "index: $(du -sh "$out/search-index" | cut -f1) in $(find "$out/search-index" -type f | wc -l) files"

queries=(choices "kinship care" regularly blankets "court visits" assessment Galloway conference mispainted "sad apples" fostering)
if [ -n "${NO_BROWSER:-}" ]; then
  echo "browser figures skipped (NO_BROWSER)"
elif [ -d tests/browser/node_modules ]; then
  node scripts/first_query_bytes.mjs "$out" "${queries[@]}" "(filter only)" || echo "first-query bytes: over the limit"
  node scripts/search_latency.mjs "$out" "${queries[@]}"
else
  echo "browser figures skipped: run 'npm ci' in tests/browser first"
fi
