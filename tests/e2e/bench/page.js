//! Benchmark of the release build in the browser: a first visit's transfer sizes (gzip and brotli),
//! the modules each first interaction fetches, every module's size, the service worker's precache
//! and when it starts, each lazily loaded part's load time, mount
//! time (median of 9 cold loads), and the in-page workloads of workloads.js (CSV import against
//! PapaParse, a 5,000-creator shortlist's sort, filter and save). Prints table rows
//! "metric | value | budget | pass/fail". Run by scripts/bench.sh (`make bench`), never by the test
//! command. Usage: node page.js DIST [--only=sizes,precache,parts,mount,import,shortlist,dossier,attribution]
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { chromium } = require("playwright-core");
const { serve } = require("./serve");
const { importBench, shortlistBench } = require("./workloads");
const { attributionBench } = require("./attribution");

const args = process.argv.slice(2);
const dist = path.resolve(args.find((a) => !a.startsWith("--")) || path.join(__dirname, "../../../dist"));
const only = (args.find((a) => a.startsWith("--only=")) || "--only=sizes,precache,parts,mount,import,shortlist,dossier,attribution").slice(7).split(",");
const rows = [];
const row = (metric, value, budget, pass) => rows.push({ metric, value, budget, pass });
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const gzipOf = (file) => zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
const brotliOf = (file) => zlib.brotliCompressSync(fs.readFileSync(path.join(dist, file))).length;
const fileOf = (url) => decodeURIComponent(new URL(url).pathname.slice(1)) || "index.html";

