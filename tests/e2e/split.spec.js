//! End-to-end: sections on first use. The release build is split (scripts/build-wasm.mjs): a first
//! visit fetches the main module only; each other section's module arrives on first navigation;
//! after one visit the service worker has every module, so sections never opened work offline; a
//! module that fails to download shows a message with Retry, never a blank panel or the panic
//! screen, and Retry works once the network is back.
const fs = require("fs");
const path = require("path");
const { test, expect } = require("@playwright/test");
const { openApp, expectNoSeriousA11yViolations } = require("./helpers");

const DIST = process.env.E2E_DIST || path.join(__dirname, "../../dist");
const MODULES = fs.readdirSync(DIST).filter((f) => f.endsWith(".wasm"));
/** The module file of a split point (src/ui/app/sections.rs), e.g. "campaign_section". */
const moduleOf = (name) => MODULES.find((f) => f.startsWith(`split_${name}-`));

/** The sections loaded on first use, how to open them, and the heading that says they are there. */
const SECTIONS = [
  { link: "Shortlist", module: "shortlist_section", heading: "Shortlist" },
  { link: "Campaign", module: "campaign_section", heading: "Campaign" },
  { link: "Risks", module: "risks_section", heading: "Risks" },
];

async function waitForWorker(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

const sectionHeading = (page, name) =>
  page.locator("#main").getByRole("heading", { level: 2, name, exact: true });

test("the build is split: a module per section, each fetched only on its first visit", async ({ browser }) => {
  for (const s of [...SECTIONS.map((x) => x.module), "dossier_page"]) {
    expect(moduleOf(s), `the build has a module for ${s}`).toBeTruthy();
  }
  // No service worker here: it would fetch every module in the background (its precache).
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const fetched = [];
  page.on("request", (r) => fetched.push(path.basename(new URL(r.url()).pathname)));
  const errors = await openApp(page);
  await page.getByLabel("Followers").fill("45K");
  await expect(page.getByText("Micro: 10,000 to 99,999 followers")).toBeVisible();
  for (const s of SECTIONS) expect(fetched).not.toContain(moduleOf(s.module));
  expect(fetched).not.toContain(moduleOf("dossier_page"));

  for (const s of SECTIONS) {
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: s.link }).click();
    await expect(sectionHeading(page, s.heading)).toBeVisible();
    expect(fetched).toContain(moduleOf(s.module));
  }
  // A second visit needs no download: the module is linked once per page.
  const count = fetched.length;
  await page.getByRole("link", { name: "Shortlist" }).click();
  await expect(sectionHeading(page, "Shortlist")).toBeVisible();
  expect(fetched.slice(count).filter((f) => f.endsWith(".wasm"))).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test("after one visit, every section works offline, those never opened too", async ({ page, context }) => {
  const errors = await openApp(page);
  await waitForWorker(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("navigation", { name: "Sections" })).toBeVisible();
  for (const s of SECTIONS) {
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: s.link }).click();
    await expect(sectionHeading(page, s.heading)).toBeVisible();
  }
  // The dossier page (#creator/<id>), never opened either.
  await page.goto("./#creator/nobody");
  await expect(page.getByRole("heading", { name: "Creator not found" })).toBeVisible();
  await expect(page.locator(".part-failed")).toHaveCount(0);
  await context.setOffline(false);
  expect(errors).toEqual([]);
});

test("a module that fails to download shows a message with Retry, which works once the network is back", async ({
  browser,
}, testInfo) => {
  // No service worker: this is a first visit that lost the network before opening Campaign.
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await openApp(page);
  // The first screen's own parts (the Workspace panel) are in before the network goes.
  await expect(page.getByRole("heading", { level: 2, name: "Workspace" })).toBeVisible();
  await context.setOffline(true);
  await page.getByRole("link", { name: "Campaign" }).click();
  const failed = page.getByRole("alert").filter({ hasText: "Could not load the Campaign section" });
  await expect(failed).toBeVisible();
  await expect(failed).toContainText("this device may be offline");
  // Never the panic screen, and the rest of the page still works.
  await expect(page.locator("#fatal")).toBeHidden();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: testInfo.outputPath("module-failed.png"), fullPage: true });
  await page.getByRole("link", { name: "Check a creator" }).click();
  await page.getByLabel("Followers").fill("45K");
  await expect(page.getByText("Micro: 10,000 to 99,999 followers")).toBeVisible();

  // Still offline: Retry tries again and says so again.
  await page.getByRole("link", { name: "Campaign" }).click();
  await failed.getByRole("button", { name: "Retry" }).click();
  await expect(failed).toBeVisible();
  await expect(sectionHeading(page, "Campaign")).toHaveCount(0);

  await context.setOffline(false);
  await failed.getByRole("button", { name: "Retry" }).click();
  await expect(sectionHeading(page, "Campaign")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Could not load" })).toHaveCount(0);
  await expect(page.locator("#fatal")).toBeHidden();
  await context.close();
});

test("a module gone from the server (a deploy in between) gets the same message, and Retry recovers", async ({
  browser,
}) => {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  // The old build's module is no longer on the server: 404.
  const gone = moduleOf("risks_section");
  let deployed = true;
  await page.route(`**/${gone}`, (route) => (deployed ? route.fulfill({ status: 404, body: "" }) : route.continue()));
  await openApp(page);
  await page.getByRole("link", { name: "Risks" }).click();
  const failed = page.getByRole("alert").filter({ hasText: "Could not load the Risks section" });
  await expect(failed).toBeVisible();
  await expect(failed.getByRole("button", { name: "Reload the page" })).toBeVisible();
  await expect(page.locator("#fatal")).toBeHidden();
  deployed = false;
  await failed.getByRole("button", { name: "Retry" }).click();
  await expect(sectionHeading(page, "Risks")).toBeVisible();
  await context.close();
});
