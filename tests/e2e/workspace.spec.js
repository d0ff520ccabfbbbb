//! End-to-end: the workspace file and share links on the release build. A workspace exported in
//! one browser context and restored into an empty one brings back the creator, the campaign with
//! its checklist tick and tracked result, and the changed threshold; a brief's link opened in a
//! fresh context shows the brief read only, and adds it only on the click.
const fs = require("fs");
const { test, expect } = require("@playwright/test");
const { openApp, openSection, expectNoSeriousA11yViolations, flushSaves, storedList } = require("./helpers");

const stamp = 1_700_000_000_000;

const ann = {
  id: "c1",
  name: "Ann",
  platform: "TikTok",
  followers: 45000,
  metrics: { views: 130000, likes: 10000, comments: 650, shares: 433 },
  price: 300,
  sponsored_posts: 1,
  status: "confirmed",
  created_at: stamp,
  updated_at: stamp,
};

const spring = {
  id: "k1",
  name: "Spring launch",
  goal: "engagement",
  currency: "EUR",
  budget: 1000,
  countries: ["de"],
  creators: ["c1"],
  checklist: ["set-goal"],
  start: "2026-05-01",
  end: "2026-05-31",
  results: [{ creator_id: "c1", date: "2026-05-10", views: 40000, interactions: 2000 }],
  created_at: stamp,
  updated_at: stamp,
};

/** Opens the app with Ann on the shortlist and the Spring launch campaign stored. */
async function openSeeded(page, hash) {
  const errors = await openApp(page, hash);
  await page.evaluate(
    ([creators, campaigns]) => {
      localStorage.clear();
      const put = (kind, version, data) =>
        localStorage.setItem(`microscope.${kind}`, JSON.stringify({ app: "microscope", kind, version, data }));
      put("shortlist", 3, creators);
      put("campaigns", 2, campaigns);
    },
    [[ann], [spring]],
  );
  await page.reload();
  await expect(page.getByRole("navigation", { name: "Sections" })).toBeVisible();
  return errors;
}

