#!/usr/bin/env bash
# Our search index beside Pagefind's, on the same built pages of the generated corpus.
#   benches/pagefind_compare.sh [STORIES]     (default 10000, with STORIES/10 nominations)
# Builds the corpus once with --no-search and once with search (our index), then runs the
# Pagefind CLI (from npm, as a benchmark tool only: `npx pagefind`) over the --no-search
# build's pages. Prints build time, peak memory, index size and the bytes a first query
# fetches for both. Pagefind indexes each page's whole <body> (listing pages too),
# which is not exactly what our index holds; the figures are a guide, not a match.
# Keystroke times for Pagefind are not measured: the site's page no longer drives it.
set -euo pipefail
cd "$(dirname "$0")/.."
stories=${1:-10000}
work=${BENCH_DIR:-/tmp/practice-press-bench}
corpus="$work/corpus-$stories"
mkdir -p "$work"
if [ ! -f "$corpus/site.yaml" ]; then
  python3 scripts/gen_corpus.py --stories "$stories" --nominations $((stories / 10)) --flavor native --out "$corpus" >/dev/null
fi
cargo build --release --quiet
bin=target/release/practice-press
wall() { awk -F': ' '/Elapsed \(wall clock\)/ { split($2, a, ":"); s = 0; for (j = 1; j <= length(a); j++) s = s * 60 + a[j]; print s }' "$1"; }
rss() { awk -F': ' '/Maximum resident set size/ { print int($2 / 1024) }' "$1"; }

/usr/bin/time -v "$bin" build --site "$corpus" --output "$work/cmp-plain" --quiet --no-search 2> "$work/cmp-plain.log"
/usr/bin/time -v "$bin" build --site "$corpus" --output "$work/cmp-ours" --quiet 2> "$work/cmp-ours.log"
rm -rf "$work/cmp-plain/pagefind"
/usr/bin/time -v npx --yes pagefind@1.6 --site "$work/cmp-plain" --output-subdir pagefind --silent 2> "$work/cmp-pagefind.log" || true
queries=(choices "kinship care" regularly blankets "court visits" assessment Galloway conference fostering)

ours_bytes=$(node scripts/first_query_bytes.mjs "$work/cmp-ours" "${queries[@]}" | tail -1 || true)
pf_bytes=$(node scripts/pagefind_first_query_bytes.mjs "$work/cmp-plain" "${queries[@]}" | tail -1 || true)

plain_t=$(wall "$work/cmp-plain.log")
printf '| %s | %s | %s |\n' "what" "ours (search-index/)" "Pagefind CLI"
printf '| %s | %s | %s |\n' "---" "---" "---"
printf '| %s | %s | %s |\n' "time (the site without search: ${plain_t} s)" "$(wall "$work/cmp-ours.log") s, whole build" "$(wall "$work/cmp-pagefind.log") s, after the build"
printf '| %s | %s | %s |\n' "peak memory" "$(rss "$work/cmp-ours.log") MB, whole build" "$(rss "$work/cmp-pagefind.log") MB"
printf '| %s | %s | %s |\n' "index size" "$(du -sh "$work/cmp-ours/search-index" | cut -f1)" "$(du -sh "$work/cmp-plain/pagefind" | cut -f1)"
printf '| %s | %s | %s |\n' "first query bytes" "$ours_bytes" "$pf_bytes"
