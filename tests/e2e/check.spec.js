//! End-to-end: the "Check a creator" panel on the release build.
const { test, expect } = require("@playwright/test");
const { openApp, expectNoSeriousA11yViolations } = require("./helpers");

test("typing followers shows the tier; bad input shows what is wrong", async ({ page }, testInfo) => {
  const errors = await openApp(page);
  const followers = page.getByLabel("Followers");

  await followers.fill("45K");
  await expect(page.getByText("Micro: 10,000 to 99,999 followers")).toBeVisible();
  await expect(followers).not.toHaveAttribute("aria-invalid", "true");

  await followers.fill("abc");
  await expect(page.getByRole("alert").filter({ hasText: "is not a number" })).toBeVisible();
  await expect(followers).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Micro: 10,000 to 99,999 followers")).toHaveCount(0);

  await followers.fill("12,5K");
  await expect(page.getByText("Micro: 10,000 to 99,999 followers")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("check-a-creator.png"), fullPage: true });
  expect(errors).toEqual([]);
});

test("every pasted format from the issue gives the right tier", async ({ page }) => {
  await openApp(page);
  const followers = page.getByLabel("Followers");
  const cases = [
    ["45000", "Micro: 10,000 to 99,999"],
    ["45,000", "Micro: 10,000 to 99,999"],
    ["45 000", "Micro: 10,000 to 99,999"],
    ["999", "Below nano: fewer than 1,000"],
    ["1,000", "Nano: 1,000 to 9,999"],
    ["100K", "Macro: 100,000 to 999,999"],
    ["1.2M", "Mega: 1,000,000"],
    ["1M", "Mega: 1,000,000"],
  ];
  for (const [input, tier] of cases) {
    await followers.fill(input);
    await expect(page.locator(".tier-headline"), input).toContainText(tier);
  }
  for (const [input, message] of [
    ["-5", "negative"],
    ["", "Enter a number"],
    ["99B", "more than 10 billion"],
  ]) {
    await followers.fill(input);
    await expect(page.getByRole("alert").filter({ hasText: message }), input).toBeVisible();
  }
});

test("platform changes the audience word; keyboard only", async ({ page }) => {
  await openApp(page);
  await page.getByLabel("Platform").selectOption({ label: "YouTube" });
  await page.getByLabel("Followers").focus();
  await page.keyboard.type("10000");
  await expect(page.getByText("Micro: 10,000 to 99,999 subscribers")).toBeVisible();
});

test("no serious accessibility violation, light and dark", async ({ page }) => {
  await openApp(page);
  await page.getByLabel("Followers").fill("abc");
  await expectNoSeriousA11yViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.getByLabel("Followers").fill("45K");
  await expectNoSeriousA11yViolations(page);
});

test("fits a 360 px wide phone without horizontal scrolling", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openApp(page);
  await page.getByLabel("Followers").fill("45K");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("check-360.png"), fullPage: true });
});

/** Fills the form for a TikTok micro creator at 25.5% by views: 3× the 8.5% benchmark. */
async function fillRiskyCreator(page) {
  await page.getByLabel("Followers").fill("45K");
  await page.getByLabel("Average views", { exact: true }).fill("130,000");
  await page.getByLabel("Average likes", { exact: true }).fill("30,000");
  await page.getByLabel("Average comments", { exact: true }).fill("1,500");
  await page.getByLabel("Average shares", { exact: true }).fill("1,650");
  await page.getByLabel("Past sponsored posts (optional)").fill("0");
}

