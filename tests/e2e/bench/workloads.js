//! The in-page benchmarks of the release build (issue 8 items 3-5): the app's CSV import against
//! PapaParse in the same page, sort and filter re-render of a 5,000-creator shortlist, and saving
//! it (the app's own "microscope:save:<key>" User Timing measures). Used by page.js.
"use strict";
const path = require("path");
const zlib = require("zlib");
const { creatorCsv } = require("./csv");

const KEY = "microscope.shortlist";
const SAVE_MEASURE = `microscope:save:${KEY}`;
const PAPA = path.join(__dirname, "../node_modules/papaparse/papaparse.min.js");

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/// `count` posts and `snapshots` follower counts of creator `i`, as the dossier stores them
/// (src/domain/creator/dossier.rs): one in six posts sponsored, with a caption.
function history(i, followers, views, count, snapshots) {
  const posts = [];
  for (let p = 0; p < count; p++) {
    const v = Math.floor(views * (0.6 + ((i + p * 13) % 80) / 100));
    const sponsored = p % 6 === 0;
    posts.push({
      date: `2026-${String(1 + (p % 11)).padStart(2, "0")}-${String(1 + ((i + p) % 27)).padStart(2, "0")}`,
      views: v,
      likes: Math.floor(v * 0.07),
      comments: Math.floor(v * 0.005),
      shares: Math.floor(v * 0.002),
      ...(sponsored ? { sponsored: true, caption: `#ad Loving the new serum from @brand ${p}` } : {}),
    });
  }
  const follower_history = [];
  for (let k = 0; k < snapshots; k++) {
    follower_history.push({ date: `2026-0${k + 1}-01`, count: Math.floor(followers * (0.9 + k * 0.025)), source: "import" });
  }
  return { posts, follower_history };
}

/// The creators of `envelope`, as records.
function records(n, posts = 0, snapshots = 0) {
  const platforms = ["TikTok", "YouTube", "Instagram"];
  const statuses = ["prospect", "contacted", "negotiating", "confirmed", "posted", "declined"];
  const tags = ["beauty", "travel", "fitness", "food", "gaming", "tech"];
  const data = [];
  for (let i = 0; i < n; i++) {
    const followers = 1000 + ((i * 7919) % 900000);
    const views = Math.floor(followers * (0.1 + (i % 40) / 100));
    data.push({
      id: `bench-${i}`,
      name: `Creator ${i} ${["Silva", "Okafor", "Nguyen", "Rossi"][i % 4]}`,
      profile_url: i % 3 === 0 ? `https://www.tiktok.com/@creator_${i}` : undefined,
      platform: platforms[i % 3],
      followers,
      metrics: { views, likes: Math.floor(views * 0.08), comments: Math.floor(views * 0.006), shares: Math.floor(views * 0.002) },
      price: 50 + (i % 1950),
      tags: [tags[i % tags.length], tags[(i >> 3) % tags.length]].filter((t, j, a) => a.indexOf(t) === j),
      notes: i % 5 === 0 ? `Met at the ${i} fair, "great" fit` : "",
      status: statuses[i % statuses.length],
      created_at: 1763942400000 + i,
      updated_at: 1763942400000 + i,
      ...(posts || snapshots ? history(i, followers, views, posts, snapshots) : {}),
    });
  }
  return data;
}

/// A shortlist of `n` creators stored whole, as before parts (src/storage/envelope.rs, version
/// 3); `posts`/`snapshots` per creator add a dossier history (0: none, as before dossiers).
function envelope(n, posts = 0, snapshots = 0) {
  return JSON.stringify({ app: "microscope", kind: "shortlist", version: 3, data: records(n, posts, snapshots) });
}

