//! End-to-end: the creator analysis (engagement, benchmarks, chart, cadence, cost) on the release build.
const { test, expect } = require("@playwright/test");
const { openApp, expectNoSeriousA11yViolations } = require("./helpers");

async function fillSeed(page) {
  await page.getByLabel("Followers").fill("45K");
  await page.getByLabel("Average views").fill("130,000");
  await page.getByLabel("Average likes").fill("9,500");
  await page.getByLabel("Average comments").fill("850");
  await page.getByLabel("Average shares").fill("700");
}

test("the seed's TikTok figures come out exactly, with formula, source and chart", async ({ page }, testInfo) => {
  const errors = await openApp(page);
  await fillSeed(page);
  await expect(page.getByTestId("engagement-rate")).toHaveText("8.50% (1 post)");
  await expect(page.getByText("8.5% vs 8.5% TikTok micro benchmark (CreatorDB, 2026): in line")).toBeVisible();
  // The chart is an image with a text alternative naming the values.
  const chart = page.getByRole("img", { name: /Engagement rate/ });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute("alt", /8\.5%/);

  await page.getByLabel("Posts published").fill("5");
  await expect(page.getByText("1.2 posts a week vs about 1 for TikTok micro (CreatorDB, 2026): in line")).toBeVisible();
  await expect(page.getByText(/estimate: \$25\.00–\$125\.00 per post for TikTok micro/)).toBeVisible();

  await page.getByLabel("Price per post (optional)").fill("$130");
  await expect(page.getByText("$1.00", { exact: true })).toBeVisible(); // CPM = 130 / 130,000 × 1000
  await page.screenshot({ path: testInfo.outputPath("analysis.png"), fullPage: true });
  expect(errors).toEqual([]);
});

test("switching formula never mixes benchmarks", async ({ page }) => {
  await openApp(page);
  await fillSeed(page);
  await page.getByLabel("Engagement formula").selectOption({ label: "By followers" });
  // (9,500 + 850) / 45,000 = 23%: compared only with by-followers figures, if any exist.
  await expect(page.getByTestId("engagement-rate")).toContainText("23.00%");
  await expect(page.getByText("TikTok micro benchmark (CreatorDB, 2026)")).toHaveCount(0);
});

test("zero views give n/a, never NaN or infinity", async ({ page }) => {
  await openApp(page);
  await page.getByLabel("Followers").fill("45K");
  await page.getByLabel("Average views").fill("0");
  await page.getByLabel("Average likes").fill("100");
  await expect(page.getByTestId("engagement-rate")).toContainText("n/a");
  const body = await page.locator("main").innerText();
  expect(body).not.toMatch(/NaN|Infinity|\binf\b/);
});

test("several posts pasted one per line, with a bad line explained", async ({ page }) => {
  await openApp(page);
  await page.getByLabel("Followers").fill("45K");
  await page.getByLabel("Several posts", { exact: true }).check();
  await page.getByLabel("Posts, one per line").fill("views likes comments shares\n130K 9,500 850 700\n100K 8K 600 400\n50K abc 1 1");
  await expect(page.getByText("2 posts read", { exact: false })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "line 4" })).toBeVisible();
  await expect(page.getByTestId("engagement-rate")).toContainText("2 posts pooled");
});

test("a field that does not parse is marked and explained", async ({ page }) => {
  await openApp(page);
  await page.getByLabel("Average views").fill("12x");
  await expect(page.getByLabel("Average views")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("alert").filter({ hasText: "not a known unit" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
