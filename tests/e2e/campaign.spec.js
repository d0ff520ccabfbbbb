//! End-to-end: the Campaign section on the release build, the whole path: goal, budget and
//! currency, target countries, creators from the shortlist, the plan, the checklist (persisted
//! across a reload), the printed brief with each country's labels, the vetting record download,
//! and a result tracked for one creator with the chart.
const fs = require("fs");
const { test, expect } = require("@playwright/test");
const { openApp, expectNoSeriousA11yViolations, flushSaves } = require("./helpers");

const stamp = 1_700_000_000_000;

function tiktok(id, name, views, price, sponsored) {
  return {
    id,
    name,
    platform: "TikTok",
    followers: 45000,
    metrics: { views, likes: Math.round(views / 13), comments: Math.round(views / 200), shares: Math.round(views / 300) },
    price,
    sponsored_posts: sponsored,
    status: "confirmed",
    created_at: stamp,
    updated_at: stamp,
  };
}

/** The stored campaigns, parsed (null when none are stored). */
function storedCampaigns(page) {
  return page.evaluate(() => JSON.parse(localStorage.getItem("microscope.campaigns") || "null"));
}

/** Opens the Campaign section with an empty store and a shortlist of Ann and Bo. */
async function openWithShortlist(page) {
  const errors = await openApp(page, "#campaign");
  await page.evaluate((list) => {
    localStorage.clear();
    localStorage.setItem("microscope.shortlist", JSON.stringify({ app: "microscope", kind: "shortlist", version: 2, data: list }));
  }, [tiktok("c1", "Ann", 130000, 300, 1), tiktok("c2", "Bo", 60000, 200, 6)]);
  await page.reload();
  await expect(page.getByRole("heading", { level: 2, name: "Campaign" })).toBeVisible();
  return errors;
}

/** Goal, currency, budget, countries and both creators: the campaign the tests work on. */
async function planCampaign(page, name) {
  await page.getByLabel("New campaign name").fill(name);
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByRole("heading", { level: 3, name })).toBeVisible();
  await page.getByLabel("Goal", { exact: true }).selectOption({ label: "Engagement" });
  await page.getByLabel("Currency").selectOption("EUR");
  await page.getByLabel("Budget (EUR)").fill("1,000");
  await page.locator("#campaign-country-de").check();
  await page.locator("#campaign-country-fr").check();
  await page.getByLabel("Brand categories").fill("skincare, vegan");
  await page.getByLabel("Brand categories").press("Tab");
  await page.locator("#campaign-creator-c1").check();
  await page.locator("#campaign-creator-c2").check();
}

