#!/usr/bin/env bash
# `make bench`: builds the release and prints one table of figures against their budgets
# (issue 8). Not part of the test command: figures move with the machine's load.
# Options: --lighthouse also runs the Lighthouse mobile audit (slow).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
bash scripts/setup.sh >/dev/null
trunk build --release >/dev/null

rows=()
add() { rows+=("$1"); }
trim() { sed -E 's/^ +| +$//g' <<<"$1"; }

echo "bench: page figures (sizes, mount time)..." >&2
while IFS= read -r line; do add "$line"; done < <(node tests/e2e/bench/page.js dist)

echo "bench: native engine..." >&2
engine=$(cargo bench --quiet --bench engine 2>/dev/null | grep "all formulas" || true)
rate=$(sed -E 's/.*= ([0-9]+) creators\/s.*/\1/' <<<"$engine")
add "native engine: creators scored with all 4 formulas | ${rate:-n/a} creators/s | (info) | pass"

echo "bench: native CSV import..." >&2
import=$(cargo bench --quiet --bench import 2>/dev/null | grep "^import:" || true)
rows_s=$(sed -E 's/.*= ([0-9]+) rows\/s.*/\1/' <<<"$import")
add "native CSV import, 100,000 rows | ${rows_s:-n/a} rows/s | (info) | pass"

if [ "${1:-}" = "--lighthouse" ]; then
  echo "bench: Lighthouse (mobile)..." >&2
  score=$(bash scripts/audit.sh --no-build | awk '/^Performance/ {print $2}')
  if [ "${score:-0}" -ge 100 ]; then verdict=pass; else verdict=FAIL; fi
  add "Lighthouse mobile performance | ${score:-n/a} | 100 | $verdict"
fi

echo
printf '%-55s | %-16s | %-18s | %s\n' "figure" "value" "budget" "result"
printf '%s\n' "--------------------------------------------------------+------------------+--------------------+-------"
for r in "${rows[@]}"; do
  IFS='|' read -r metric value budget result <<<"$r"
  printf '%-55s | %-16s | %-18s | %s\n' "$(trim "$metric")" "$(trim "$value")" "$(trim "$budget")" "$(trim "$result")"
done
echo "bench: $(date -u +%F) on $(nproc) cores, $(uname -m)"
