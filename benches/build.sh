#!/usr/bin/env bash
# Builds the synthetic corpus N times and reports the median wall time and peak memory.
#   benches/build.sh [STORIES] [RUNS] [extra build flags…]
# STORIES defaults to 10000 (with STORIES/10 nominations), RUNS to 5.
# COLD=1 deletes the output and the kept previous site before each run, so every run
# writes every file (a first build); otherwise runs after the second start from the
# site before last, as repeated builds do.
set -euo pipefail
cd "$(dirname "$0")/.."
stories=${1:-10000}
runs=${2:-5}
shift $(( $# > 2 ? 2 : $# ))
work=${BENCH_DIR:-/tmp/practice-press-bench}
corpus="$work/corpus-$stories"
mkdir -p "$work"
if [ ! -f "$corpus/site.yaml" ]; then
  python3 scripts/gen_corpus.py --stories "$stories" --nominations $((stories / 10)) --flavor native --out "$corpus" >/dev/null
fi
cargo build --release --quiet
bin=target/release/practice-press
times=()
peak=0
for i in $(seq "$runs"); do
  log="$work/run-$i.log"
  if [ -n "${COLD:-}" ]; then
    rm -rf "$work/out" "$work/.out.previous"
    sync
  fi
  /usr/bin/time -v "$bin" build --site "$corpus" --output "$work/out" --quiet "$@" 2> "$log"
  t=$(awk -F': ' '/Elapsed \(wall clock\)/ { split($2, a, ":"); s = 0; for (j = 1; j <= length(a); j++) s = s * 60 + a[j]; print s }' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log")
  times+=("$t")
  [ "$rss" -gt "$peak" ] && peak=$rss
  echo "run $i: ${t} s, peak ${rss} KB"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
pages=$(find "$work/out" -name '*.html' | wc -l)
echo "corpus: $stories stories, $((stories / 10)) nominations; $pages HTML pages"
echo "median of $runs: ${median} s; peak memory $((peak / 1024)) MB"
