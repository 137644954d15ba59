#!/usr/bin/env bash
# The cost of a second language: builds the synthetic corpus in one language, then the
# same corpus with every story and nomination translated into Welsh, RUNS times each
# (cold: every run starts with no output and no kept previous site), and prints the
# median wall time of each and their ratio. The goal is a ratio of at most 2.
#   benches/bilingual.sh [STORIES] [RUNS]
# STORIES defaults to 10000 (with STORIES/10 nominations), RUNS to 3. The corpora and
# outputs go in $BENCH_DIR (default /tmp/practice-press-bilingual); delete it after.
set -euo pipefail
cd "$(dirname "$0")/.."
stories=${1:-10000}
runs=${2:-3}
work=${BENCH_DIR:-/tmp/practice-press-bilingual}
mkdir -p "$work"
for flavour in one welsh; do
  corpus="$work/corpus-$flavour-$stories"
  if [ ! -f "$corpus/site.yaml" ]; then
    extra=()
    [ "$flavour" = welsh ] && extra=(--welsh)
    python3 scripts/gen_corpus.py --stories "$stories" --nominations $((stories / 10)) \
      --flavor native "${extra[@]}" --out "$corpus" >/dev/null
  fi
done
cargo build --release --quiet
bin=target/release/practice-press
median() {
  sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
declare -A result
for flavour in one welsh; do
  corpus="$work/corpus-$flavour-$stories"
  times=()
  for i in $(seq "$runs"); do
    rm -rf "$work/out-$flavour" "$work/.out-$flavour.previous"
    sync
    log="$work/$flavour-run-$i.log"
    # The same "now" for both, after every generated date, so the same entries publish.
    /usr/bin/time -v "$bin" build --site "$corpus" --output "$work/out-$flavour" --quiet \
      --now 2030-01-01T00:00:00Z 2> "$log"
    t=$(awk -F': ' '/Elapsed \(wall clock\)/ { split($2, a, ":"); s = 0; for (j = 1; j <= length(a); j++) s = s * 60 + a[j]; print s }' "$log")
    cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { print u + s }' "$log")
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log")
    times+=("$t")
    echo "$flavour run $i: ${t} s wall, ${cpu} s CPU, peak $((rss / 1024)) MB"
  done
  result[$flavour]=$(printf '%s\n' "${times[@]}" | median)
  pages=$(find "$work/out-$flavour" -name '*.html' | wc -l)
  echo "$flavour: $pages HTML pages; median of $runs: ${result[$flavour]} s"
done
awk -v a="${result[one]}" -v b="${result[welsh]}" 'BEGIN { printf "both languages / one language: %.2f (goal: at most 2)\n", b / a }'