/// `text` as the app stores a part (src/storage/packed.rs, format 5): raw deflate at level 1,
/// packed 15 bits a character (32 + each group), after "deflate15:" and the count of padding
/// bytes to drop. Node's zlib writes the same stream format the app's miniz_oxide reads.
function pack(text) {
  const bytes = zlib.deflateRawSync(Buffer.from(text, "utf8"), { level: 1 });
  const chars = Math.ceil((bytes.length * 8) / 15);
  const extra = Math.floor((chars * 15) / 8) - bytes.length;
  const codes = [];
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    if (bits >= 15) {
      bits -= 15;
      codes.push(32 + ((acc >>> bits) & 0x7fff));
      acc &= (1 << bits) - 1;
    }
  }
  if (bits > 0) codes.push(32 + ((acc << (15 - bits)) & 0x7fff));
  let out = `deflate15:${extra}`;
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192));
  return out;
}

/// The same shortlist as the app stores it now (src/storage/parts.rs, packed.rs): parts of 64
/// creators, each compressed under its own key, and the index under KEY naming them. Returns
/// [[key, text], ...].
function inParts(n, posts = 0, snapshots = 0) {
  const data = records(n, posts, snapshots);
  const entries = [];
  const parts = [];
  for (let start = 0; start < data.length; start += 64) {
    const key = `${KEY}.part.bench-${start / 64}`;
    const chunk = data.slice(start, start + 64);
    entries.push([key, pack(JSON.stringify({ app: "microscope", kind: "shortlist", version: 6, data: chunk }))]);
    parts.push({ key, count: chunk.length });
  }
  entries.push([KEY, JSON.stringify({ app: "microscope", kind: "shortlist", version: 6, data: { parts } })]);
  return entries;
}

/// In the page: the characters the shortlist takes in storage (index and parts, keys included).
function storedShortlistChars(key) {
  let chars = 0;
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i);
    if (k === key || k.startsWith(`${key}.part.`)) chars += k.length + localStorage.getItem(k).length;
  }
  return chars;
}

async function openShortlist(browser, base, stored, options = {}) {
  const context = await browser.newContext({ serviceWorkers: "block", ...options });
  const page = await context.newPage();
  if (stored) {
    // Any page of the origin will do to reach its localStorage before the app loads.
    await page.goto(`${base}/manifest.webmanifest`);
    await page.evaluate((entries) => entries.forEach(([k, v]) => localStorage.setItem(k, v)), stored);
  }
  await page.goto(`${base}/#shortlist`);
  await page.locator("#shortlist-title").waitFor();
  return { context, page };
}

