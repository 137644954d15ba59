#!/usr/bin/env bash
# Runs every fuzz target in turn for SECONDS each (default 480, so 32 minutes in all),
# niced and on one core, and prints each target's executions and outcome.
# Usage: fuzz/run.sh [SECONDS]    (needs `cargo install cargo-fuzz`)
set -uo pipefail
seconds=${1:-480}
fuzz_dir=$(cd "$(dirname "$0")" && pwd)
logs=$(mktemp -d)
status=0
for target in front_matter validate markdown render_site; do
  mkdir -p "$fuzz_dir/corpus/$target" "$logs/$target"
  # No sanitizer: the crate has no unsafe code, and AddressSanitizer makes these
  # targets about 25 times slower, so far fewer inputs would be tried.
  (cd "$logs/$target" && RUSTC_BOOTSTRAP=1 nice -n 19 cargo fuzz run --fuzz-dir "$fuzz_dir" \
      -O -s none "$target" "$fuzz_dir/corpus/$target" -- \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=32768 \
      -print_final_stats=1 >"$logs/$target.log" 2>&1)
  code=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$logs/$target.log" | grep -o '[0-9]*$')
  echo "$target: exit $code, ${runs:-?} executions in ${seconds}s (log: $logs/$target.log)"
  [ "$code" -eq 0 ] || status=1
done
exit $status
