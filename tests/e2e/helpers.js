//! Shared end-to-end helpers: open the app and collect page errors so every test can assert none.
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

/** Runs axe-core and fails on any serious or critical violation, listing them. */
async function expectNoSeriousA11yViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

module.exports = { openApp, expectNoSeriousA11yViolations };
