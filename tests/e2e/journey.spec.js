//! End-to-end journey of the creator dossier on the release build: a vendor's export (Modash) is
//! imported, comments and a caption are checked under Risks for one of its creators, and after a
//! reload both are found in that creator's dossier, the shortlist's risk badge and a campaign's
//! vetting record. Nothing the user gave is lost on the way.
const path = require("path");
const { test, expect } = require("@playwright/test");
const { openApp, flushSaves, storedList, NEGATIVE, OTHER } = require("./helpers");

const IMPORTS = path.join(__dirname, "../fixtures/import");
const KEY = "microscope.shortlist";

// Enough negative comments (18 of 24) for the hate-watching rule.
const COMMENTS = [...NEGATIVE, ...OTHER];
const CAPTION = "Loving my new running shoes, thanks to @brand #collab";

const stored = async (page) => JSON.parse((await storedList(page, KEY)) || "null");
// The name cell's accessible name adds "(profile, opens in a new tab)" when it links the profile.
const row = (page, name) =>
  page
    .locator("table.shortlist-table tbody tr")
    .filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}( \\(|$)`) }) });

test("import a vendor file, check a creator under Risks, reload, and find the evidence everywhere", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const errors = await openApp(page, "#shortlist");

  // 1. A Modash-shaped export imports with no mapping; its unknown columns are kept.
  await page.getByLabel("CSV file").setInputFiles(path.join(IMPORTS, "modash-api.csv"));
  await page.getByRole("button", { name: "Import 3 rows" }).click();
  await expect(row(page, "ann.fit")).toBeVisible();
  await expect.poll(async () => ((await stored(page)) || { data: [] }).data.length).toBe(3);
  const ann = (await stored(page)).data.find((c) => c.name === "ann.fit");
  expect(ann.custom.map((f) => f.name)).toContain("fullname");
  expect(ann.reported.map((f) => f.kind)).toContain("engagement-rate");

  // 2. Risks on that creator: the comments and the caption are saved into its dossier, dated.
  await row(page, "ann.fit").getByRole("link", { name: /Check risks/ }).click();
  await expect(page.getByLabel("Creator to check").locator("option:checked")).toHaveText("ann.fit");
  await page.getByLabel("Comments (one per line)").fill(COMMENTS.join("\n"));
  await page.getByLabel("Caption", { exact: true }).fill(CAPTION);
  await expect
    .poll(async () => {
      await flushSaves(page);
      const c = ((await stored(page)) || { data: [] }).data.find((x) => x.id === ann.id) || {};
      return [(c.comment_samples || []).length, (c.caption_checks || []).length];
    })
    .toEqual([1, 1]);
  await expect
    .poll(async () => {
      await flushSaves(page);
      const c = (await stored(page)).data.find((x) => x.id === ann.id);
      return c.comment_samples[0].counts.negative;
    })
    .toBeGreaterThan(10);

  // 3. After a reload: the dossier shows both, with their date.
  await page.reload();
  await page.goto(`./#creator/${ann.id}`);
  await expect(page.getByRole("heading", { level: 2, name: "Dossier: ann.fit" })).toBeVisible();
  const today = await page.evaluate(() => {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  });
  await expect(page.getByText(CAPTION).first()).toBeVisible();
  await expect(page.locator("main")).toContainText(today);
  await expect(page.locator("main")).toContainText("24 comments");
  await expect(page.locator("main")).toContainText("Ann Fitness");
  await page.screenshot({ path: testInfo.outputPath("journey-dossier.png"), fullPage: true });

  // 4. The shortlist badge counts the stored evidence's warnings (hate-watching, the weak label).
  await page.goto("./#shortlist");
  const badge = row(page, "ann.fit").locator(".risk-badge");
  await expect(badge).toContainText("High risk");
  await expect(badge).toHaveAttribute("title", /[Hh]ate-watching|negative/);

  // 5. A campaign with this creator: its vetting record names the evidence and its date.
  await page.goto("./#campaign");
  await page.getByLabel("New campaign name").fill("Autumn run");
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByRole("heading", { level: 3, name: "Autumn run" })).toBeVisible();
  await page.locator(`#campaign-creator-${ann.id}`).check();
  const vetting = page.getByRole("region", { name: /Vetting record/ });
  await expect(vetting).toContainText(`comment sample of ${today}`);
  await expect(vetting).toContainText(`caption check of ${today}`);
  expect(errors).toEqual([]);
});
