# Sourced by the other scripts: where the pinned tools live once scripts/setup.sh installed them.
# shellcheck shell=bash
export PATH="$HOME/.cargo/bin:$PWD/tests/e2e/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export TRUNK_VERSION="0.21.14"
# Playwright must use Debian's Chromium, never download a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