/// In the page: the app's import of `window.__csv` through the file input, from the change event
/// to the "Import finished" report, with the "Import N rows" button pressed as soon as it shows;
/// then from that report to the table's page one painted (`pageOne`: the table shows imported
/// rows, then the next frame's paint, as `controlToPaint` times it). Since session 11 the app
/// draws page one a frame after the report (src/ui/shortlist/import_run.rs); before, both came in
/// one step and `pageOne` is the paint alone.
function appImportInPage() {
  return new Promise((resolve, reject) => {
    const input = document.getElementById("import-file");
    const transfer = new DataTransfer();
    transfer.items.add(new File([window.__csv], "creators.csv", { type: "text/csv" }));
    input.files = transfer.files;
    let clicked = 0;
    let start = 0;
    let end = 0;
    let text = "";
    let pageOne = false;
    const timer = setTimeout(() => reject(new Error("the import did not finish in 120 s")), 120000);
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
      if (clicked && !end && summary && summary.textContent.startsWith("Import finished")) {
        end = performance.now();
        text = summary.textContent;
      }
      // Page one: the table lists rows (the page starts with an empty shortlist, whose table
      // holds one "empty" cell), then the paint of the next frame.
      if (end && !pageOne && document.querySelector(".shortlist-table tbody td:not(.empty)")) {
        pageOne = true;
        observer.disconnect();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            clearTimeout(timer);
            const painted = performance.now();
            resolve({ total: end - start, preview: clicked - start, run: end - clicked, pageOne: painted - end, summary: text });
          };
          channel.port2.postMessage(0);
        });
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    start = performance.now();
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

/// In the page: PapaParse on the same text, the way an importer would call it (header row, objects).
function papaInPage() {
  const start = performance.now();
  const result = window.Papa.parse(window.__csv, { header: true, skipEmptyLines: true });
  const end = performance.now();
  return { total: end - start, rows: result.data.length, errors: result.errors.length };
}

/// Issue 8 item 3: `runs` fresh pages, each running both importers on the same text.
async function importBench(browser, base, row, runs = 5) {
  const text = creatorCsv(100000);
  const app = [];
  const papa = [];
  let summary = "";
  for (let i = 0; i < runs; i++) {
    const { context, page } = await openShortlist(browser, base, null, { bypassCSP: true });
    await page.addScriptTag({ path: PAPA });
    await page.evaluate((t) => {
      window.__csv = t;
    }, text);
    // Alternate the order; after the app's import, let its debounced save of the result settle.
    const runApp = async () => {
      const r = await page.evaluate(appImportInPage);
      app.push(r);
      summary = r.summary;
      await page.waitForTimeout(2000);
    };
    const runPapa = async () => papa.push(await page.evaluate(papaInPage));
    if (i % 2 === 0) {
      await runPapa();
      await runApp();
    } else {
      await runApp();
      await runPapa();
    }
    await context.close();
  }
  const a = median(app.map((r) => r.total));
  const p = median(papa.map((r) => r.total));
  console.error(`  app import (ms): ${app.map((r) => `${r.total.toFixed(0)} (preview ${r.preview.toFixed(0)} + run ${r.run.toFixed(0)})`).join(", ")}`);
  console.error(`  app: report to page one painted (ms): ${app.map((r) => r.pageOne.toFixed(0)).join(", ")}`);
  console.error(`  app: ${summary}`);
  console.error(`  PapaParse 5.7.1 parse (ms): ${papa.map((r) => r.total.toFixed(0)).join(", ")}; ${papa[0].rows} rows, ${papa[0].errors} errors`);
  // Each page's own ratio: both importers ran there back to back, so a busy machine (other
  // processes taking the CPU for a while) moves both figures of a page more than their ratio.
  const ratios = app.map((r, i) => r.total / papa[i].total);
  console.error(`  ratio per page: ${ratios.map((r) => r.toFixed(2)).join(", ")}; median ${median(ratios).toFixed(2)}`);
  const mb = (Buffer.byteLength(text) / 1e6).toFixed(1);
  row(`import 100,000 rows (${mb} MB): app, file to report`, `${a.toFixed(0)} ms`, "(info)", true);
  row("import 100,000 rows: PapaParse 5.7.1 parse alone, same page", `${p.toFixed(0)} ms`, "(info)", true);
  row(`import ratio app / PapaParse (medians of ${runs} runs)`, (a / p).toFixed(2), "<= 1.00", a / p <= 1.0);
  row("import, app: after the preview (parse, check, merge)", `${median(app.map((r) => r.run)).toFixed(0)} ms`, "(info)", true);
  row("import, app: report to the table's page one painted", `${median(app.map((r) => r.pageOne)).toFixed(0)} ms`, "(info)", true);
  row("import, app: file to the table's page one painted", `${median(app.map((r) => r.total + r.pageOne)).toFixed(0)} ms`, "(info)", true);
}

/// In the page: does the control change `name` (variant `i`), returns the ms from it to the next
/// frame's paint and whether the table changed. Self-contained: Playwright sends its source.
function controlToPaint([name, i]) {
  const painted = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        // rAF runs before the paint; a message posted from it is handled right after.
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(0);
      }),
    );
  const actions = {
    sort: () => {
      const header = [...document.querySelectorAll("button.sort")].find((b) => b.textContent.includes("Followers"));
      header.click();
    },
    filter: () => {
      const select = document.getElementById("filter-platform");
      select.value = i % 2 === 0 ? "tiktok" : "";
      select.dispatchEvent(new Event("change", { bubbles: true }));
    },
    search: () => {
      const input = document.getElementById("filter-text");
      input.value = i % 2 === 0 ? "okafor" : "";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    },
  };
  const table = () => document.querySelector(".shortlist-table tbody").textContent;
  return painted().then(() => {
    const before = table();
    const start = performance.now();
    actions[name]();
    return painted().then((end) => ({ ms: end - start, changed: table() !== before }));
  });
}

