//! The import bench's comparison in main-thread CPU time as well as elapsed time: the app's CSV
//! import (file to report) and PapaParse's parse of the same text in the same page, with the
//! page's main thread traced, so that a machine busy with other work (which stretches elapsed
//! times by whatever else ran) still gives comparable figures. Not part of `make bench`; a tool
//! for docs/PERFORMANCE.md ("Import speed"). Usage: node cpu-import.js DIST [runs=5]
"use strict";
const path = require("path");
const { chromium } = require("playwright-core");
const { serve } = require("./serve");
const { creatorCsv } = require("./csv");

const dist = path.resolve(process.argv[2] || path.join(__dirname, "../../../dist"));
const runs = Number(process.argv[3] || 5);
const PAPA = path.join(__dirname, "../node_modules/papaparse/papaparse.min.js");


/// The app's import as workloads.js runs it, between two User Timing marks.
function appImport() {
  return new Promise((resolve, reject) => {
    const input = document.getElementById("import-file");
    const transfer = new DataTransfer();
    transfer.items.add(new File([window.__csv], "creators.csv", { type: "text/csv" }));
    input.files = transfer.files;
    let clicked = false;
    window.__slices = [];
    const observer = new MutationObserver(() => {
      const label = document.querySelector("label[for='import-progress']");
      const m = label && label.textContent.match(/^Importing: ([\d,]+)/);
      if (m) window.__slices.push([performance.now(), Number(m[1].replace(/,/g, ""))]);
      if (!clicked) {
        const button = [...document.querySelectorAll(".import-preview button")].find((b) => /^Import /.test(b.textContent));
        if (button) {
          clicked = true;
          button.click();
        }
        const error = document.querySelector(".shortlist-import .error");
        if (error && error.textContent) reject(new Error(error.textContent));
      }
      const summary = document.querySelector(".import-summary");
      if (clicked && summary && summary.textContent.startsWith("Import finished")) {
        observer.disconnect();
        performance.mark("bench:app:end");
        resolve();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    performance.mark("bench:app:start");
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

function papaImport() {
  performance.mark("bench:papa:start");
  window.Papa.parse(window.__csv, { header: true, skipEmptyLines: true });
  performance.mark("bench:papa:end");
}

/// Elapsed and main-thread CPU milliseconds between the marks `bench:<what>:start` and `:end`.
function window_(events, what) {
  const mark = (name) => events.find((e) => e.name === name && e.cat.includes("blink.user_timing"));
  const start = mark(`bench:${what}:start`);
  const end = mark(`bench:${what}:end`);
  if (!start || !end) throw new Error(`no marks for ${what}`);
  const main = events.find((e) => e.ph === "M" && e.name === "thread_name" && e.args.name === "CrRendererMain" && e.pid === start.pid);
  const tasks = events
    .filter((e) => e.ph === "X" && e.pid === start.pid && e.tid === main.tid && e.cat.includes("toplevel") && e.tdur !== undefined)
    .sort((a, b) => a.ts - b.ts);
  let cpu = 0;
  let covered = -Infinity;
  for (const t of tasks) {
    if (t.ts + t.dur <= start.ts || t.ts >= end.ts || t.ts < covered) continue;
    covered = t.ts + t.dur;
    // A task the window cuts counts in proportion.
    const inside = Math.min(end.ts, t.ts + t.dur) - Math.max(start.ts, t.ts);
    cpu += t.dur > 0 ? (t.tdur * inside) / t.dur : 0;
  }
  if (process.env.TASKS) {
    // Every task of the window over 2 ms: what it was, elapsed and CPU milliseconds.
    for (const t of tasks.filter((t) => t.ts < end.ts && t.ts + t.dur > start.ts && t.dur > 2000)) {
      const inner = events
        .filter((e) => e.ph === "X" && e.pid === t.pid && e.tid === t.tid && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e !== t && e.dur > 1000)
        .map((e) => `${e.name} ${(e.dur / 1000).toFixed(1)}`)
        .slice(0, 6);
      console.error(`    ${what} +${((t.ts - start.ts) / 1000).toFixed(0)} ms: ${t.name} ${(t.dur / 1000).toFixed(1)} ms (cpu ${(t.tdur / 1000).toFixed(1)}) ${inner.join("; ")}`);
    }
  }
  return { wall: (end.ts - start.ts) / 1000, cpu: cpu / 1000 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

(async () => {
  const server = await serve(dist);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", ...(process.env.JS_FLAGS ? [`--js-flags=${process.env.JS_FLAGS}`] : [])] });
  const text = creatorCsv(100000);
  const results = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ serviceWorkers: "block", bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/#shortlist`);
    await page.locator("#shortlist-title").waitFor();
    await page.addScriptTag({ path: PAPA });
    await page.evaluate((t) => {
      window.__csv = t;
    }, text);
    await browser.startTracing(page, { categories: ["toplevel", "blink.user_timing", "__metadata", ...(process.env.TASKS ? ["devtools.timeline", "v8"] : [])] });
    const app = async () => {
      await page.evaluate(appImport);
      // The debounced save of the result runs after the report; let it pass.
      await page.waitForTimeout(2500);
    };
    const papa = () => page.evaluate(papaImport);
    if (i % 2 === 0) {
      await papa();
      await app();
    } else {
      await app();
      await papa();
    }
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    if (process.env.SLICES) {
      // Rows parsed per slice: shows how long the browser ran the slower first code.
      const slices = await page.evaluate(() => window.__slices);
      const rates = slices.slice(1).map(([t, n], j) => `${n - slices[j][1]}/${(t - slices[j][0]).toFixed(0)}ms`);
      console.error(`    rows per slice: ${rates.join(" ")}`);
    }
    const r = { app: window_(events, "app"), papa: window_(events, "papa") };
    console.error(
      `  run ${i + 1}: app ${r.app.wall.toFixed(0)} ms (cpu ${r.app.cpu.toFixed(0)}), PapaParse ${r.papa.wall.toFixed(0)} ms (cpu ${r.papa.cpu.toFixed(0)}); ratio ${(r.app.wall / r.papa.wall).toFixed(2)} (cpu ${(r.app.cpu / r.papa.cpu).toFixed(2)})`,
    );
    results.push(r);
    await context.close();
  }
  await browser.close();
  server.close();
  const m = (f) => median(results.map(f));
  console.log(
    `import, medians of ${runs}: app ${m((r) => r.app.wall).toFixed(0)} ms (cpu ${m((r) => r.app.cpu).toFixed(0)}), PapaParse ${m((r) => r.papa.wall).toFixed(0)} ms (cpu ${m((r) => r.papa.cpu).toFixed(0)}); ratio per page ${m((r) => r.app.wall / r.papa.wall).toFixed(2)} (cpu ${m((r) => r.app.cpu / r.papa.cpu).toFixed(2)})`,
  );
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
