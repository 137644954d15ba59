#!/usr/bin/env bash
# Social cards on the synthetic corpus: how long the card stage of a build takes with
# an empty cache (every card drawn) and with a warm one (every card from the cache),
# and the build's peak memory. Medians of RUNS builds each; search is off so that the
# numbers are the cards' own.
#   benches/cards.sh [STORIES] [RUNS]
# STORIES defaults to 10000 (with STORIES/10 nominations), RUNS to 3.
# The card stage's time is the "social cards" line of PRACTICE_PRESS_TIMINGS=1.
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

run() { # $1: cold or warm, $2: run number
  local log="$work/cards-$1-$2.log"
  [ "$1" = cold ] && rm -rf "$corpus/.practice-press-cache"
  PRACTICE_PRESS_TIMINGS=1 /usr/bin/time -v "$bin" build --site "$corpus" --output "$work/out" --quiet --no-search 2> "$log"
  local ms rss cpu
  ms=$(awk '/^timing: social cards/ { print $(NF-1) }' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log")
  cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { print u + s }' "$log")
  echo "$1 run $2: card stage ${ms} ms; whole build ${cpu} s CPU, peak $((rss / 1024)) MB" >&2
  echo "$ms $rss"
}

# Cold runs first, each with the cache deleted; then one build to settle the output
# on the cache's files, and the warm runs in a row, as repeated rebuilds run.
# WARM_ONLY=1 skips the cold runs (the cache must be full already).
cold=(); warm=(); peak=0
if [ -z "${WARM_ONLY:-}" ]; then
  for i in $(seq "$runs"); do
    read -r ms rss < <(run cold "$i"); cold+=("$ms"); [ "$rss" -gt "$peak" ] && peak=$rss
  done
fi
read -r ms rss < <(run warm 0)
echo "(settling build, not counted: ${ms} ms; after a cold build it links every card afresh)" >&2
for i in $(seq "$runs"); do
  read -r ms rss < <(run warm "$i"); warm+=("$ms"); [ "$rss" -gt "$peak" ] && peak=$rss
done
cards=$(find "$work/out" -name 'card.png' -o -name 'card.jpg' | wc -l)
echo "corpus: $stories stories, $((stories / 10)) nominations; $cards cards"
[ "${#cold[@]}" -gt 0 ] && echo "card stage, empty cache: median of $runs $(printf '%s\n' "${cold[@]}" | median) ms"
echo "card stage, warm cache:  median of $runs $(printf '%s\n' "${warm[@]}" | median) ms"
echo "peak memory of any build: $((peak / 1024)) MB"
