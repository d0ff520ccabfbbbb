//! Where a shortlist sort, filter or search spends its time: runs the shortlist bench's control
//! (workloads.js `controlToPaint`, a 5,000-creator shortlist) a number of times under the Chromium
//! CPU profiler and a timeline trace, and prints the functions with the most self and total time
//! and the renderer's main-thread work by kind (script, style, layout, paint). Not part of
//! `make bench`; a tool for docs/PERFORMANCE.md ("Session 11: shortlist table speed").
//! Usage: node profile-shortlist.js DIST [sort|filter|search] [runs=20] [top=30]; TREE=1 (MIN_MS=8)
//! also prints the call tree. Build DIST with names kept for readable wasm frames (see
//! profile-import.js).
"use strict";
const path = require("path");
const { chromium } = require("playwright-core");
const { serve } = require("./serve");
const { printProfile } = require("./cpu-profile");
const { inParts, openShortlist, controlToPaint } = require("./workloads");

const dist = path.resolve(process.argv[2] || path.join(__dirname, "../../../dist"));
const control = process.argv[3] || "sort";
const runs = Number(process.argv[4] || 20);
const top = Number(process.argv[5] || 30);


(async () => {
  const server = await serve(dist);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  const { context, page } = await openShortlist(browser, base, inParts(5000));
  await page.getByText("5,000 creators, kept in this browser.").waitFor();
  // Two runs first: the code paths and the risk badges' cache warm, as in the bench's later runs.
  for (let i = 0; i < 2; i++) await page.evaluate(controlToPaint, [control, i]);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
  await cdp.send("Profiler.start");
  const times = [];
  for (let i = 0; i < runs; i++) times.push((await page.evaluate(controlToPaint, [control, i + 2])).ms);
  const { profile } = await cdp.send("Profiler.stop");
  const trace = JSON.parse((await browser.stopTracing()).toString("utf8"));
  await browser.close();
  server.close();

  const sorted = [...times].sort((a, b) => a - b);
  console.log(`${control} x${runs}: ms ${times.map((t) => t.toFixed(0)).join(", ")}; median ${sorted[Math.floor(runs / 2)].toFixed(1)}`);

  // The renderer's main thread: complete events by name, nested ones not subtracted.
  const events = trace.traceEvents || trace;
  const main = new Set(events.filter((e) => e.name === "thread_name" && e.args && e.args.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`));
  // Wall time and thread time (`tdur`: the CPU time the thread got, less sensitive to the other
  // processes of a busy machine than the wall time the bench measures).
  const kinds = new Map();
  for (const e of events) {
    if (e.ph !== "X" || !main.has(`${e.pid}:${e.tid}`) || !e.dur) continue;
    const [wall, cpu] = kinds.get(e.name) || [0, 0];
    kinds.set(e.name, [wall + e.dur / 1000, cpu + (e.tdur || 0) / 1000]);
  }
  console.log(`\nrenderer main thread, per run (ms wall / thread; nested events overlap)`);
  for (const [k, [wall, cpu]] of [...kinds].sort((a, b) => b[1][0] - a[1][0]).slice(0, 16)) {
    console.log(`${(wall / runs).toFixed(2).padStart(8)} ${(cpu / runs).toFixed(2).padStart(8)}  ${k}`);
  }

  printProfile(profile, { per: runs, top, digits: 2, min: 1, title: (t) => `${t} (ms per run)` });
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
