//! End-to-end: the Campaign section on the release build: create, recommend, checklist, brief.
const { test, expect } = require("@playwright/test");
const { openApp, expectNoSeriousA11yViolations } = require("./helpers");

test("create a campaign, see why to look for whom, tick the checklist, print the brief", async ({ page }, testInfo) => {
  const errors = await openApp(page, "#campaign");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByRole("heading", { level: 2, name: "Campaign" })).toBeVisible();

  await page.getByLabel("New campaign name").fill("Spring launch");
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByRole("heading", { level: 3, name: "Spring launch" })).toBeVisible();

  await page.getByLabel("Goal", { exact: true }).selectOption({ label: "Awareness" });
  await expect(page.locator("#campaign-goal-help")).toContainText("Get the brand seen by as many");
  await page.getByLabel("Budget (USD)").fill("5,000");
  await page.getByLabel("Instagram").check();

  const recs = page.locator(".campaign-recs");
  await expect(recs.locator("cite").first()).toBeVisible();
  await expect(recs.locator("li").first()).toContainText("Instagram");

  const step = page.getByRole("checkbox", { name: "Set the campaign goal" });
  await expect(page.getByRole("status").filter({ hasText: /^0 of \d+ done/ })).toBeVisible();
  await step.check();
  await expect(page.getByRole("status").filter({ hasText: /^1 of \d+ done/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("campaign.png"), fullPage: true });

  // Saved after a short pause; still there after a reload.
  await page.waitForTimeout(600);
  await page.reload();
  await expect(page.getByRole("heading", { level: 3, name: "Spring launch" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Set the campaign goal" })).toBeChecked();
  await expect(page.getByLabel("Budget (USD)")).toHaveValue("5,000");
  await expect(page.getByLabel("Goal", { exact: true })).toHaveValue("awareness");

  // The printable brief: forms hidden, brief shown.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".campaign-brief-text")).toBeVisible();
  await expect(page.locator(".campaign-brief-text")).toContainText("Campaign brief: Spring launch");
  await expect(page.getByLabel("New campaign name")).toBeHidden();
  await expect(page.getByLabel("Goal", { exact: true })).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath("campaign-print.png"), fullPage: true });
  await page.emulateMedia({ media: "screen" });

  // Tracking: dates, a target, one posted result, then the chart.
  await page.getByLabel("Start date").fill("2026-05-01");
  await page.getByLabel("Start date").press("Tab");
  await page.getByLabel("End date").fill("2026-05-31");
  await page.getByLabel("End date").press("Tab");
  await page.getByLabel("Target (views)").fill("100,000");
  await page.getByLabel("Result date").fill("2026-05-10");
  await page.getByLabel("Result views").fill("5K");
  await page.getByRole("button", { name: "Add result" }).click();
  const chart = page.locator(".chart img");
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute("alt", /\S/);
  await expect(page.getByRole("status").filter({ hasText: "views so far" })).toContainText("5K");
  await page.locator(".chart").screenshot({ path: testInfo.outputPath("campaign-tracking.png") });

  // The Markdown download.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download brief (Markdown)" }).click();
  expect((await download).suggestedFilename()).toBe("brief-spring-launch.md");

  expect(errors).toEqual([]);
});

test("campaign section: no serious accessibility violation", async ({ page }) => {
  await openApp(page, "#campaign");
  await page.getByLabel("New campaign name").fill("A11y");
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByRole("heading", { level: 3, name: "A11y" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