/// What a first visit downloads, measured in the browser with no service worker (its precache is
/// measured apart, below). "First visit" is every file the page fetches until the network is idle
/// without any interaction: the 250 KB budget. "Before interactive" (requests started before the
/// app's `microscope:start` mark) is part of it. Then the modules fetched on the first interaction
/// (typing into Check's form, the Workspace panel, "Add to shortlist"), each with its files and
/// time; then every module of the build.
async function sizes(port) {
  const browser = await launch();
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.getByLabel("Followers").waitFor();
  await page.waitForLoadState("networkidle");
  const entries = await page.evaluate(() => {
    const started = performance.getEntriesByName("microscope:start")[0].startTime;
    const nav = performance.getEntriesByType("navigation")[0];
    return [
      { name: nav.name, startTime: 0, before: true },
      ...performance.getEntriesByType("resource").map((r) => ({ name: r.name, before: r.startTime < started })),
    ];
  });
  let before = 0;
  let after = 0;
  let visitBr = 0;
  const seen = new Set();
  for (const e of entries) {
    const file = fileOf(e.name);
    if (seen.has(file) || !fs.existsSync(path.join(dist, file))) continue;
    seen.add(file);
    const g = gzipOf(file);
    if (e.before) before += g;
    else after += g;
    visitBr += brotliOf(file);
    console.error(`  first visit, ${e.before ? "before interactive" : "after start     "}: ${file} ${kb(g)} gzip`);
  }
  row("first visit without interaction (html+css+js+wasm), gzip", kb(before + after), "250 KB", before + after <= 250 * 1024);
  row("  the same, brotli", kb(visitBr), "(info)", true);
  row("  of which before interactive (requests before the wasm starts), gzip", kb(before), "(info)", true);
  row("  of which fetched once the app runs, gzip", kb(after), "(info)", true);

  // On first interaction, in the order a visitor meets them, on the same page.
  const interactions = [
    {
      what: "typing into Check's form (results and warnings)",
      act: () => page.getByLabel("Followers").fill("45K"),
      done: () => page.getByTestId("engagement-rate").waitFor(),
    },
    {
      what: "\"Add to shortlist\" (the shortlist store)",
      act: () => page.getByRole("button", { name: "Add to shortlist" }).click(),
      done: () => page.getByText(/^Added /).waitFor(),
    },
    {
      what: "the Workspace panel (pointer over it, then Export)",
      act: async () => {
        const download = page.waitForEvent("download");
        await page.getByRole("button", { name: "Export workspace (JSON)" }).click();
        await download;
      },
      done: () => page.getByText(/^Exported /).waitFor(),
    },
  ];
  for (const step of interactions) {
    const count = await page.evaluate(() => performance.getEntriesByType("resource").length);
    const t0 = Date.now();
    await step.act();
    await step.done();
    const ms = Date.now() - t0;
    await page.waitForLoadState("networkidle");
    const files = await page.evaluate((n) => performance.getEntriesByType("resource").slice(n).map((r) => r.name), count);
    const wasm = [...new Set(files.map(fileOf).filter((f) => f.endsWith(".wasm") && !seen.has(f)))];
    wasm.forEach((f) => seen.add(f));
    const gz = wasm.reduce((sum, f) => sum + gzipOf(f), 0);
    console.error(`  on ${step.what}: ${wasm.map((f) => `${f} ${kb(gzipOf(f))}`).join(", ") || "nothing"}; shown after ${ms} ms (as Playwright saw it)`);
    row(`on ${step.what}: ${wasm.length} modules, gzip (shown after, as Playwright saw it)`, `${kb(gz)} (${ms} ms)`, "(info)", true);
  }
  await browser.close();

  const modules = fs.readdirSync(dist).filter((f) => f.endsWith(".wasm"));
  const all = modules.reduce((sum, f) => sum + gzipOf(f), 0);
  row(`whole build's wasm: ${modules.length} modules, precached in the background, gzip`, kb(all), "(info)", true);
  // split_<name>: a split point's own code (with shared code only its loads need); shared_<n>: code
  // several split points share, grouped by scripts/wasm-group.mjs.
  for (const f of modules.filter((f) => /^(split|shared)_/.test(f)).sort()) {
    row(`  module ${f.replace(/-[0-9a-f]{16}/, "")}, gzip`, kb(gzipOf(f)), "(info)", true);
  }
  const lazyDir = path.join(dist, "lexicon");
  if (fs.existsSync(lazyDir)) {
    for (const f of fs.readdirSync(lazyDir).filter((f) => f.endsWith(".txt") && !/LICENSE/.test(f))) {
      const body = fs.readFileSync(path.join(lazyDir, f));
      row(`lazy: lexicon/${f}, gzip`, kb(zlib.gzipSync(body, { level: 9 }).length), "not on first load", true);
    }
  }
}

/// The service worker's precache on a first visit, told apart from the page's own downloads by
/// who asked: Playwright reports the worker's requests with `request.serviceWorker()` set (the
/// page's are in the page's resource timing). Prints how much it fetched and when its first
/// request started after the app's `microscope:mounted` mark (public/app.js registers it once the
/// app has mounted and the browser is idle).
async function precache(port) {
  const browser = await launch();
  const context = await browser.newContext();
  const worker = [];
  context.on("request", (r) => {
    if (r.serviceWorker()) worker.push({ url: r.url(), at: Date.now() });
  });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.getByLabel("Followers").waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForLoadState("networkidle");
  const { origin, mounted } = await page.evaluate(() => ({
    origin: performance.timeOrigin,
    mounted: performance.getEntriesByName("microscope:mounted")[0].startTime,
  }));
  await browser.close();
  const files = [...new Set(worker.map((w) => fileOf(w.url)).filter((f) => fs.existsSync(path.join(dist, f))))];
  const gz = files.reduce((sum, f) => sum + gzipOf(f), 0);
  const first = Math.min(...worker.map((w) => w.at));
  const lead = first - (origin + mounted);
  console.error(`  service worker: ${files.length} files, first request ${lead.toFixed(0)} ms after the app mounted`);
  row(`service worker precache (${files.length} files, after the first visit), gzip`, kb(gz), "(info)", true);
  row("  its first request, after the app mounted", `${lead.toFixed(0)} ms`, "> 0 ms", lead > 0);
}

