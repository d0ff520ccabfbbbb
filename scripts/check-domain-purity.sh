#!/usr/bin/env bash
# Fails if pure code (src/domain, src/charts) imports a browser or UI crate: it must stay testable natively.
set -euo pipefail
# Usage: check-domain-purity.sh [ROOT]  (ROOT defaults to the repository; the test suite points it at a
# fixture with a violation to prove the check can fail).
cd "${1:-$(dirname "$0")/..}"
pattern='\b(leptos|web_sys|js_sys|wasm_bindgen|wasm_bindgen_futures|gloo|gloo_[a-z_]+)\b'
dirs=()
for d in src/domain src/charts; do [ -d "$d" ] && dirs+=("$d"); done
# Comment lines may name the crates (to say they are not used); code may not.
if hits=$(grep -rnE "$pattern" "${dirs[@]}" | grep -vE '^[^:]+:[0-9]+:\s*//'); then
  echo "domain purity: browser/UI crates used in pure code:" >&2
  echo "$hits" >&2
  exit 1
fi
echo "domain purity: ${dirs[*]} import no browser or UI crate"
