//! End-to-end: sections on first use. The release build is split (scripts/build-wasm.mjs): a first
//! visit fetches the main module only; Check's results arrive on the form's first input, the
//! Workspace panel's module on the first interaction with it (its file pickers still open at the
//! click), the shortlist store when a part first needs it; each other section's module arrives on first navigation,
//! downloaded at the same time as the store's;
//! after one visit the service worker has every module, so sections never opened work offline; a
//! module that fails to download shows a message with Retry, never a blank panel or the panic
//! screen, and Retry works once the network is back.
const fs = require("fs");
const path = require("path");
const { test, expect } = require("@playwright/test");
const { openApp, openSection, sectionHeading, expectNoSeriousA11yViolations } = require("./helpers");

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

/** Check's seed: 8.50% by views (analysis.spec.js). */
async function fillSeed(page) {
  await page.getByLabel("Followers").fill("45K");
  await page.getByLabel("Average views").fill("130,000");
  await page.getByLabel("Average likes").fill("9,500");
  await page.getByLabel("Average comments").fill("850");
  await page.getByLabel("Average shares").fill("700");
}

/**
 * Holds every request for `module` until `release()` is called: the part's code is "on its way"
 * for as long as the test needs, with no guessed delay. `asked` resolves once it was requested.
 */
async function holdModule(page, module) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  let asked;
  const requested = new Promise((resolve) => (asked = resolve));
  await page.route(`**/${moduleOf(module)}`, async (route) => {
    asked();
    await released;
    await route.continue();
  });
  return { release, asked: requested };
}

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
    await openSection(page, s.link, s.heading);
    expect(fetched).toContain(moduleOf(s.module));
  }
  // A second visit needs no download: the module is linked once per page.
  const count = fetched.length;
  await openSection(page, "Shortlist");
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
    await openSection(page, s.link, s.heading);
  }
  // Check's results and the Workspace panel, never fetched on the first visit either.
  // Risks has its own "Followers" field: openSection waits until Check has replaced it.
  await openSection(page, "Check a creator");
  await fillSeed(page);
  await expect(page.getByTestId("engagement-rate")).toHaveText("8.50% (1 post)");
  await expect(page.getByText(/estimate: \$25\.00–\$125\.00 per post for TikTok micro/)).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export workspace (JSON)" }).click();
  await download;
  await expect(page.getByRole("region", { name: "Workspace" }).locator("div.status")).toContainText("Exported ");
  // The dossier page (#creator/<id>), never opened either.
  await page.goto("./#creator/nobody");
  await expect(page.getByRole("heading", { name: "Creator not found" })).toBeVisible();
  await expect(page.locator(".part-failed")).toHaveCount(0);
  await context.setOffline(false);
  expect(errors).toEqual([]);
});