/// The parts loaded on first navigation (src/ui/app/sections.rs): from setting the address to the
/// part's `microscope:ready:<part>` mark, cold (a fresh context: nothing cached, no worker, nothing
/// fetched ahead: no pointer over a link before), median of 5, with the modules each one fetched
/// (gzip).
/// Check's results (typed into the form) and the Workspace panel (a pointer over it) are timed
/// the same way from the event that fetches them.
const PARTS = [
  { part: "shortlist", how: "hash", arg: "#shortlist" },
  { part: "campaign", how: "hash", arg: "#campaign" },
  { part: "risks", how: "hash", arg: "#risks" },
  { part: "dossier", how: "hash", arg: "#creator/bench" },
  { part: "check-engagement", how: "input", arg: "#check-followers" },
  { part: "workspace", how: "pointer", arg: ".workspace .button-row" },
];
async function partTimes(port) {
  const browser = await launch();
  for (const { part, how, arg } of PARTS) {
    const times = [];
    let files = [];
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext({ serviceWorkers: "block" });
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.getByLabel("Followers").waitFor();
      await page.waitForLoadState("networkidle");
      const count = await page.evaluate(() => performance.getEntriesByType("resource").length);
      const ms = await page.evaluate(
        ([part, how, arg]) =>
          new Promise((resolve, reject) => {
            const name = `microscope:ready:${part}`;
            const asked = performance.now();
            new PerformanceObserver((list, observer) => {
              const ready = list.getEntriesByName(name)[0];
              if (ready) {
                observer.disconnect();
                resolve(ready.startTime - asked);
              }
            }).observe({ type: "mark" });
            setTimeout(() => reject(new Error(`${name} never came`)), 20000);
            if (how === "hash") {
              location.hash = arg;
            } else if (how === "input") {
              const field = document.querySelector(arg);
              field.value = "45K";
              field.dispatchEvent(new Event("input", { bubbles: true }));
            } else {
              document.querySelector(arg).dispatchEvent(new PointerEvent("pointerover", { bubbles: true }));
            }
          }),
        [part, how, arg],
      );
      files = await page.evaluate((n) => performance.getEntriesByType("resource").slice(n).map((r) => r.name), count);
      times.push(ms);
      await context.close();
    }
    times.sort((a, b) => a - b);
    const wasm = [...new Set(files.map(fileOf).filter((f) => f.endsWith(".wasm")))];
    const gz = wasm.reduce((sum, f) => sum + gzipOf(f), 0);
    console.error(`  ${part}: ${times.map((t) => t.toFixed(0)).join(", ")} ms; fetched ${wasm.map((f) => `${f} ${kb(gzipOf(f))}`).join(", ")}`);
    const median = times[2];
    const after = how === "hash" ? "navigation" : how === "input" ? "the first input" : "a pointer over it";
    row(`${part}: ready after ${after}, cold, median of 5 (${wasm.length} modules, ${kb(gz)} gzip)`, `${median.toFixed(0)} ms`, "150 ms", median <= 150);
  }
  await browser.close();
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
  const server = await serve(dist);
  const port = server.address().port;
  if (only.includes("sizes")) await sizes(port);
  if (only.includes("precache")) await precache(port);
  if (only.includes("parts")) await partTimes(port);
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
    // 5,000 dossiers in the browser's real localStorage: the parts are stored compressed (format
    // 5), so they fit (before, about 1,590 did and the bench used page memory).
    if (only.includes("dossier")) await shortlistBench(browser, base, row, 9, { dossier: true });
    if (only.includes("attribution")) await attributionBench(browser, base, row);
    await browser.close();
  }
  server.close();
  for (const r of rows) console.log(`${r.metric} | ${r.value} | ${r.budget} | ${r.pass ? "pass" : "FAIL"}`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