const CONTROLS = ["sort", "filter", "search"];

/// In the page: changes one creator's status and waits for the debounced save's measure.
function saveOnce([measure, n]) {
  return new Promise((resolve, reject) => {
    const seen = performance.getEntriesByName(measure).length;
    const select = document.querySelector(".shortlist-table tbody select");
    select.value = n % 2 === 0 ? "contacted" : "negotiating";
    select.dispatchEvent(new Event("change", { bubbles: true }));
    const started = performance.now();
    const poll = () => {
      const entries = performance.getEntriesByName(measure);
      if (entries.length > seen) return resolve(entries[entries.length - 1].duration);
      if (performance.now() - started > 5000) return reject(new Error(`no "${measure}" measure within 5 s`));
      setTimeout(poll, 20);
    };
    poll();
  });
}

/// Issue 8 items 4 and 5, issue 15's dossiers: a shortlist of `n` creators (stored in parts, as
/// the app keeps it), sorted, filtered, searched (`controls`) and saved. `dossier`: 30 posts and 5
/// follower counts each.
async function shortlistBench(browser, base, row, runs = 9, { n = 5000, dossier = false, controls = true } = {}) {
  const count = n.toLocaleString("en-US");
  const label = dossier ? `shortlist ${count} with 30 posts and 5 follower counts each` : `shortlist ${count}`;
  const stored = inParts(n, dossier ? 30 : 0, dossier ? 5 : 0);
  const { context, page } = await openShortlist(browser, base, stored);
  await page.getByText(`${count} creators, kept in this browser.`).waitFor();
  const before = await page.evaluate(storedShortlistChars, KEY);
  console.error(`  ${label}: stored ${(before / 1e6).toFixed(2)} M characters in ${stored.length - 1} parts and the index, ${Math.round(before / n)} per creator`);
  for (const name of controls ? CONTROLS : []) {
    const times = [];
    let unchanged = 0;
    for (let i = 0; i < runs; i++) {
      const r = await page.evaluate(controlToPaint, [name, i]);
      times.push(r.ms);
      if (!r.changed) unchanged++;
    }
    console.error(`  ${label}, ${name} (ms): ${times.map((t) => t.toFixed(0)).join(", ")}${unchanged ? ` (${unchanged} runs changed nothing!)` : ""}`);
    const m = median(times);
    row(`${label}: ${name}, change to paint (median of ${runs})`, `${m.toFixed(1)} ms`, "50 ms", m <= 50 && unchanged === 0);
  }

  // Save: change one creator's status, wait for the debounced save's measure.
  const saves = [];
  for (let i = 0; i < runs; i++) saves.push(await page.evaluate(saveOnce, [SAVE_MEASURE, i]));
  const after = await page.evaluate(storedShortlistChars, KEY);
  console.error(`  ${label}: save (${(after / 1e6).toFixed(2)} M chars stored), ms: ${saves.map((t) => t.toFixed(1)).join(", ")}`);
  const s = median(saves);
  row(`${label}: save to localStorage (median of ${runs})`, `${s.toFixed(1)} ms`, "20 ms", s <= 20);
  if (dossier) row(`${label}: stored size per creator (measured)`, `${Math.round(after / n)} characters`, "(info)", true);
  await context.close();
}

module.exports = { importBench, shortlistBench, envelope, inParts, records, openShortlist, controlToPaint };
