//! End-to-end: the Risks section on the release build (sentiment with the same-origin word list,
//! caption verdicts, thresholds that persist, accessibility, small screens).
const { test, expect } = require("@playwright/test");
const { openApp, expectNoSeriousA11yViolations } = require("./helpers");

const NEGATIVE = [
  "This is the worst video I have ever seen",
  "I hate this so much",
  "Terrible advice, totally wrong",
  "So boring and stupid",
  "You are annoying and fake",
  "Awful, just awful",
  "What a horrible product",
  "This is trash",
  "Ugly and disgusting",
  "Stop posting this garbage",
  "Worst creator on this app",
  "Pathetic attempt at comedy",
  "I regret watching this, terrible",
  "Such a sad and bad take",
  "Cringe and painful to watch",
  "Nobody likes you, you are the worst",
  "Hate hate hate",
  "Horrible editing, terrible sound",
];
const OTHER = [
  "Love this, great video!",
  "Really helpful, thank you",
  "Where did you buy the jacket",
  "Posted on Tuesday",
  "Amazing work, so happy for you",
  "The second part starts at 3:10",
];

test("pasted comments show the negative share and a hate-watching warning", async ({ page }, testInfo) => {
  const errors = await openApp(page, "#risks");
  const lexicon = page.waitForResponse((r) => r.url().endsWith("/lexicon/vader_lexicon.txt"));
  await page.getByLabel("Comments (one per line)").fill([...NEGATIVE, ...OTHER].join("\n"));

  // The word list comes from the same origin as the app, fetched on first use.
  const response = await lexicon;
  expect(response.status()).toBe(200);
  expect(new URL(response.url()).origin).toBe(new URL(page.url()).origin);

  const sentiment = page.getByRole("region", { name: "Comment sentiment (hate-watching)" });
  await expect(sentiment.getByRole("row", { name: /Negative/ })).toContainText("17 (71%)");
  await expect(sentiment.getByText("Sentiment of 24 comments")).toBeVisible();
  const warning = sentiment.locator("article.warning", { hasText: "of comments are negative" });
  await expect(warning).toBeVisible();
  await expect(warning.locator(".badge")).toHaveText("High risk");
  await expect(warning).toContainText("Why it matters");
  await expect(warning).toContainText("What to do");
  await warning.getByText("What we saw").click();
  await expect(warning.getByText("Negative comment (score").first()).toBeVisible();
  await expect(sentiment.locator(".caveat")).toContainText("English only");

  // Optional YouTube counts add the dislike ratio as evidence.
  await page.getByLabel("Likes (YouTube, optional)", { exact: true }).fill("1,000");
  await page.getByLabel("Dislikes (YouTube, optional)").fill("600");
  await expect(sentiment.locator(".risk-result")).toContainText("Dislikes are 37.5% of likes + dislikes");
  await expect(sentiment.locator("article.warning", { hasText: "of reactions are dislikes" })).toBeVisible();

  // The same comments feed the generic-comment count.
  const generic = page.getByRole("region", { name: "Generic comments" });
  await expect(generic).toContainText("of 24 comments");
  await page.screenshot({ path: testInfo.outputPath("risks-comments.png"), fullPage: true });
  expect(errors).toEqual([]);
});

test("a caption gets a verdict in all ten countries, with the rule cited", async ({ page }) => {
  const errors = await openApp(page, "#risks");
  await page.getByLabel("Caption", { exact: true }).fill("#sp Loving my new running shoes from @brand\n#run #fit #shoes #style");
  const cards = page.locator(".verdict-card");
  await expect(cards).toHaveCount(10);
  for (const name of [
    "United States",
    "United Kingdom",
    "European Union",
    "Germany",
    "France",
    "India",
    "Australia",
    "Canada",
    "China",
    "Brazil",
  ]) {
    const card = cards.filter({ has: page.getByRole("heading", { name: new RegExp(`^${name}`) }) });
    await expect(card, name).toHaveCount(1);
    await expect(card.locator(".badge"), name).toHaveText(/Meets the rule|No disclosure|Not clear enough|In the wrong place/);
    await expect(card.locator(".rule"), name).toContainText(/, 20\d\d:/);
  }
  const us = cards.filter({ hasText: "United States" });
  await expect(us.locator(".badge")).toContainText("Not clear enough");
  await expect(us.locator(".not-enough")).toContainText("“#sp”");

  await page.getByLabel("Caption", { exact: true }).fill("#ad Loving my new running shoes from @brand");
  await expect(us.locator(".badge")).toContainText("Meets the rule");
  await expect(cards.filter({ hasText: "United Kingdom" }).locator(".badge")).toContainText("Meets the rule");
  await expect(page.getByText("guidance, not legal advice")).toBeVisible();

  await page.getByLabel("China").uncheck();
  await expect(cards).toHaveCount(9);
  expect(errors).toEqual([]);
});

