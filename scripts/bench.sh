#!/usr/bin/env bash
# `make bench`: builds the release and prints one table of figures against their budgets
# (issue 8). Not part of the test command: figures move with the machine's load.
# Options: --lighthouse also runs the Lighthouse mobile audit (slow); --no-build measures the build
# already in the folder. BENCH_DIST picks another build folder than dist/ (built there too).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

lighthouse=0
build=1
for arg in "$@"; do
  case $arg in
    --lighthouse) lighthouse=1 ;;
    --no-build) build=0 ;;
    *) echo "usage: scripts/bench.sh [--lighthouse] [--no-build]" >&2; exit 2 ;;
  esac
done
dist=${BENCH_DIST:-dist}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

bash scripts/setup.sh >/dev/null
if [ "$build" = 1 ]; then
  trunk build --release -d "$dist" >/dev/null
fi
[ -f "$dist/index.html" ] || { echo "bench: no release build in $dist/" >&2; exit 1; }

rows=()
add() { rows+=("$1"); }
trim() { sed -E 's/^ +| +$//g' <<<"$1"; }

echo "bench: page figures (sizes, mount time, import against PapaParse, 5,000-creator shortlist)..." >&2
page_rows=$(node tests/e2e/bench/page.js "$dist")
while IFS= read -r line; do add "$line"; done <<<"$page_rows"

echo "bench: native engine..." >&2
engine=$(cargo bench --quiet --bench engine 2>/dev/null | grep "all formulas" || true)
echo "  ${engine:-the engine benchmark did not run (does the crate build? cargo bench --bench engine)}" >&2
rate=$(sed -E 's/.*= ([0-9]+) creators\/s.*/\1/' <<<"$engine")
add "native engine: creators scored with all 4 formulas | ${rate:-n/a} creators/s | (info) | $([ -n "$rate" ] && echo pass || echo FAIL)"

echo "bench: native CSV import (the same 100,000 rows as in the page)..." >&2
mkdir -p target/bench
node tests/e2e/bench/csv.js >target/bench/creators.csv
import=$(BENCH_CSV=target/bench/creators.csv cargo bench --quiet --bench import 2>/dev/null | grep "^import:" || true)
echo "  ${import:-the import benchmark did not run (does the crate build? cargo bench --bench import)}" >&2
rows_s=$(sed -E 's/.*= ([0-9]+) rows\/s.*/\1/' <<<"$import")
ms=$(sed -E 's/.* in ([0-9.]+) ms.*/\1/' <<<"$import")
add "native CSV import, same 100,000 rows (rows/s) | ${rows_s:-n/a} (${ms:-n/a} ms) | (info) | $([ -n "$rows_s" ] && echo pass || echo FAIL)"

if [ "$lighthouse" = 1 ]; then
  echo "bench: Lighthouse (mobile)..." >&2
  score=$(AUDIT_DIST="$dist" bash scripts/audit.sh --no-build | awk '/^Performance/ {print $2}')
  if [ "${score:-0}" -ge 100 ]; then verdict=pass; else verdict=FAIL; fi
  add "Lighthouse mobile performance | ${score:-n/a} | 100 | $verdict"
fi

# A Markdown table: readable here, and pasted as it is into the README.
echo
printf '| %-62s | %-20s | %-17s | %-6s |\n' "figure" "value" "budget" "result"
printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..64})" "$(printf -- '-%.0s' {1..22})" "$(printf -- '-%.0s' {1..19})" "$(printf -- '-%.0s' {1..8})"
for r in "${rows[@]}"; do
  IFS='|' read -r metric value budget result <<<"$r"
  printf '| %-62s | %-20s | %-17s | %-6s |\n' "$(trim "$metric")" "$(trim "$value")" "$(trim "$budget")" "$(trim "$result")"
done
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
echo "bench: $(date -u '+%F %H:%M UTC') on $(nproc) cores (${cpu:-$(uname -m)}), load average before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg)"
