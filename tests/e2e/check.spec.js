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