test("an edited threshold persists across reload", async ({ page }) => {
  await openApp(page, "#risks");
  await page.getByText("Risk thresholds", { exact: true }).click();
  const field = page.getByLabel("Negative comments (caution) (%)");
  await expect(field).toHaveValue("30");
  await field.fill("60");
  await expect(page.getByRole("alert").filter({ hasText: "must not be higher than" })).toBeVisible();
  await field.fill("40");
  await expect(page.getByText("Thresholds saved in this browser.")).toBeVisible();

  await page.reload();
  await expect(page.getByRole("heading", { level: 2, name: "Risks" })).toBeVisible();
  await page.getByText("Risk thresholds", { exact: true }).click();
  await expect(page.getByLabel("Negative comments (caution) (%)")).toHaveValue("40");

  await page.getByRole("button", { name: "Reset to defaults" }).click();
  await expect(page.getByLabel("Negative comments (caution) (%)")).toHaveValue("30");
  await page.reload();
  await page.getByText("Risk thresholds", { exact: true }).click();
  await expect(page.getByLabel("Negative comments (caution) (%)")).toHaveValue("30");
});

test("no serious accessibility violation in the Risks section, light and dark", async ({ page }) => {
  // Two full axe runs over a long page.
  test.setTimeout(90_000);
  await openApp(page, "#risks");
  await page.getByLabel("Comments (one per line)").fill([...NEGATIVE, ...OTHER].join("\n"));
  await expect(page.locator("article.warning").first()).toBeVisible();
  await page.getByLabel("Caption", { exact: true }).fill("#sp new shoes");
  await page.getByLabel("Creator's audience interests").fill("fitness, cooking");
  await page.getByLabel("Brand categories").fill("fitness, travel, beauty");
  await page.getByLabel("Past sponsored posts", { exact: true }).fill("0");
  await page.getByText("Risk thresholds", { exact: true }).click();
  await page.getByLabel("Past sponsored posts (count)").fill("abc");
  for (const summary of await page.locator("article.warning summary").all()) {
    await summary.click();
  }
  await expectNoSeriousA11yViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoSeriousA11yViolations(page);
});

test("the Risks section fits a 360 px wide phone", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openApp(page, "#risks");
  await page.getByLabel("Comments (one per line)").fill([...NEGATIVE, ...OTHER].join("\n"));
  await expect(page.locator("article.warning").first()).toBeVisible();
  await page.getByLabel("Caption", { exact: true }).fill("#ad new shoes from @brand");
  await page.getByText("Risk thresholds", { exact: true }).click();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("risks-360.png"), fullPage: true });
});

test.describe("without the word list", () => {
  // Keep the service worker out so the page's own fetch is what fails.
  test.use({ serviceWorkers: "block" });

  test("offline before first use says so; a missing file is named; generic comments still work", async ({ page, context }) => {
    await openApp(page, "#risks");
    await context.setOffline(true);
    await page.getByLabel("Comments (one per line)").fill("Nice\nThis is awful");
    const sentiment = page.getByRole("region", { name: "Comment sentiment (hate-watching)" });
    await expect(sentiment.getByRole("alert")).toContainText("You are offline");
    await expect(page.getByRole("region", { name: "Generic comments" })).toContainText("1 of 2 comments (50%) are generic");

    await context.setOffline(false);
    await page.route("**/lexicon/vader_lexicon.txt", (route) => route.fulfill({ status: 404, body: "not here" }));
    await sentiment.getByRole("button", { name: "Try again" }).click();
    await expect(sentiment.getByRole("alert")).toContainText("the server answered 404");
  });
});