test("the analysis panel lists the creator's warnings with their evidence", async ({ page }, testInfo) => {
  const errors = await openApp(page);
  await fillRiskyCreator(page);
  const risks = page.getByRole("region", { name: "Risks for this creator" });
  await expect(risks.getByText("2 warnings: 1 high risk, 1 caution.")).toBeVisible();
  const anomaly = risks.locator("article.warning", { hasText: "Engagement is 3× the benchmark" });
  await expect(anomaly.locator(".badge")).toHaveText("High risk");
  await expect(anomaly).toContainText("Why it matters");
  await anomaly.getByText("What we saw").click();
  await expect(anomaly.getByText("25.5%", { exact: true })).toBeVisible();
  await expect(anomaly.getByText("8.5%", { exact: true })).toBeVisible();
  await expect(risks.locator("article.warning", { hasText: "No past sponsored posts" })).toContainText("approval");
  await risks.getByText(/^Not checked \(\d+\)/).click();
  await expect(risks.getByText("Risks → Comment sentiment")).toBeVisible();
  await risks.screenshot({ path: testInfo.outputPath("check-risks-1280.png") });

  // Add it to the shortlist: the row carries the same warnings.
  await page.getByLabel("Name or handle").fill("Ana");
  await page.getByRole("button", { name: "Add to shortlist" }).click();
  await page.getByRole("status").getByRole("link", { name: "shortlist" }).click();
  const row = page.locator("table.shortlist-table tbody tr").filter({ hasText: "Ana" });
  await expect(row.locator(".risk-badge")).toContainText("High risk · 2 warnings");
  await page.evaluate(() => localStorage.clear());
  expect(errors).toEqual([]);
});

test("no serious accessibility violation with warnings shown, light and dark", async ({ page }) => {
  test.setTimeout(60_000);
  await openApp(page);
  await fillRiskyCreator(page);
  const risks = page.getByRole("region", { name: "Risks for this creator" });
  for (const summary of await risks.locator("summary").all()) {
    await summary.click();
  }
  await expectNoSeriousA11yViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoSeriousA11yViolations(page);
});

test("warnings fit a 360 px wide phone", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openApp(page);
  await fillRiskyCreator(page);
  const risks = page.getByRole("region", { name: "Risks for this creator" });
  for (const summary of await risks.locator("summary").all()) {
    await summary.click();
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await risks.screenshot({ path: testInfo.outputPath("check-risks-360.png") });
});

test("a benchmark is a range across sources, each figure with its source and year", async ({ page }, testInfo) => {
  const errors = await openApp(page);
  await page.getByLabel("Platform").selectOption({ label: "Instagram" });
  await page.getByLabel("Followers").fill("30K");
  await page.getByLabel("Average views", { exact: true }).fill("5,000");
  await page.getByLabel("Average likes", { exact: true }).fill("500");
  await page.getByLabel("Average comments", { exact: true }).fill("20");
  await page.getByLabel("Engagement formula").selectOption({ label: "By followers" });
  const engagement = page.getByRole("region", { name: "Engagement", exact: true });
  // 520 ÷ 30,000 = 1.73%, against HypeAuditor 2026 (10K–50K) and HypeAuditor 2018 (20K–100K).
  await expect(page.getByTestId("engagement-rate")).toContainText("1.73%");
  await expect(page.getByTestId("benchmark-range")).toContainText("0.54%–1.62% across 2 sources");
  const figures = engagement.locator("ul.comparisons li");
  await expect(figures).toHaveCount(2);
  await expect(figures.nth(0)).toContainText("HypeAuditor, 2026, via eMarketer");
  await expect(figures.nth(0)).toContainText("Instagram influencers, 10K–50K followers");
  await expect(figures.nth(1)).toContainText("HypeAuditor, 2018");
  await expect(page.getByTestId("benchmark-verdict")).toContainText("Verdict: far above against HypeAuditor via eMarketer, 2026 (0.54%");
  await expect(page.getByTestId("benchmark-verdict")).toContainText("the newest figure");
  await expect(engagement).toContainText("eMarketer (nano 1K–4,999");
  await expect(engagement).toContainText("Socialinsider, 2026 (second-hand)");

  // Another formula: never mixed in, and the page says which formula has more figures.
  await page.getByLabel("Engagement formula").selectOption({ label: "By reach" });
  await expect(page.getByTestId("richer-formulas")).toContainText("“By followers” has 2 published figures");
  await page.getByLabel("Average impressions (optional)").fill("20,000");
  await page.getByLabel("Engagement formula").selectOption({ label: "By impressions" });
  await expect(page.getByTestId("engagement-rate")).toContainText("2.60%");
  await expect(page.getByTestId("benchmark-range")).toContainText("1.16% from 1 source");

  await page.getByLabel("Engagement formula").selectOption({ label: "By followers" });
  await expect(page.getByTestId("benchmark-range")).toContainText("0.54%–1.62% across 2 sources");
  await engagement.screenshot({ path: testInfo.outputPath("check-range.png") });
  expect(errors).toEqual([]);
});
