#!/usr/bin/env bash
# Installs what building and testing need, at pinned versions, and skips whatever is already there.
# Safe to run again and again: a second run installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

say() { echo "setup: $*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. The wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. Crates, so that trunk's offline build (Trunk.toml) finds them.
cargo fetch --locked --quiet

# 3. trunk (compiles for 10-17 minutes on 2 cores, once).
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

# 4. wasm-bindgen-cli at exactly the version in Cargo.lock (also brings wasm-bindgen-test-runner).
#    Not --locked: its lockfile names a crate version the index no longer has.
wbg_version=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$wbg_version" ]; then
  echo "setup: could not read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wbg_version" ] \
  || [ "$(wasm-bindgen-test-runner --version 2>/dev/null)" != "wasm-bindgen-test-runner $wbg_version" ]; then
  say "installing wasm-bindgen-cli $wbg_version"
  cargo install wasm-bindgen-cli --version "$wbg_version" --force
fi

# 5. Debian's Chromium and ChromeDriver (never a browser download).
if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ]; then
  say "installing chromium and chromium-driver"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi

# 6. npm packages from the committed lockfile: Playwright, axe-core and wasm-opt (binaryen@132).
stamp=tests/e2e/node_modules/.installed-lock.json
if ! cmp -s tests/e2e/package-lock.json "$stamp"; then
  say "installing the end-to-end suite's npm packages"
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
  cp tests/e2e/package-lock.json "$stamp"
fi

# Trunk accepts only the pinned wasm-opt; say so early rather than fail mid-build.
if [ "$(wasm-opt --version 2>/dev/null)" != "wasm-opt version 132 (version_132)" ]; then
  echo "setup: wasm-opt on PATH is not binaryen 132: $(command -v wasm-opt)" >&2
  exit 1
fi
say "ready (trunk $TRUNK_VERSION, wasm-bindgen $wbg_version, wasm-opt 132, $(/usr/bin/chromium --version 2>/dev/null | head -n1))"
