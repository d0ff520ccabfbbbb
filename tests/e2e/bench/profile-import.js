//! Where the in-page CSV import spends its time: runs the import bench's workload once under the
//! Chromium CPU profiler and prints the functions with the most self time and the most total
//! time. Not part of `make bench`; a tool for docs/PERFORMANCE.md ("Import speed").
//! Usage: node profile-import.js DIST [top=40]; TREE=1 (MIN_MS=8) also prints the call tree.
//! Build DIST with names kept for readable wasm frames:
//! `MICROSCOPE_WASM_NAMES=1 trunk build --release --dist DIST` (scripts/build-wasm.mjs).
"use strict";
const path = require("path");
const { chromium } = require("playwright-core");
const { serve } = require("./serve");
const { printProfile } = require("./cpu-profile");
const { creatorCsv } = require("./csv");

const dist = path.resolve(process.argv[2] || path.join(__dirname, "../../../dist"));
const top = Number(process.argv[3] || 40);


/// The same in-page import as workloads.js: file input, preview, "Import N rows", report.
function appImportInPage() {
  return new Promise((resolve, reject) => {
    const input = document.getElementById("import-file");
    const transfer = new DataTransfer();
    transfer.items.add(new File([window.__csv], "creators.csv", { type: "text/csv" }));
    input.files = transfer.files;
    let clicked = 0;
    let start = 0;
    const observer = new MutationObserver(() => {
      if (!clicked) {
        const button = [...document.querySelectorAll(".import-preview button")].find((b) => /^Import /.test(b.textContent));
        if (button) {
          clicked = performance.now();
          button.click();
        }
        const error = document.querySelector(".shortlist-import .error");
        if (error && error.textContent) reject(new Error(error.textContent));
      }
      const summary = document.querySelector(".import-summary");
      if (clicked && summary && summary.textContent.startsWith("Import finished")) {
        observer.disconnect();
        resolve({ total: performance.now() - start, preview: clicked - start });
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    start = performance.now();
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

(async () => {
  const server = await serve(dist);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", ...(process.env.JS_FLAGS ? [`--js-flags=${process.env.JS_FLAGS}`] : [])] });
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/#shortlist`);
  await page.locator("#shortlist-title").waitFor();
  await page.evaluate((t) => {
    window.__csv = t;
  }, creatorCsv(100000));
  const cdp = await context.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  const r = await page.evaluate(appImportInPage);
  const { profile } = await cdp.send("Profiler.stop");
  await browser.close();
  server.close();

  printProfile(profile, {
    top,
    digits: 1,
    min: 8,
    title: (t) => `${t} (ms)`,
    heading: (all) => console.log(`import ${r.total.toFixed(0)} ms (preview ${r.preview.toFixed(0)} ms); profiled ${all.toFixed(0)} ms`),
  });
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