test("export in one browser, restore into an empty one: creator, campaign with its tick and result, threshold", async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const errors = await openSeeded(page, "#risks");
  await page.getByText("Risk thresholds", { exact: true }).click();
  await page.getByLabel("Negative comments (caution) (%)").fill("40");
  await expect(page.getByText("Thresholds saved in this browser.")).toBeVisible();

  // The Workspace panel is under every section.
  const workspace = page.getByRole("region", { name: "Workspace" });
  await expect(workspace).toBeVisible();
  const download = page.waitForEvent("download");
  await workspace.getByRole("button", { name: "Export workspace (JSON)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^microscope-workspace-\d{4}-\d{2}-\d{2}\.json$/);
  const path = await file.path();
  const json = JSON.parse(fs.readFileSync(path, "utf8"));
  expect(json.version).toBe(3);
  expect(json.campaigns.map((c) => c.name)).toEqual(["Spring launch"]);
  await expect(workspace.getByRole("status").first()).toContainText("Exported 1 creator, 1 campaign and changed risk thresholds");
  expect(errors).toEqual([]);

  // A fresh browser context: nothing stored.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const otherErrors = await openApp(other, "#campaign");
  await expect(other.getByLabel("New campaign name")).toBeVisible();
  await other.getByLabel("Import workspace (.json)").setInputFiles(path);
  const dialog = other.getByRole("dialog", { name: "Restore a workspace file" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("holds 1 creator, 1 campaign and changed risk thresholds");
  await expect(dialog.getByRole("group", { name: "Creators" })).toContainText("The file: 1 creator. Here: 0 creators.");
  await expect(dialog.getByRole("group", { name: "Campaigns" }).getByLabel(/^Merge/)).toBeChecked();
  // The file has no settings: that store is kept by default.
  await expect(dialog.getByRole("group", { name: "Settings" }).getByLabel("Keep what is here")).toBeChecked();
  await expectNoSeriousA11yViolations(other);
  await dialog.evaluate((d) => (d.scrollTop = 0));
  await other.screenshot({ path: testInfo.outputPath("restore-dialog.png") });
  await dialog.getByRole("button", { name: "Restore" }).click();
  await expect(dialog).toBeHidden();
  const report = other.getByRole("region", { name: "Workspace" }).getByRole("status");
  await expect(report).toContainText("Creators: 1 added.");
  await expect(report).toContainText("Campaigns: 1 added.");
  await expect(report).toContainText("Risk thresholds: changed.");

  // The campaign, its tick and its result.
  await expect(other.getByRole("heading", { level: 3, name: "Spring launch" })).toBeVisible();
  await expect(other.getByRole("checkbox", { name: "Set the campaign goal" })).toBeChecked();
  await expect(other.locator(".campaign-per-creator").getByRole("row", { name: /Ann/ })).toContainText("2K");
  // The creator.
  // Campaign's own tables name Ann too: openSection waits until the Shortlist has replaced them.
  await openSection(other, "Shortlist");
  await expect(other.getByRole("table").getByText("Ann", { exact: true })).toBeVisible();
  // The threshold.
  await openSection(other, "Risks");
  await other.getByText("Risk thresholds", { exact: true }).click();
  await expect(other.getByLabel("Negative comments (caution) (%)")).toHaveValue("40");
  // Stored, not only shown.
  await flushSaves(other);
  const stored = await other.evaluate(() => localStorage.getItem("microscope.campaigns"));
  expect(stored).toContain('"views":40000.0');
  expect(otherErrors).toEqual([]);
  await fresh.close();
});

test("a restore that gives one discount code to two creators says so, in the report and at the codes, and renames neither", async ({ page }, testInfo) => {
  const errors = await openSeeded(page, "#campaign");
  // Here: Ann holds ANN15 in Spring launch. The file: a teammate's Autumn campaign gave Bob "ann15".
  await page.evaluate(
    ([creators, campaigns]) => {
      const put = (kind, version, data) =>
        localStorage.setItem(`microscope.${kind}`, JSON.stringify({ app: "microscope", kind, version, data }));
      put("shortlist", 3, creators);
      put("campaigns", 2, campaigns);
    },
    [[ann], [{ ...spring, attribution: { creators: { c1: { code: "ANN15" } } } }]],
  );
  await page.reload();
  const bob = { ...ann, id: "c2", name: "Bob" };
  const autumn = { ...spring, id: "k2", name: "Autumn", creators: ["c2"], checklist: [], results: [], attribution: { creators: { c2: { code: "ann15" } } } };
  const file = JSON.stringify({ app: "microscope", version: 2, exported_at: stamp, creators: [bob], campaigns: [autumn] });
  await page.getByLabel("Import workspace (.json)").setInputFiles({ name: "teammate.json", mimeType: "application/json", buffer: Buffer.from(file) });
  const dialog = page.getByRole("dialog", { name: "Restore a workspace file" });
  await dialog.getByRole("button", { name: "Restore" }).click();
  await expect(dialog).toBeHidden();
  const said = "Discount code “ANN15” is held by “Ann” in “Spring launch” and by “Bob” in “Autumn”; a shop credits each order to one code, so change all but one of them.";
  await expect(page.getByRole("region", { name: "Workspace" }).getByRole("status")).toContainText(`Campaigns, to check: ${said}`);
  // At the codes of either campaign, until one code changes.
  await expect(page.getByRole("heading", { level: 3, name: "Spring launch" })).toBeVisible();
  const alert = page.getByRole("alert").filter({ hasText: said });
  await expect(alert).toBeVisible();
  await alert.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("shared-code.png") });
  // Neither code was renamed.
  await flushSaves(page);
  const stored = await page.evaluate(() => localStorage.getItem("microscope.campaigns"));
  expect(stored).toContain('"code":"ANN15"');
  expect(stored).toContain('"code":"ann15"');
  expect(errors).toEqual([]);
});

// Regression: a file naming only some thresholds (here one, and one key with a typo), merged into a
// browser whose thresholds were customised, reset every threshold it did not name to its default.
test("a file naming one threshold changes only that one on merge, and a key it misspells is reported", async ({ page }, testInfo) => {
  const errors = await openSeeded(page, "#risks");
  await page.evaluate(() => {
    const data = { negative_comment_share: 0.41, min_sponsored_posts: 7 };
    localStorage.setItem("microscope.risk-thresholds", JSON.stringify({ app: "microscope", kind: "risk-thresholds", version: 1, data }));
  });
  await page.reload();
  const file = JSON.stringify({ app: "microscope", version: 2, exported_at: stamp, thresholds: { min_comment_sample: 40, negative_comment_ratio: 0.45 } });
  await page.getByLabel("Import workspace (.json)").setInputFiles({ name: "teammate.json", mimeType: "application/json", buffer: Buffer.from(file) });
  const dialog = page.getByRole("dialog", { name: "Restore a workspace file" });
  const group = dialog.getByRole("group", { name: "Risk thresholds" });
  await expect(group).toContainText(/The file: 1 of \d+ thresholds\. Here: changed thresholds\./);
  await expect(group.getByLabel(/^Merge: use the file's where it has them/)).toBeChecked();
  await expect(group.getByLabel("Replace yours with the file's; any it does not name go back to their defaults")).toBeVisible();
  // What can't be used is said before the choice, not only after the restore.
  await expect(dialog).toContainText("1 entry in the file can't be used and will not be restored:");
  await expect(dialog).toContainText("Risk thresholds: “negative_comment_ratio” is not a threshold this version of Microscope knows");
  await group.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("restore-some-thresholds.png") });
  await dialog.getByRole("button", { name: "Restore" }).click();
  await expect(dialog).toBeHidden();
  const report = page.getByRole("region", { name: "Workspace" }).getByRole("status");
  await expect(report).toContainText("Risk thresholds: changed.");
  await expect(report).toContainText("1 entry in the file could not be used:");
  await expect(report).toContainText("Risk thresholds: “negative_comment_ratio” is not a threshold this version of Microscope knows; it was not used.");
  await flushSaves(page);
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem("microscope.risk-thresholds"))).data;
  // The file's one value is used; the two customised here stay.
  expect([stored.min_comment_sample, stored.negative_comment_share, stored.min_sponsored_posts]).toEqual([40, 0.41, 7]);
  await page.getByText("Risk thresholds", { exact: true }).click();
  await expect(page.getByLabel("Negative comments (caution) (%)")).toHaveValue("41");
  expect(errors).toEqual([]);
});

