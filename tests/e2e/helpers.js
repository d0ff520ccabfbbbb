//! Shared end-to-end helpers: open the app and collect page errors so every test can assert none;
//! settle pending saves without waiting for a clock.
const { expect } = require("@playwright/test");
const AxeBuilder = require("@axe-core/playwright").default;

/** Opens the app at `hash` and waits until the wasm has mounted. Returns the list of page errors. */
async function openApp(page, hash = "") {
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(hash ? `./${hash}` : "./");
  await expect(page.getByRole("navigation", { name: "Sections" })).toBeVisible();
  return errors;
}

/** A section's own heading (the h2 in #main): the section is shown once it stands there. */
const sectionHeading = (page, name) => page.locator("#main").getByRole("heading", { level: 2, name, exact: true });

/**
 * Opens a section from the "Sections" navigation and waits until it has replaced the one shown.
 * Regression (session 9, two clean-clone runs): the click's hash change is handled a task later,
 * so a test that went on at once found the previous section's fields and tables still there
 * (Playwright's strict mode then failed on a busy machine only).
 */
async function openSection(page, link, heading = link) {
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: link, exact: true }).click();
  await expect(sectionHeading(page, heading)).toBeVisible();
}

/** Runs axe-core and fails on any serious or critical violation, listing them. */
async function expectNoSeriousA11yViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/**
 * Saves every store's pending edits now, as the page does when it is hidden or closed
 * (`pagehide`; src/ui/state/persisted.rs): a test that checks that nothing was written need not
 * wait out the save delay, and its verdict does not depend on how fast the machine is.
 */
async function flushSaves(page) {
  await page.evaluate(() => window.dispatchEvent(new Event("pagehide")));
}

/** A comment sample, one per line as pasted: 18 negative comments and 6 others, enough for the
 * hate-watching rule (Risks and the dossier journey both paste it). */
const NEGATIVE = [
  "This is the worst video I have ever seen",
  "I hate this so much",
  "Terrible advice, totally wrong",
  "So boring and stupid",
  "You are annoying and fake",
  "Awful, just awful",
  "What a horrible product",
  "This is trash",
  "Ugly and disgusting",
  "Stop posting this garbage",
  "Worst creator on this app",
  "Pathetic attempt at comedy",
  "I regret watching this, terrible",
  "Such a sad and bad take",
  "Cringe and painful to watch",
  "Nobody likes you, you are the worst",
  "Hate hate hate",
  "Horrible editing, terrible sound",
];
const OTHER = [
  "Love this, great video!",
  "Really helpful, thank you",
  "Where did you buy the jacket",
  "Posted on Tuesday",
  "Amazing work, so happy for you",
  "The second part starts at 3:10",
];

/**
 * The list stored under `key` as one envelope, as a list stored whole reads: a list kept in parts
 * (an index whose data names its parts, src/storage/parts.rs) is put together from its parts in
 * order, each unpacked when it is stored compressed (format 5, src/storage/packed.rs: raw deflate,
 * 15 bits a character; unpacked here with the browser's own DecompressionStream, so the test does
 * not trust the app's decoder). Anything else (nothing, unreadable text, a list stored whole) is
 * returned as stored.
 */
function storedList(page, key = "microscope.shortlist") {
  return page.evaluate(async (k) => {
    const PREFIX = "deflate15:";
    const unpack = async (text) => {
      if (!text.startsWith(PREFIX)) return text;
      const bytes = [];
      let acc = 0;
      let bits = 0;
      for (let i = PREFIX.length + 1; i < text.length; i++) {
        acc = (acc << 15) | (text.charCodeAt(i) - 32);
        bits += 15;
        while (bits >= 8) {
          bits -= 8;
          bytes.push((acc >>> bits) & 255);
        }
        acc &= (1 << bits) - 1;
      }
      bytes.length -= Number(text[PREFIX.length]);
      const stream = new Blob([new Uint8Array(bytes)]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
      return new Response(stream).text();
    };
    const raw = localStorage.getItem(k);
    let index;
    try {
      index = JSON.parse(raw);
    } catch (e) {
      return raw;
    }
    const parts = index && index.data && index.data.parts;
    if (!Array.isArray(parts)) return raw;
    const data = [];
    for (const p of parts) data.push(...JSON.parse(await unpack(localStorage.getItem(p.key))).data);
    return JSON.stringify({ app: index.app, kind: index.kind, version: index.version, data });
  }, key);
}

module.exports = { openApp, openSection, sectionHeading, expectNoSeriousA11yViolations, flushSaves, storedList, NEGATIVE, OTHER };
