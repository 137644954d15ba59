#!/usr/bin/env bash
# Save-to-reload of `serve --watch` on the generated corpus: from writing one story to
# the reloaded page, with the new words, painted in headless Chromium, over EDITS saves
# (after one warm-up save). Also prints the reload event's arrival, the server's rebuild
# time, the search event and the rebuild's stages (PRACTICE_PRESS_TIMINGS=1), as medians.
#
#   benches/serve_reload.sh [STORIES] [EDITS]          (defaults 10000 and 15)
#   WELSH=1 benches/serve_reload.sh [STORIES] [EDITS]  (every entry translated; the
#                                                       first story's Welsh file is saved)
#
# Makes the corpus (scripts/gen_corpus.py, deterministic) in a temporary folder, or
# uses SITE=DIR as it is. Needs `npm ci` in tests/browser and /usr/bin/chromium.
# Nothing outside the temporary folder is written (SITE's file is put back).
set -euo pipefail
cd "$(dirname "$0")/.."
stories="${1:-10000}"
edits="${2:-15}"
site="${SITE:-}"
if [ -z "$site" ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  site="$work/site"
  flags=()
  [ -n "${WELSH:-}" ] && flags=(--welsh)
  python3 scripts/gen_corpus.py --stories "$stories" --nominations "$((stories / 10))" \
    --flavor native --out "$site" "${flags[@]}" >/dev/null
fi
file=()
if [ -n "${WELSH:-}" ]; then
  first="$(cd "$site/content/stories" && ls | grep -v '\.cy\.md$' | sort | sed -n 1p)"
  file=("content/stories/${first%.md}.cy.md")
fi
cargo build --release --quiet
uptime
node benches/serve_reload.mjs target/release/practice-press "$site" "$edits" "${file[@]}"
uptime
