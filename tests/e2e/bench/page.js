//! Benchmark of the release build in the browser: first-load transfer sizes (gzip and brotli), mount
//! time (median of 9 cold loads), and the in-page workloads of workloads.js (CSV import against
//! PapaParse, a 5,000-creator shortlist's sort, filter and save). Prints table rows
//! "metric | value | budget | pass/fail". Run by scripts/bench.sh (`make bench`), never by the test
//! command. Usage: node page.js DIST [--only=sizes,mount,import,shortlist,dossier,attribution]
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const http = require("http");
const { chromium } = require("playwright-core");
const { importBench, shortlistBench } = require("./workloads");
const { attributionBench } = require("./attribution");

const args = process.argv.slice(2);
const dist = path.resolve(args.find((a) => !a.startsWith("--")) || path.join(__dirname, "../../../dist"));
const only = (args.find((a) => a.startsWith("--only=")) || "--only=sizes,mount,import,shortlist,dossier,attribution").slice(7).split(",");
const rows = [];
const row = (metric, value, budget, pass) => rows.push({ metric, value, budget, pass });
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function sizes() {
  const html = fs.readFileSync(path.join(dist, "index.html"), "utf8");
  // What the first load fetches: index.html plus every asset it references (css, js, wasm).
  // Attributes, plus the loader script's own imports ('./x.js', './x_bg.wasm'): the build drops
  // trunk's preload links, so the wasm is named only there.
  const refs = [...html.matchAll(/(?:href|src)="\.\/([^"]+)"|'\.\/([^']+\.(?:js|wasm))'/g)].map((m) => m[1] || m[2]);
  const firstLoad = ["index.html", ...new Set(refs.filter((f) => /\.(js|wasm|css)$/.test(f)))];
  let gz = 0;
  let br = 0;
  let raw = 0;
  for (const file of firstLoad) {
    const body = fs.readFileSync(path.join(dist, file));
    const g = zlib.gzipSync(body, { level: 9 }).length;
    const b = zlib.brotliCompressSync(body).length;
    raw += body.length;
    gz += g;
    br += b;
    console.error(`  ${file}: ${kb(body.length)} raw, ${kb(g)} gzip, ${kb(b)} brotli`);
  }
  row("first-load transfer (html+js+wasm+css), gzip", kb(gz), "250 KB", gz <= 250 * 1024);
  row("first-load transfer, brotli", kb(br), "(info)", true);
  row("first-load transfer, raw", kb(raw), "(info)", true);
  const lazyDir = path.join(dist, "lexicon");
  if (fs.existsSync(lazyDir)) {
    for (const f of fs.readdirSync(lazyDir).filter((f) => f.endsWith(".txt") && !/LICENSE/.test(f))) {
      const body = fs.readFileSync(path.join(lazyDir, f));
      row(`lazy: lexicon/${f}, gzip`, kb(zlib.gzipSync(body, { level: 9 }).length), "not on first load", true);
    }
  }
}

function serve() {
  const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".svg": "image/svg+xml", ".json": "application/json", ".webmanifest": "application/manifest+json", ".png": "image/png", ".txt": "text/plain" };
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(req.url.split("?")[0]);
    const file = path.join(dist, url.endsWith("/") ? url + "index.html" : url);
    if (!file.startsWith(dist) || !fs.existsSync(file)) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const launch = () =>
  chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });

/// Milliseconds from navigation start: `mounted` is the app's own mark at the end of mount() (its
/// handlers attached), `wasm` when the wasm file had arrived, `start` when its code began to run,
/// `seen` when Playwright saw the Followers field (adds the harness's polling and round trip).
async function mountTimes(port) {
  const browser = await launch();
  const loads = [];
  for (let i = 0; i < 9; i++) {
    // A fresh context per load: empty HTTP cache, no service worker, so every load is cold.
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    // Interactive = the Followers field exists and typing into it shows a tier.
    await page.getByLabel("Followers").waitFor();
    const seen = await page.evaluate(() => performance.now());
    const marks = await page.evaluate(() => {
      const at = (name) => (performance.getEntriesByName(name)[0] || {}).startTime;
      const wasm = performance.getEntriesByType("resource").find((r) => r.name.endsWith(".wasm"));
      return { start: at("microscope:start"), mounted: at("microscope:mounted"), wasm: wasm && wasm.responseEnd };
    });
    await page.getByLabel("Followers").fill("45K");
    await page.getByText("Micro: 10,000 to 99,999").waitFor();
    if (marks.mounted === undefined) throw new Error("the build sets no microscope:mounted mark (src/lib.rs mount)");
    loads.push({ ...marks, seen });
    await context.close();
  }
  await browser.close();
  loads.sort((a, b) => a.mounted - b.mounted);
  return loads;
}

(async () => {
  if (only.includes("sizes")) sizes();
  const server = await serve();
  const port = server.address().port;
  if (only.includes("mount")) {
    const loads = await mountTimes(port);
    const mid = (key) => {
      const v = loads.map((l) => l[key]).sort((a, b) => a - b);
      return v[Math.floor(v.length / 2)];
    };
    const ms = (t) => (t === undefined ? "n/a" : t.toFixed(0));
    console.error(`  mounted (ms): ${loads.map((l) => ms(l.mounted)).join(", ")}`);
    console.error(`  medians (ms): wasm arrived ${ms(mid("wasm"))}, code started ${ms(mid("start"))}, mounted ${ms(mid("mounted"))}, seen by Playwright ${ms(mid("seen"))}`);
    const median = mid("mounted");
    row("mount time, median of 9 cold loads", `${median.toFixed(0)} ms`, "300 ms", median <= 300);
    row("  of which: wasm arrived / code started (medians)", `${ms(mid("wasm"))} / ${ms(mid("start"))} ms`, "(info)", true);
  }
  if (["import", "shortlist", "dossier", "attribution"].some((w) => only.includes(w))) {
    const browser = await launch();
    const base = `http://127.0.0.1:${port}`;
    if (only.includes("import")) await importBench(browser, base, row);
    if (only.includes("shortlist")) await shortlistBench(browser, base, row);
    if (only.includes("dossier")) {
      await shortlistBench(browser, base, row, 9, { dossier: true, memory: true });
      // What localStorage can hold of such a list (5.24 M characters a site): saved for real.
      await shortlistBench(browser, base, row, 9, { n: 1400, dossier: true, controls: false });
    }
    if (only.includes("attribution")) await attributionBench(browser, base, row);
    await browser.close();
  }
  server.close();
  for (const r of rows) console.log(`${r.metric} | ${r.value} | ${r.budget} | ${r.pass ? "pass" : "FAIL"}`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
