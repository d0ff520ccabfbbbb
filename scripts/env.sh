# Sourced by the other scripts: where the pinned tools live once scripts/setup.sh installed them.
# The build tools' npm packages (scripts/tools: wasm-opt, lighthouse) come first on PATH, then the
# end-to-end suite's (tests/e2e: playwright).
# shellcheck shell=bash
export PATH="$HOME/.cargo/bin:$PWD/scripts/tools/node_modules/.bin:$PWD/tests/e2e/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export TRUNK_VERSION="0.21.14"
# wasm_split_cli_support's wasm-split-cli: splits the release wasm (scripts/build-wasm.mjs).
export WASM_SPLIT_VERSION="0.2.4"
# The newest leptosfmt; it formats Leptos 0.8's view! syntax and builds on Rust 1.95.
export LEPTOSFMT_VERSION="0.1.33"
# Playwright must use Debian's Chromium, never download a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
