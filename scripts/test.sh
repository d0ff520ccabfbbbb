#!/usr/bin/env bash
# The one test command (README, `make test`, `.ci/run`): setup, then every check and test suite.
# Ends with a summary line of what ran and passed; exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

logs=$(mktemp -d)
passed=()
failed=()
tests_passed=0
tests_failed=0

# Adds the "N passed; M failed" counts of cargo test / wasm-bindgen-test-runner output in $1 to
# the totals and sets $counted. Not called in $(...): a subshell would lose the totals.
count_cargo() {
  local p f
  p=$(grep -Eo 'test result: [a-zA-Z]+\. [0-9]+ passed' "$1" | awk '{s+=$4} END {print s+0}')
  f=$(grep -Eo '[0-9]+ failed' "$1" | awk '{s+=$1} END {print s+0}')
  tests_passed=$((tests_passed + p))
  tests_failed=$((tests_failed + f))
  counted=$p
}

step() {
  local name=$1
  shift
  echo
  echo "==> $name"
  if "$@" 2>&1 | tee "$logs/$name.log"; then
    passed+=("$name")
  else
    failed+=("$name")
  fi
}

purity_self_test() {
  # The purity check must be able to fail: feed it a fixture that imports leptos.
  local fixture
  fixture=$(mktemp -d)
  mkdir -p "$fixture/src/domain"
  echo 'use leptos::prelude::*;' >"$fixture/src/domain/bad.rs"
  if scripts/check-domain-purity.sh "$fixture" >/dev/null 2>&1; then
    echo "the purity check passed a domain file that imports leptos" >&2
    return 1
  fi
  scripts/check-domain-purity.sh
}

step setup bash scripts/setup.sh || true
if [[ " ${failed[*]} " == *" setup "* ]]; then
  echo "setup failed; nothing else can run" >&2
  echo "summary: setup failed"
  exit 1
fi

leptosfmt_check() {
  # The view! macros, which rustfmt leaves alone; same width and indent as rustfmt's defaults.
  # Prints only the files that are not formatted and their changed lines (leptosfmt prints every
  # file checked, and each misformatted one whole).
  leptosfmt --check --max-width 100 --tab-spaces 4 src 2>&1 | grep -E '^(❌|[-+])'
  return "${PIPESTATUS[0]}"
}

no_merge_markers() {
  # Conflict markers left in a tracked file (docs/ARCHITECTURE.md carried one pair for several
  # sessions unnoticed, and a later merge resolved the wrong span of it). The pattern must find
  # one in a fixture before it is trusted to find none in the tree. Outside a git checkout there
  # is nothing to ask.
  local marker='^(<{7}|>{7})( |$)'
  if ! printf '%s\n' '<<<<<<< HEAD' | grep -qE "$marker"; then
    echo "the merge-marker pattern finds no marker in its fixture" >&2
    return 1
  fi
  git rev-parse --is-inside-work-tree >/dev/null 2>&1 || return 0
  if git grep -nE "$marker" -- .; then
    echo "merge conflict markers are committed (above)" >&2
    return 1
  fi
}

step domain-purity purity_self_test
step merge-markers no_merge_markers
step fmt cargo fmt --all -- --check
step leptosfmt leptosfmt_check
# The release build's own scripts: merging the split modules (scripts/wasm-merge.mjs).
step build-scripts node --test scripts/wasm-merge.test.mjs
step clippy-host cargo clippy --locked --workspace --all-targets -- -D warnings
step clippy-wasm cargo clippy --locked --workspace --all-targets --target wasm32-unknown-unknown -- -D warnings
step native-tests cargo test --locked --no-fail-fast --workspace
count_cargo "$logs/native-tests.log"
native=$counted
step browser-tests cargo test --locked --no-fail-fast --target wasm32-unknown-unknown --test 'browser*'
count_cargo "$logs/browser-tests.log"
browser=$counted
step release-build trunk build --release
e2e=0
if [[ " ${passed[*]} " == *" release-build "* ]]; then
  step e2e bash -c 'cd tests/e2e && npx --no-install playwright test'
  e2e=$(grep -Eo '^ *[0-9]+ passed' "$logs/e2e.log" | awk '{s+=$1} END {print s+0}')
  e2e_failed=$(grep -Eo '^ *[0-9]+ failed' "$logs/e2e.log" | awk '{s+=$1} END {print s+0}')
  tests_passed=$((tests_passed + e2e))
  tests_failed=$((tests_failed + e2e_failed))
else
  failed+=("e2e (skipped: no release build)")
fi

echo
if [ ${#failed[@]} -eq 0 ]; then
  echo "summary: all ${#passed[@]} steps passed (${passed[*]}); tests: $native native, $browser browser, $e2e end-to-end"
  echo "tests: $tests_passed passed, $tests_failed failed"
  exit 0
fi
echo "summary: FAILED ${failed[*]}; passed ${passed[*]:-nothing}; tests: $native native, $browser browser, $e2e end-to-end"
echo "tests: $tests_passed passed, $tests_failed failed"
exit 1
