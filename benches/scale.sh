#!/usr/bin/env bash
# Scale scenarios for practice-press: builds generated sites with the release binary
# under /usr/bin/time -v and prints wall time and peak memory for each.
#
#   benches/scale.sh                 all scenarios at full size (100,000 stories, ...)
#   benches/scale.sh files tags      only these scenarios
#   SCALE=0.02 benches/scale.sh      everything at 2% size, as a quick check
#   KEEP=1 benches/scale.sh          keep the generated sites (printed at the end)
#
# Scenarios:
#   files     100,000 stories in 100 year-like folders (the issue's "100,000 files")
#   media     20,000 stories and 80,000 small media files (photos are cleaned one by one)
#   story     one story of just under 1 MB (the largest file the tool accepts)
#   tags      10,000 distinct tags over 200 stories (10,000 tag pages and a 10,000-link index)
#   deep      one story and one photo 50 folders deep
#   twice     two builds of the files site started at once on one output
#
# Needs: bash, GNU time (/usr/bin/time), cargo. Run from anywhere; nice it on shared
# machines (nice -n 19 benches/scale.sh).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scale="${SCALE:-1}"
now="2026-06-01T12:00:00Z"
work="$(mktemp -d "${TMPDIR:-/tmp}/pp-scale.XXXXXX")"
cleanup() { [[ -n "${KEEP:-}" ]] && echo "sites kept in $work" || rm -rf "$work"; }
trap cleanup EXIT

n() { awk -v n="$1" -v s="$scale" 'BEGIN { v = int(n * s); print (v < 1 ? 1 : v) }'; }

echo "building the release binary..." >&2
cargo build --release --quiet --manifest-path "$repo/Cargo.toml"
bin="$repo/target/release/practice-press"

site_yaml() {
  mkdir -p "$1/content/stories"
  cat >"$1/site.yaml" <<'YAML'
title: Scale test
base_url: https://stories.example
services: [children, adults]
practice_areas: [advocacy, supervision]
page_size: 20
YAML
}

story() { # story FILE TITLE [EXTRA_FRONT_MATTER]
  printf -- '---\ntitle: "%s"\ndate: 2025-03-01\nsummary: A summary of %s.\ncouncil: Anytown Council\nservice: children\nauthors: [{ name: Sam Writer, role: Social worker }]\nconsent: { recorded: true, by: Team manager, date: 2025-01-01 }\n%s---\n\nThe story of %s, told by the social worker who was there.\n' \
    "$2" "$2" "${3:-}" "$2" >"$1"
}

many_stories() { # many_stories SITE COUNT
  local dir i
  for ((i = 0; i < $2; i++)); do
    dir="$1/content/stories/$((1900 + i % 100))"
    ((i < 100)) && mkdir -p "$dir"
    story "$dir/story-$i.md" "Story number $i"
  done
}

results=()
measure() { # measure NAME SITE OUTPUT
  local log="$work/$1.time"
  if ! /usr/bin/time -v "$bin" build --site "$2" --output "$3" --now "$now" --quiet 2>"$log"; then
    cat "$log" >&2
    echo "$1: build failed" >&2
    exit 1
  fi
  local wall rss files
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log")
  files=$(find "$3" -type f | wc -l)
  results+=("$(printf '%-7s %10s input  %9s output files  %10s wall  %6s MB peak' "$1" "$4" "$files" "$wall" "$rss")")
  echo "${results[-1]}" >&2
}

scenario_files() {
  local count; count=$(n 100000)
  site_yaml "$work/files"; many_stories "$work/files" "$count"
  measure files "$work/files" "$work/files/public" "$count"
}

scenario_media() {
  local stories media i photo
  stories=$(n 20000); media=$(n 80000)
  site_yaml "$work/media"; many_stories "$work/media" "$stories"
  photo="$repo/tests/fixtures/media/photo-with-gps.jpg"
  for ((i = 0; i < media; i++)); do
    ((i % 1000 == 0)) && mkdir -p "$work/media/content/media/$((i / 1000))"
    if ((i % 10 == 0)); then cp "$photo" "$work/media/content/media/$((i / 1000))/p$i.jpg"
    else printf 'ID3 voice note %d' "$i" >"$work/media/content/media/$((i / 1000))/v$i.mp3"; fi
  done
  measure media "$work/media" "$work/media/public" "$((stories + media))"
}

scenario_story() {
  site_yaml "$work/story"
  story "$work/story/content/stories/long.md" "A very long story"
  local line="Practice that made a difference, told at length, paragraph after paragraph. "
  local para; para=$(printf "$line%.0s" {1..25})
  while (( $(stat -c %s "$work/story/content/stories/long.md") < 1040000 )); do
    printf '%s\n\n' "$para" >>"$work/story/content/stories/long.md"
  done
  measure story "$work/story" "$work/story/public" 1
}

scenario_tags() {
  local s t tags stories; stories=$(n 200)
  site_yaml "$work/tags"
  for ((s = 0; s < stories; s++)); do
    tags=""
    for ((t = 0; t < 50; t++)); do tags+="\"tag $s $t\", "; done
    story "$work/tags/content/stories/s$s.md" "Story $s" "tags: [${tags%, }]
"
  done
  measure tags "$work/tags" "$work/tags/public" "$((stories * 50))"
}

scenario_deep() {
  local deep="" level
  for level in $(seq -w 1 50); do deep+="level-$level/"; done
  site_yaml "$work/deep"
  mkdir -p "$work/deep/content/stories/$deep" "$work/deep/content/media/$deep"
  story "$work/deep/content/stories/${deep}deep.md" "A deep story"
  cp "$repo/tests/fixtures/media/progressive.jpg" "$work/deep/content/media/${deep}photo.jpg"
  measure deep "$work/deep" "$work/deep/public" 2
}

scenario_twice() {
  [[ -d "$work/files" ]] || { local count; count=$(n 100000); site_yaml "$work/files"; many_stories "$work/files" "$count"; }
  local out="$work/twice/public" start end
  mkdir -p "$work/twice"
  start=$(date +%s.%N)
  "$bin" build --site "$work/files" --output "$out" --now "$now" --quiet &
  local a=$!
  "$bin" build --site "$work/files" --output "$out" --now "$now" --quiet &
  local b=$!
  wait "$a"; wait "$b"
  end=$(date +%s.%N)
  local files leftovers
  files=$(find "$out" -type f | wc -l)
  leftovers=$(find "$work/twice" -maxdepth 1 -name '.public.staging-*' | wc -l)
  results+=("$(printf 'twice   both builds done in %.1f s, %s files, %s staging folders left' "$(echo "$end - $start" | bc)" "$files" "$leftovers")")
  echo "${results[-1]}" >&2
}

scenarios=("$@")
((${#scenarios[@]})) || scenarios=(story tags deep files media twice)
for s in "${scenarios[@]}"; do
  echo "scenario $s (scale $scale)..." >&2
  "scenario_$s"
done
echo
echo "practice-press $("$bin" --version | awk '{print $2}'), $(nproc) cores, scale $scale"
printf '%s\n' "${results[@]}"
