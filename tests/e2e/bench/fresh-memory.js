//! What memory touched for the first time costs in this Chromium on this machine (issue 19, the
//! import's "Vec::push" cost): grows a WebAssembly.Memory by 50 MB and times writing one byte per
//! 4 KB page, the first time and again; then 100,000 copies of 512 bytes (one creator each) into
//! fresh memory and into the same memory again. Not part of `make bench`; a tool for
//! docs/PERFORMANCE.md ("Session 8: import speed"). Usage: node fresh-memory.js
"use strict";
const { chromium } = require("playwright-core");

(async () => {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  const page = await browser.newPage();
  const runs = await page.evaluate(() => {
    const out = [];
    for (let run = 0; run < 3; run++) {
      const touch = new WebAssembly.Memory({ initial: 1, maximum: 4096 });
      touch.grow(800);
      const pages = new Uint8Array(touch.buffer);
      const t0 = performance.now();
      for (let i = 0; i < pages.length; i += 4096) pages[i] = 1;
      const t1 = performance.now();
      for (let i = 0; i < pages.length; i += 4096) pages[i] = 2;
      const t2 = performance.now();
      const copies = new WebAssembly.Memory({ initial: 1, maximum: 4096 });
      copies.grow(800);
      const into = new Uint8Array(copies.buffer);
      const creator = new Uint8Array(512).fill(7);
      const t3 = performance.now();
      for (let k = 0; k < 100000; k++) into.set(creator, 65536 + k * 512);
      const t4 = performance.now();
      for (let k = 0; k < 100000; k++) into.set(creator, 65536 + k * 512);
      const t5 = performance.now();
      out.push([t1 - t0, t2 - t1, t4 - t3, t5 - t4]);
    }
    return out;
  });
  await browser.close();
  const ms = (t) => t.toFixed(1);
  for (const [first, again, fresh, warm] of runs) {
    console.log(`50 MB touched: first ${ms(first)} ms, again ${ms(again)} ms; 100,000 x 512 B copied: fresh ${ms(fresh)} ms, again ${ms(warm)} ms`);
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
