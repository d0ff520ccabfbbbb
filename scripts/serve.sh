#!/usr/bin/env bash
# Builds the app and serves it at http://127.0.0.1:8080, rebuilding on change (`make serve`).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
bash scripts/setup.sh
exec trunk serve "$@"
