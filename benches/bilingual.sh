#!/usr/bin/env bash
# The cost of a second language: builds the synthetic corpus in one language, then the
# same corpus with every story and nomination translated into Welsh, RUNS times each
# (cold: every run starts with no output and no kept previous site), and prints the
# median wall and CPU (user + system) time of each, their ratios, the highest peak
# memory and the load average before and after. The goal is a ratio of at most 2. On a
# busy machine wall times swing with the other work; the CPU ratio says more.
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
declare -A result cpu_result peak
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for flavour in one welsh; do
  corpus="$work/corpus-$flavour-$stories"
  times=()
  cpus=()
  peak[$flavour]=0
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
    cpus+=("$cpu")
    [ "$rss" -gt "${peak[$flavour]}" ] && peak[$flavour]=$rss
    echo "$flavour run $i: ${t} s wall, ${cpu} s CPU, peak $((rss / 1024)) MB"
  done
  result[$flavour]=$(printf '%s\n' "${times[@]}" | median)
  cpu_result[$flavour]=$(printf '%s\n' "${cpus[@]}" | median)
  pages=$(find "$work/out-$flavour" -name '*.html' | wc -l)
  echo "$flavour: $pages HTML pages; median of $runs: ${result[$flavour]} s wall, ${cpu_result[$flavour]} s CPU; peak $((peak[$flavour] / 1024)) MB"
done
awk -v a="${result[one]}" -v b="${result[welsh]}" -v c="${cpu_result[one]}" -v d="${cpu_result[welsh]}" \
  'BEGIN { printf "both languages / one language: %.2f wall, %.2f CPU (goal: at most 2)\n", b / a, d / c }'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
