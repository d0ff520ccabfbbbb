#!/usr/bin/env bash
# `make audit`: Lighthouse against the release build served on 127.0.0.1 as the host serves it
# (gzip; scripts/serve-static.mjs), in Debian's Chromium.
# Prints the performance, accessibility, best-practices and SEO scores, the main timings and every
# audit that lost points; the full reports go to target/lighthouse/. Not part of `make test`: the
# scores move with the machine's load, so they inform rather than gate.
# Options: --desktop (Lighthouse's desktop preset instead of its throttled phone), --no-build (audit
# dist/ as it is). AUDIT_PORT picks the port (default 4175), AUDIT_DIST another build folder.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

build=1
preset=()
form=mobile
for arg in "$@"; do
  case $arg in
    --desktop) preset=(--preset=desktop); form=desktop ;;
    --no-build) build=0 ;;
    *) echo "usage: scripts/audit.sh [--desktop] [--no-build]" >&2; exit 2 ;;
  esac
done

bash scripts/setup.sh
# Lighthouse comes from the build tools' package (scripts/tools), which a build-only setup omits.
lighthouse=scripts/tools/node_modules/.bin/lighthouse
if ! [ -x "$lighthouse" ]; then
  echo "audit: $lighthouse is missing (run scripts/setup.sh without MICROSCOPE_SETUP_BUILD_ONLY=1)" >&2
  exit 1
fi
if [ "$build" = 1 ]; then
  trunk build --release
fi
dist=${AUDIT_DIST:-dist}
[ -f "$dist/index.html" ] || { echo "audit: no release build in $dist/" >&2; exit 1; }

port=${AUDIT_PORT:-4175}
url="http://127.0.0.1:$port/"
reports=target/lighthouse
mkdir -p "$reports"
# Served as the host serves it (gzip, GitHub Pages' cache time): see scripts/serve-static.mjs.
node scripts/serve-static.mjs "$dist" "$port" >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  if curl -fsS -o /dev/null "$url" 2>/dev/null; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then echo "audit: could not serve dist/ on port $port" >&2; exit 1; fi
  sleep 0.1
done

echo "audit: Lighthouse ($form) on $url"
CHROME_PATH=/usr/bin/chromium "$lighthouse" "$url" \
  --quiet \
  --chrome-flags="--headless=new --no-sandbox --disable-gpu" \
  --only-categories=performance,accessibility,best-practices,seo \
  "${preset[@]}" \
  --output=json --output=html --output-path="$reports/$form"

node - "$reports/$form.report.json" <<'NODE'
"use strict";
const report = require(require("path").resolve(process.argv[2]));
const pct = (s) => (s === null ? "n/a" : String(Math.round(s * 100)).padStart(3));
for (const id of ["performance", "accessibility", "best-practices", "seo"]) {
  const category = report.categories[id];
  console.log(`${category.title.padEnd(16)} ${pct(category.score)}`);
}
const timings = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"];
console.log(timings.map((id) => `${report.audits[id].title}: ${report.audits[id].displayValue}`).join("; "));
const lost = [];
for (const category of Object.values(report.categories)) {
  for (const ref of category.auditRefs) {
    const audit = report.audits[ref.id];
    if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
      lost.push(`  ${category.id}: ${audit.title} (${pct(audit.score).trim()}${audit.displayValue ? `, ${audit.displayValue}` : ""})`);
    }
  }
}
console.log(lost.length ? `audits that lost points:\n${lost.join("\n")}` : "no audit lost points");
NODE
echo "audit: reports in $reports/$form.report.html and .json"
