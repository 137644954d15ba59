#!/usr/bin/env bash
# Responsive photos: what 200 photos of 4000 × 3000 pixels add to a build.
#   benches/photos.sh [PHOTOS] [RUNS]
# PHOTOS defaults to 200, RUNS to 3. BIN=path/to/practice-press measures another build
# of the program (an earlier commit's, for before-and-after figures) instead of this
# tree's release build; nothing is compiled then, so build the example first
# (`cargo build --release --example make_bench_photos`). The photos are made once by
# `examples/make_bench_photos.rs` (deterministic, photo-like detail), into a small
# corpus site (20 stories, from scripts/gen_corpus.py) that is also built without them.
#
# Reported, as medians of RUNS builds each (search off, so the figures are the photos'):
# - first build: CPU seconds (user + system) per photo, with the photo cache deleted
#   before each run, minus the same site's build without photos;
# - rebuild with a warm cache: wall seconds added to the build without photos, and the
#   "media files" stage of PRACTICE_PRESS_TIMINGS=1.
set -euo pipefail
cd "$(dirname "$0")/.."
photos=${1:-200}
runs=${2:-3}
work=${BENCH_DIR:-/tmp/practice-press-bench}
plain="$work/photos-base"
site="$work/photos-$photos"
mkdir -p "$work"
if [ ! -f "$plain/site.yaml" ]; then
  python3 scripts/gen_corpus.py --stories 20 --nominations 2 --flavor native --out "$plain" >/dev/null
fi
if [ ! -f "$site/site.yaml" ]; then
  rm -rf "$site"
  cp -r "$plain" "$site"
fi
if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet --example make_bench_photos
  cargo build --release --quiet
fi
target/release/examples/make_bench_photos "$site/content/media/images" "$photos"
bin=${BIN:-target/release/practice-press}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

run() { # $1: site, $2: label; prints "cpu_seconds wall_seconds media_ms peak_kb"
  local log="$work/photos-$2.log"
  PRACTICE_PRESS_TIMINGS=1 /usr/bin/time -v "$bin" build --site "$1" --output "$work/out-$2" --quiet --no-search 2> "$log"
  awk -F': ' '
    /User time/ { u = $2 } /System time/ { s = $2 }
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); w = (n == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
    /Maximum resident set size/ { m = $2 }
    /^timing: media files/ { n = split($0, f, " "); ms = f[n - 1] }
    END { printf "%.2f %.3f %s %s\n", u + s, w, (ms == "" ? 0 : ms), m }' "$log"
}

base_cpu=(); base_wall=(); cold=(); warm=(); warm_stage=(); peak=0
for i in $(seq "$runs"); do
  read -r cpu wall _ _ < <(run "$plain" base)
  base_cpu+=("$cpu"); base_wall+=("$wall")
  echo "without photos, run $i: ${cpu} s CPU, ${wall} s" >&2
done
for i in $(seq "$runs"); do
  rm -rf "$site/.practice-press-cache/images"
  read -r cpu wall ms rss < <(run "$site" cold)
  cold+=("$cpu"); [ "$rss" -gt "$peak" ] && peak=$rss
  echo "photos, empty cache, run $i: ${cpu} s CPU, ${wall} s, media stage ${ms} ms, peak $((rss / 1024)) MB" >&2
done
run "$site" settle >/dev/null
for i in $(seq "$runs"); do
  read -r cpu wall ms rss < <(run "$site" warm)
  warm+=("$wall"); warm_stage+=("$ms")
  echo "photos, warm cache, run $i: ${cpu} s CPU, ${wall} s, media stage ${ms} ms" >&2
done
base_cpu_m=$(printf '%s\n' "${base_cpu[@]}" | median)
base_wall_m=$(printf '%s\n' "${base_wall[@]}" | median)
cold_m=$(printf '%s\n' "${cold[@]}" | median)
warm_m=$(printf '%s\n' "${warm[@]}" | median)
echo "photos: $photos of 4000 x 3000; $(find "$work/out-warm/media" -type f | wc -l) media files published"
echo "first build: median $cold_m s CPU against $base_cpu_m s without photos: $(awk -v c="$cold_m" -v b="$base_cpu_m" -v n="$photos" 'BEGIN { printf "%.3f", (c - b) / n }') s CPU per photo"
echo "warm rebuild: median $warm_m s wall against $base_wall_m s without photos: +$(awk -v w="$warm_m" -v b="$base_wall_m" 'BEGIN { printf "%.2f", w - b }') s; media stage median $(printf '%s\n' "${warm_stage[@]}" | median) ms"
echo "peak memory of a first build: $((peak / 1024)) MB"
