#!/usr/bin/env bash
# Installs what building and testing need, at pinned versions, and skips whatever is already there.
# Safe to run again and again: a second run installs nothing.
# MICROSCOPE_SETUP_BUILD_ONLY=1 installs only what `trunk build --release` needs: no Chromium, no
# end-to-end suite, no Lighthouse, no leptosfmt (the GitHub Pages workflow sets it).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

say() { echo "setup: $*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
build_only=${MICROSCOPE_SETUP_BUILD_ONLY:-0}

# Installs the npm packages of folder $1 from its committed lockfile (npm ci) unless the stamp in
# its node_modules says this lockfile was installed already with the same options ($2...).
npm_install() {
  local dir=$1
  shift
  local stamp="$dir/node_modules/.installed-lock"
  local want
  want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)${*:+ $*}"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "installing the npm packages of $dir${*:+ ($*)}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error "$@")
    echo "$want" >"$stamp"
  fi
}

# 1. The Rust toolchain that rust-toolchain.toml pins, with the wasm target, rustfmt and clippy.
toolchain=$(sed -n 's/^channel = "\(.*\)"$/\1/p' rust-toolchain.toml)
if [ -z "$toolchain" ]; then
  echo "setup: could not read the channel from rust-toolchain.toml" >&2
  exit 1
fi
installed=$(rustup component list --installed --toolchain "$toolchain" 2>/dev/null || true)
for part in rust-std-wasm32-unknown-unknown rustfmt clippy; do
  if ! grep -q "^$part" <<<"$installed"; then
    say "installing Rust $toolchain with the wasm32 target, rustfmt and clippy"
    rustup toolchain install "$toolchain" --profile minimal \
      --target wasm32-unknown-unknown --component rustfmt,clippy
    break
  fi
done

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

# 4b. wasm-split-cli, which cuts the release wasm into a main module and modules loaded on first
#     use (scripts/build-wasm.mjs). --locked: its own lockfile builds on Rust 1.95. The binary has
#     no --version: cargo's list of installed packages says which one is there.
if ! command -v wasm-split-cli >/dev/null \
  || ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli (wasm_split_cli_support $WASM_SPLIT_VERSION)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --force
fi

# 5. The build tools' npm packages (scripts/tools): wasm-opt from binaryen@132, and Lighthouse
#    unless only the build is wanted.
if [ "$build_only" = 1 ]; then
  npm_install scripts/tools --omit=dev
else
  npm_install scripts/tools
fi

# Trunk accepts only the pinned wasm-opt; say so early rather than fail mid-build.
if [ "$(wasm-opt --version 2>/dev/null)" != "wasm-opt version 132 (version_132)" ]; then
  echo "setup: wasm-opt on PATH is not binaryen 132: $(command -v wasm-opt)" >&2
  exit 1
fi

if [ "$build_only" = 1 ]; then
  say "ready to build (trunk $TRUNK_VERSION, wasm-bindgen $wbg_version, wasm-split $WASM_SPLIT_VERSION, wasm-opt 132)"
  exit 0
fi

# 6. leptosfmt, the view! macro formatter the test command checks with (compiles for ~6 minutes).
if [ "$(leptosfmt --version 2>/dev/null)" != "leptosfmt $LEPTOSFMT_VERSION" ]; then
  say "installing leptosfmt $LEPTOSFMT_VERSION"
  cargo install leptosfmt --version "$LEPTOSFMT_VERSION" --locked --force
fi

# 7. Debian's Chromium and ChromeDriver (never a browser download).
if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ]; then
  say "installing chromium and chromium-driver"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi

# 8. The end-to-end suite's npm packages (tests/e2e): Playwright, axe-core, PapaParse.
npm_install tests/e2e

say "ready (trunk $TRUNK_VERSION, wasm-bindgen $wbg_version, wasm-split $WASM_SPLIT_VERSION, wasm-opt 132, leptosfmt $LEPTOSFMT_VERSION, $(/usr/bin/chromium --version 2>/dev/null | head -n1))"