// Regression (session 8): a section waited for the shortlist store's download to end before its
// own started, two downloads end to end. Now both are requested at once.
test("a section's module is requested while the shortlist store's is still on its way", async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const held = await holdModule(page, "shortlist_store");
  const errors = await openApp(page);
  const campaign = page.waitForRequest((r) => r.url().endsWith(`/${moduleOf("campaign_section")}`));
  await page.getByRole("link", { name: "Campaign" }).click();
  await held.asked;
  await campaign;
  await expect(page.getByText("Loading the Campaign section…")).toBeVisible();
  held.release();
  await expect(sectionHeading(page, "Campaign")).toBeVisible();
  expect(errors).toEqual([]);
  await context.close();
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
  await openSection(page, "Check a creator");
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

test("a first visit fetches neither Check's results, the Workspace panel nor the shortlist store; the first input fetches the results", async ({
  browser,
}) => {
  for (const m of ["check_results", "workspace", "shortlist_store"]) {
    expect(moduleOf(m), `the build has a module for ${m}`).toBeTruthy();
  }
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const fetched = [];
  page.on("request", (r) => fetched.push(path.basename(new URL(r.url()).pathname)));
  const errors = await openApp(page);
  // The first screen as it stands before any input: the placeholders, then nothing in flight.
  await expect(page.getByRole("region", { name: "Engagement", exact: true })).toContainText("Enter the creator's numbers");
  await expect(page.getByRole("region", { name: "Risks for this creator" })).toContainText("Enter the creator's numbers");
  await expect(page.getByRole("heading", { level: 2, name: "Workspace" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  for (const m of ["check_results", "workspace", "shortlist_store"]) expect(fetched).not.toContain(moduleOf(m));
  // The formula switch is there before any number: it is in the main module.
  await expect(page.getByLabel("Engagement formula")).toBeEnabled();

  await fillSeed(page);
  await expect(page.getByTestId("engagement-rate")).toHaveText("8.50% (1 post)");
  expect(fetched).toContain(moduleOf("check_results"));
  expect(fetched).not.toContain(moduleOf("workspace"));

  // "Add to shortlist" fetches the shortlist store.
  await page.getByRole("button", { name: "Add to shortlist" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added" })).toContainText("to the shortlist");
  expect(fetched).toContain(moduleOf("shortlist_store"));
  expect(errors).toEqual([]);
  await context.close();
});

test("what is typed while Check's results are on their way shows in them when they arrive", async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const held = await holdModule(page, "check_results");
  const errors = await openApp(page);
  await page.getByLabel("Followers").fill("45K");
  await held.asked;
  await expect(page.getByText("Loading the engagement results…")).toBeVisible();
  // Typed while the module is held: the form keeps it, and the tier follows at once.
  await page.getByLabel("Average views").fill("130,000");
  await page.getByLabel("Average likes").fill("9,500");
  await page.getByLabel("Average comments").fill("850");
  await page.getByLabel("Average shares").fill("700");
  await expect(page.getByText("Micro: 10,000 to 99,999 followers")).toBeVisible();
  await expect(page.getByTestId("engagement-rate")).toHaveCount(0);
  held.release();
  await expect(page.getByTestId("engagement-rate")).toHaveText("8.50% (1 post)");
  await expect(page.getByLabel("Average shares")).toHaveValue("700");
  // The cost estimate (same module) has the follower count typed first.
  await expect(page.getByText(/estimate: \$25\.00–\$125\.00 per post for TikTok micro/)).toBeVisible();
  await expect(page.locator(".part-loading")).toHaveCount(0);
  expect(errors).toEqual([]);
  await context.close();
});

/** A stand-in for the File System Access pickers: each call is recorded with whether the page
 *  still had the click's user activation (a real Chromium refuses a picker without it); the one
 *  file, "team.json", is kept in `window.__file`. */
function stubPickers(page, text = "") {
  return page.addInitScript((initial) => {
    window.__file = { text: initial, lastModified: 1000, writes: 0 };
    window.__pickers = [];
    const handle = {
      name: "team.json",
      getFile: async () => new File([window.__file.text], "team.json", { lastModified: window.__file.lastModified }),
      createWritable: async () => {
        let buffer = "";
        return {
          write: async (t) => {
            buffer += t;
          },
          close: async () => {
            window.__file.text = buffer;
            window.__file.lastModified += 1;
            window.__file.writes += 1;
          },
        };
      },
    };
    const picker = (kind, result) => async () => {
      const active = navigator.userActivation.isActive;
      window.__pickers.push({ kind, active });
      if (!active) throw new DOMException("Must be handling a user gesture to show a file picker.", "SecurityError");
      return result;
    };
    window.showSaveFilePicker = picker("save", handle);
    window.showOpenFilePicker = picker("open", [handle]);
  }, text);
}

test("the Workspace panel's buttons open the pickers at the click and work once its module arrives", async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await stubPickers(page);
  const held = await holdModule(page, "workspace");
  const errors = await openApp(page);
  const workspace = page.getByRole("region", { name: "Workspace" });
  await workspace.getByRole("button", { name: "Save to a file…" }).click();
  await held.asked;
  // The picker opened at the click, with its user activation, while the module is still held.
  await expect.poll(() => page.evaluate(() => window.__pickers)).toEqual([{ kind: "save", active: true }]);
  expect(await page.evaluate(() => window.__file.writes)).toBe(0);
  held.release();
  // The panel's status line (not the loading line, also a status, while the module arrives).
  await expect(workspace.locator("div.status")).toContainText("Saved to team.json");
  await expect(workspace).toContainText("Kept in team.json");
  const saved = JSON.parse(await page.evaluate(() => window.__file.text));
  expect(saved.app).toBe("microscope");
  await workspace.getByRole("button", { name: "Stop keeping it in the file" }).click();

  // "Open a file…" reads the same file and offers to restore it.
  await workspace.getByRole("button", { name: "Open a file…" }).click();
  const dialog = page.getByRole("dialog", { name: "Restore a workspace file" });
  await expect(dialog).toBeVisible();
  expect(await page.evaluate(() => window.__pickers.map((p) => p.active))).toEqual([true, true]);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();

  // Export downloads the file.
  const download = page.waitForEvent("download");
  await workspace.getByRole("button", { name: "Export workspace (JSON)" }).click();
  expect((await download).suggestedFilename()).toMatch(/^microscope-workspace-\d{4}-\d{2}-\d{2}\.json$/);
  expect(errors).toEqual([]);
  await context.close();
});

// Regression: a kept file was written back with only what this version read of it: a teammate's
// creator that did not read, and an entry this version does not know, were gone from the file.
test("a kept file holding what this version can't use is restored but never written over, and says why", async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const team = {
    app: "microscope",
    version: 3,
    exported_at: 1,
    creators: [
      { id: "c1", name: "Ana Souza", followers: 48200, status: "contacted", created_at: 1, updated_at: 2 },
      { id: "c2", name: "Bo Makes", followers: "lots", created_at: 1, updated_at: 2 },
    ],
    team_notes: { kickoff: "Monday" },
  };
  const text = JSON.stringify(team, null, 2);
  await stubPickers(page, text);
  const errors = await openApp(page);
  const workspace = page.getByRole("region", { name: "Workspace" });
  await workspace.getByRole("button", { name: "Open a file…" }).click();
  const dialog = page.getByRole("dialog", { name: "Restore a workspace file" });
  await dialog.getByRole("button", { name: "Restore", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(workspace).toContainText("Paused: nothing is written to team.json");
  await expect(workspace).toContainText("team.json holds 1 entry this version of Microscope could not use, so it stopped writing to the file: a write would remove it. Creators: record 2 (Bo Makes)");
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: test.info().outputPath("paused.png"), fullPage: true });
  // What read is here; the file is as the teammate left it, even after a change here and a hide.
  await openSection(page, "Shortlist");
  await page.getByLabel("Status of Ana Souza").selectOption("Confirmed");
  await expect(page.getByLabel("Status of Ana Souza")).toHaveValue("confirmed");
  await page.evaluate(() => window.dispatchEvent(new Event("pagehide")));
  await page.evaluate(() => window.dispatchEvent(new Event("focus")));
  await expect(workspace).toContainText("Paused: nothing is written to team.json");
  expect(await page.evaluate(() => window.__file.writes)).toBe(0);
  expect(await page.evaluate(() => window.__file.text)).toBe(text);
  expect(errors).toEqual([]);
  await context.close();
});

// Regression: a file chosen before the panel's module arrived set the restore dialog's content
// while the dialog was not yet in the page, and the dialog never opened.
test("a workspace file chosen while the panel's module is on its way opens the restore dialog when it arrives", async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const held = await holdModule(page, "workspace");
  const errors = await openApp(page);
  const file = JSON.stringify({ app: "microscope", version: 2, exported_at: 1, creators: [], campaigns: [] });
  await page.getByLabel("Import workspace (.json)").setInputFiles({ name: "team.json", mimeType: "application/json", buffer: Buffer.from(file) });
  await held.asked;
  await expect(page.getByText("Loading the Workspace panel…")).toBeVisible();
  held.release();
  const dialog = page.getByRole("dialog", { name: "Restore a workspace file" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect(errors).toEqual([]);
  await context.close();
});

test("Check's results that fail to download show a message with Retry, which works once the network is back", async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const errors = await openApp(page);
  await context.setOffline(true);
  await fillSeed(page);
  const failed = page.getByRole("alert").filter({ hasText: "Could not load the engagement results" });
  await expect(failed).toBeVisible();
  await expect(failed.getByRole("button", { name: "Retry" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Could not load the cadence, cost and risk warnings" })).toBeVisible();
  await expect(page.locator("#fatal")).toBeHidden();
  await expectNoSeriousA11yViolations(page);
  await context.setOffline(false);
  await failed.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByTestId("engagement-rate")).toHaveText("8.50% (1 post)");
  expect(errors.filter((e) => !/Failed to fetch|ERR_INTERNET_DISCONNECTED|net::/i.test(e))).toEqual([]);
  await context.close();
});