test("a file from a newer version is refused and nothing changes", async ({ page }) => {
  const errors = await openSeeded(page, "#shortlist");
  const before = await storedList(page);
  const newer = JSON.stringify({ app: "microscope", version: 7, creators: [] });
  await page.getByLabel("Import workspace (.json)").setInputFiles({ name: "newer.json", mimeType: "application/json", buffer: Buffer.from(newer) });
  await expect(page.getByRole("alert").filter({ hasText: "written by a newer Microscope (format 7; this one reads up to 3)" })).toBeVisible();
  await expect(page.getByRole("dialog", { name: "Restore a workspace file" })).toBeHidden();
  await flushSaves(page);
  expect(await storedList(page)).toBe(before);
  expect(errors).toEqual([]);
});

test("a brief's link opened in a fresh browser shows the brief read only and adds it on the click", async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const errors = await openSeeded(page, "#campaign");
  await expect(page.getByRole("heading", { level: 3, name: "Spring launch" })).toBeVisible();
  await page.getByRole("button", { name: "Copy a link to the brief for Spring launch" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Link copied" })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#share=[A-Za-z0-9_-]+$/);
  expect(errors).toEqual([]);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const otherErrors = [];
  other.on("pageerror", (e) => otherErrors.push(e.message));
  await other.goto(link);
  const dialog = other.getByRole("dialog", { name: "Shared with you: the brief for Spring launch" });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator(".brief-title")).toContainText("Spring launch");
  await expect(dialog).toContainText("Ann");
  // The fragment is gone from the address: a reload does not open it again.
  expect(new URL(other.url()).hash).toBe("");
  await expectNoSeriousA11yViolations(other);
  await dialog.evaluate((d) => (d.scrollTop = 0));
  await other.screenshot({ path: testInfo.outputPath("shared-brief.png") });
  // Nothing stored before the click.
  expect(await other.evaluate(() => localStorage.getItem("microscope.campaigns"))).toBeNull();
  await dialog.getByRole("button", { name: "Add to my workspace" }).click();
  await expect(dialog.getByRole("status")).toContainText("Added the campaign “Spring launch”.");
  await expect(dialog.getByRole("status")).toContainText("Added the creator “Ann”.");
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
  await openSection(other, "Campaign");
  await expect(other.getByRole("heading", { level: 3, name: "Spring launch" })).toBeVisible();

  // A damaged link says what is wrong and offers nothing to add.
  await other.goto(`${link.split("#")[0]}#share=AAAAAAAA`);
  const bad = other.getByRole("dialog", { name: "This shared link could not be opened" });
  await expect(bad).toBeVisible();
  await expect(bad).toContainText("packed data is damaged");
  await expect(bad.getByRole("button", { name: "Add to my workspace" })).toHaveCount(0);
  expect(otherErrors).toEqual([]);
  await fresh.close();
});

