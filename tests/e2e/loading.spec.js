//! End-to-end: how the release build loads. The static header paints before the wasm download
//! starts, and the app then mounts below it without moving it.
const { test, expect } = require("@playwright/test");
const { openApp } = require("./helpers");

test("the static header paints before the wasm download starts, and the app mounts below it", async ({ page }) => {
  // Regression: the download used to start before the first paint on a busy machine, and
  // Lighthouse's simulated phone then counted the header as painted after all 1.4 MB (LCP 9 s).
  const errors = await openApp(page);
  const header = page.getByRole("banner");
  await expect(header.getByRole("heading", { level: 1, name: "Microscope" })).toBeVisible();
  const timing = await page.evaluate(() => {
    const paint = performance.getEntriesByName("first-contentful-paint")[0];
    const wasm = performance.getEntriesByType("resource").find((r) => r.name.endsWith(".wasm"));
    return { paint: paint && paint.startTime, wasm: wasm && wasm.startTime };
  });
  expect(timing.paint, "a first-contentful-paint entry").toBeGreaterThan(0);
  expect(timing.wasm, "the wasm was fetched").toBeGreaterThan(0);
  expect(timing.paint).toBeLessThan(timing.wasm);
  // The app's marks (src/lib.rs) are there for `make bench`, in order.
  const marks = await page.evaluate(() =>
    ["microscope:start", "microscope:mounted"].map((n) => (performance.getEntriesByName(n)[0] || {}).startTime),
  );
  expect(marks[0]).toBeGreaterThan(timing.wasm);
  expect(marks[1]).toBeGreaterThanOrEqual(marks[0]);
  // The header keeps its place: the app mounts into #app, after it.
  const order = await page.evaluate(() => {
    const masthead = document.querySelector("header.masthead");
    const app = document.getElementById("app");
    return Boolean(masthead && app && masthead.compareDocumentPosition(app) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  expect(order).toBe(true);
  expect(errors).toEqual([]);
});
