#!/usr/bin/env bash
# How long the workflows' "Install practice-press" step takes: once with nothing cached
# (a first CI run: an empty CARGO_HOME, every crate downloaded and compiled), then as a
# cached run does it (the program restored, the version check skips the build), RUNS times.
#   benches/ci_install.sh [RUNS]
# The first install is one run: it takes minutes, and only the first one is "first".
# It installs from this checkout (`cargo install --path`), not from crates.io, with the
# workflows' `--locked`; everything goes under BENCH_DIR (default /tmp/practice-press-ci).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
work=${BENCH_DIR:-/tmp/practice-press-ci}
version=$(cargo metadata --no-deps --format-version 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["packages"][0]["version"])')
rm -rf "$work"
mkdir -p "$work/cargo-home" "$work/source"
git archive HEAD | tar -x -C "$work/source"
export CARGO_HOME="$work/cargo-home"
/usr/bin/time -v cargo install --path "$work/source" --locked --root "$work/root" > "$work/first.log" 2>&1
awk -F': ' '/Elapsed \(wall clock\)|User time|System time|Maximum resident/ { print "first install: " $1 ": " $2 }' "$work/first.log"
step='if practice-press --version 2>/dev/null | grep -qx "practice-press $PRACTICE_PRESS_VERSION"; then echo restored; else exit 1; fi'
times=()
for i in $(seq "$runs"); do
  t=$( { /usr/bin/time -f "%e" env PATH="$work/root/bin:$PATH" PRACTICE_PRESS_VERSION="$version" bash -c "$step" >/dev/null; } 2>&1 )
  times+=("$t")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
echo "cached install step: median ${median} s of ${runs} runs (${times[*]})"
echo "installed program: $(du -h "$work/root/bin/practice-press" | cut -f1)"