// Regression: stored settings or thresholds that could not be read were not mentioned anywhere
// (the defaults were used, and changes quietly not saved). Now a banner under every section says
// so, offers the stored text, and replaces it only when asked.
test("unreadable stored settings and thresholds: a banner under every section, nothing overwritten until asked", async ({ page }) => {
  const errors = await openApp(page, "#check");
  await page.evaluate(() => {
    localStorage.clear();
    localStorage.setItem("microscope.settings", "{not json");
    localStorage.setItem("microscope.risk-thresholds", "{bad");
  });
  await page.reload();
  const settings = page.getByRole("alert").filter({ hasText: "Your saved settings are not in use" });
  const thresholds = page.getByRole("alert").filter({ hasText: "Your saved risk thresholds are not in use" });
  await expect(settings).toBeVisible();
  await expect(thresholds).toBeVisible();
  // On the Risks page the Thresholds tool points to the banner instead of saying it again (it had
  // its own copy of the message, the stored text and the replace button).
  await openSection(page, "Risks");
  await expect(thresholds).toBeVisible();
  await expect(page.getByText(/could not be read/)).toHaveCount(2);
  await expect(page.getByText(/Your saved risk thresholds could not be read/)).toHaveCount(1);
  await expect(page.getByText("The saved thresholds are not in use; the notice under Workspace, below, says why.", { exact: false })).toBeVisible();
  await openSection(page, "Shortlist");
  await expect(settings).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem("microscope.settings"))).toBe("{not json");
  const download = page.waitForEvent("download");
  await settings.getByRole("button", { name: "Download the stored data" }).click();
  const file = await download;
  expect(fs.readFileSync(await file.path(), "utf8")).toBe("{not json");
  await settings.getByRole("button", { name: "Replace the stored settings with the ones in use" }).click();
  await expect(settings).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem("microscope.settings")).kind)).toBe("settings");
  expect(await page.evaluate(() => localStorage.getItem("microscope.risk-thresholds"))).toBe("{bad");
  await expectNoSeriousA11yViolations(page);
  expect(errors).toEqual([]);
});