test("goal to budget, countries, creators, plan, checklist, printed brief, vetting record and tracking", async ({ page }, testInfo) => {
  const errors = await openWithShortlist(page);
  // With no campaign yet, the list says what to do rather than showing an empty heading.
  const empty = page.getByText("No campaigns yet. Name your first one below to start.");
  await expect(empty).toBeVisible();
  await planCampaign(page, "Spring launch");
  await expect(empty).toBeHidden();

  // Recommendations say why, with citations; the plan is in euros and explains each pick.
  await expect(page.locator(".campaign-recs cite").first()).toBeVisible();
  const plan = page.locator(".campaign-plan");
  await expect(plan).toContainText("of €1,000 spent");
  await expect(plan).toContainText("Ann");
  await expect(plan).toContainText("Bo");

  // The creators' warnings in one list, each naming its creator, with the brand categories checked.
  const risks = page.getByRole("region", { name: "Risks across the campaign's creators" });
  await expect(risks).toBeVisible();
  await expect(risks).toContainText("Audience fit");

  // The checklist names each country's labels for each creator.
  await page.getByRole("checkbox", { name: "Set the campaign goal" }).check();
  const deForAnn = page.getByRole("checkbox", { name: "Ann: Disclosure rules explained for Germany" });
  await deForAnn.check();
  await expect(page.locator(".campaign-checklist")).toContainText("“Werbung”");
  await expect(page.locator(".campaign-checklist")).toContainText("“Publicité”");
  await expect(page.getByRole("status").filter({ hasText: /^2 of \d+ done/ })).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.locator(".campaign-editor").screenshot({ path: testInfo.outputPath("campaign-editor-1280.png") });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.locator(".campaign-editor form").first().screenshot({ path: testInfo.outputPath("campaign-editor-360.png") });
  await page.setViewportSize({ width: 1280, height: 900 });

  // Saved after a short pause (wait for the last edit, the two ticks, to be stored); everything is
  // still there after a reload.
  await expect.poll(() => storedCampaigns(page).then((s) => s && s.data[0] && s.data[0].checklist.length)).toBe(2);
  await page.reload();
  await expect(page.getByRole("heading", { level: 3, name: "Spring launch" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Set the campaign goal" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Ann: Disclosure rules explained for Germany" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Bo: Disclosure rules explained for Germany" })).not.toBeChecked();
  await expect(page.getByLabel("Budget (EUR)")).toHaveValue("1,000");
  await expect(page.getByLabel("Currency")).toHaveValue("EUR");
  await expect(page.locator("#campaign-country-de")).toBeChecked();
  await expect(page.locator("#campaign-country-us")).not.toBeChecked();
  await expect(page.getByLabel("Brand categories")).toHaveValue("skincare, vegan");

  // The printable brief: forms hidden, each target country's labels shown.
  await page.emulateMedia({ media: "print" });
  const brief = page.locator(".campaign-brief-doc");
  await expect(brief).toBeVisible();
  await expect(brief.getByRole("heading", { name: "Campaign brief: Spring launch" })).toBeVisible();
  await expect(brief).toContainText("Target countries: Germany, France");
  await expect(brief.getByRole("listitem").filter({ hasText: "Germany: Write “Werbung” or “Anzeige”" })).toBeVisible();
  await expect(brief.getByRole("listitem").filter({ hasText: "France: Write “Publicité” or “Collaboration commerciale”" })).toBeVisible();
  await expect(brief.locator("table").first()).toBeVisible();
  await expect(page.locator(".campaign-brief-text")).toBeHidden();
  await expect(page.getByLabel("New campaign name")).toBeHidden();
  await expect(page.getByLabel("Goal", { exact: true })).toBeHidden();
  await expect(page.locator(".campaign-tracking")).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath("campaign-print-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: testInfo.outputPath("campaign-print-360.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ media: "screen" });

  // The brief and the vetting record as Markdown downloads.
  const briefFile = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download brief (Markdown)" }).click();
  expect((await briefFile).suggestedFilename()).toBe("brief-spring-launch.md");
  const vettingFile = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download vetting record (Markdown)" }).click();
  const vetting = await vettingFile;
  expect(vetting.suggestedFilename()).toBe("vetting-record-spring-launch.md");
  const record = fs.readFileSync(await vetting.path(), "utf8");
  expect(record).toContain("# Vetting record: Spring launch");
  expect(record).toContain("## Ann");
  expect(record).toContain("## Bo");
  expect(record).toContain("(CreatorDB, 2026)");
  expect(record).toMatch(/- \*\*Budget plan:\*\* Picked/);
  expect(record).toMatch(/- \*\*Warnings \(\d+\):\*\*/);
  await page.getByText("Show the vetting record").click();
  await expect(page.locator(".campaign-vetting-doc").getByRole("heading", { name: "Ann" })).toBeVisible();

  // Tracking: dates, a target, a result posted by Ann; per creator and on the chart.
  await page.getByLabel("Start date").fill("2026-05-01");
  await page.getByLabel("Start date").press("Tab");
  await page.getByLabel("End date").fill("2026-05-31");
  await page.getByLabel("End date").press("Tab");
  await page.getByLabel("Target (engagements)").fill("50,000");
  await page.getByLabel("Posted by", { exact: true }).selectOption({ label: "Ann" });
  await page.getByLabel("Result date").fill("2026-05-10");
  await page.getByLabel("Result views").fill("40K");
  await page.getByLabel("Result interactions").fill("2,000");
  await page.getByRole("button", { name: "Add result" }).click();
  await expect(page.getByRole("status").filter({ hasText: "engagements so far" })).toContainText("2K");
  // Day 9 of 30 and far behind: the warning names Ann (under forecast) and Bo (no results yet).
  const warning = page.locator(".campaign-pace-warning");
  await expect(warning).toContainText("Behind pace");
  await expect(warning).toContainText("Ann: 2K engagements per post");
  await expect(warning).toContainText("Ann: check the post went live as agreed");
  await expect(warning).toContainText("Bo: no results yet");
  const perCreator = page.locator(".campaign-per-creator");
  await expect(perCreator.getByRole("row", { name: /Ann/ })).toContainText("2K");
  await expect(perCreator.getByRole("row", { name: /Bo/ })).toContainText("0");
  const chart = page.locator(".campaign-tracking .chart img");
  await expect(chart).toHaveAttribute("alt", /Engagements against the pace to the target/);
  await page.getByLabel("Show on the chart").selectOption({ label: "Ann" });
  await expect(chart).toHaveAttribute("alt", /^Ann: Engagements against the plan's forecast/);
  await page.locator(".campaign-tracking").screenshot({ path: testInfo.outputPath("campaign-tracking-1280.png") });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.locator(".campaign-tracking").screenshot({ path: testInfo.outputPath("campaign-tracking-360.png") });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // The result is stored with its creator.
  await expect.poll(() => page.evaluate(() => localStorage.getItem("microscope.campaigns"))).toContain('"date":"2026-05-10"');
  const stored = await page.evaluate(() => localStorage.getItem("microscope.campaigns"));
  expect(stored).toContain('"creator_id":"c1","date":"2026-05-10","views":40000.0,"interactions":2000.0');

  expect(errors).toEqual([]);
});

test("campaign section: no serious accessibility violation, light and dark", async ({ page }) => {
  await openWithShortlist(page);
  await planCampaign(page, "A11y");
  await page.getByLabel("Start date").fill("2026-05-01");
  await page.getByLabel("Start date").press("Tab");
  await page.getByLabel("End date").fill("2026-05-31");
  await page.getByLabel("End date").press("Tab");
  await page.getByLabel("Target (engagements)").fill("50,000");
  await page.getByLabel("Posted by", { exact: true }).selectOption({ label: "Bo" });
  await page.getByLabel("Result date").fill("2026-05-10");
  await page.getByLabel("Result interactions").fill("500");
  await page.getByRole("button", { name: "Add result" }).click();
  await page.getByText("Show the vetting record").click();
  await expect(page.locator(".campaign-pace-warning")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoSeriousA11yViolations(page);
});

test("unreadable stored campaigns: banner, download, start fresh only when confirmed", async ({ page }) => {
  const errors = await openApp(page, "#campaign");
  await page.evaluate(() => {
    localStorage.clear();
    localStorage.setItem("microscope.campaigns", "{broken");
  });
  await page.reload();
  const banner = page.locator(".campaign-banners [role=alert]").first();
  await expect(banner).toContainText("Your saved campaigns were not loaded");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the stored data" }).click();
  const file = await download;
  expect(fs.readFileSync(await file.path(), "utf8")).toBe("{broken");
  await page.getByLabel("New campaign name").fill("Fresh");
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByRole("heading", { level: 3, name: "Fresh" })).toBeVisible();
  // The pending save runs now (as when the page is hidden), not after the save delay: it must
  // write nothing.
  await flushSaves(page);
  expect(await page.evaluate(() => localStorage.getItem("microscope.campaigns"))).toBe("{broken");
  await page.getByRole("button", { name: "Start fresh…" }).click();
  await page.getByRole("button", { name: "Yes, replace the stored data" }).click();
  await expect(page.locator(".campaign-banners [role=alert]")).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem("microscope.campaigns"))).toContain("Fresh");
  expect(errors).toEqual([]);
});

// Regression: an end date before the start was saved as typed; the next load set the whole
// campaign aside ("could not be loaded") and the next save deleted it.
test("an end date before the start is refused at the field and the campaign survives a reload", async ({ page }) => {
  const errors = await openWithShortlist(page);
  await planCampaign(page, "Dates");
  await page.getByLabel("Start date").fill("2026-05-31");
  await page.getByLabel("End date").fill("2026-05-01");
  const refusal = "Not saved: the end date 2026-05-01 is before the start date 2026-05-31.";
  await expect(page.locator("#campaign-end-error, .campaign-banners").filter({ hasText: refusal }).first()).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Last change not kept" })).toBeVisible();
  await expect.poll(() => storedCampaigns(page).then((s) => s && s.data[0] && s.data[0].start)).toBe("2026-05-31");
  const stored = await storedCampaigns(page);
  expect(stored.data[0].end ?? null).toBeNull();
  await page.reload();
  await expect(page.getByRole("heading", { level: 3, name: "Dates" })).toBeVisible();
  await expect(page.getByLabel("Start date")).toHaveValue("2026-05-31");
  await expect(page.getByText("could not be loaded")).toHaveCount(0);
  expect(errors).toEqual([]);
});
