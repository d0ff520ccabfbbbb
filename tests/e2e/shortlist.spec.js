//! End-to-end: the Shortlist on the release build: add from the check panel, edit, status, remove
//! and undo, sort, filter, compare, CSV import with bad rows, exports, storage problems, two tabs,
//! persistence across reloads, 5,000 creators, accessibility, and a 360 px screen.
const fs = require("fs");
const path = require("path");
const { test, expect } = require("@playwright/test");
const { openApp, expectNoSeriousA11yViolations, flushSaves, storedList } = require("./helpers");

const KEY = "microscope.shortlist";
const FIXTURES = path.join(__dirname, "fixtures");

/** Ten creators with varied platforms, tiers, statuses and tags; one name looks like markup. */
function creators(n = 10) {
  const base = [
    ["@ann.fit", "TikTok", 45000, 130000, 9500, 850, 700, 250, "contacted", ["fitness", "vegan"], "https://www.tiktok.com/@ann.fit"],
    ["Bo Travels", "Instagram", 12500, null, 800, 40, null, 120, "prospect", ["travel"], "https://instagram.com/botravels"],
    ["Cy Cooks", "YouTube", 250000, 1200000, 40000, 2000, 1000, 2000, "negotiating", ["food"], null],
    ["Dee Runs", "TikTok", 8200, 25000, 2100, 90, 60, 40, "confirmed", ["fitness"], null],
    ["Eve Reads", "Instagram", 31000, 52000, 1400, 120, null, 300, "posted", ["books", "lifestyle"], null],
    ["Fay Beauty", "Instagram", 8000, 21000, 500, 20, null, 60, "declined", ["beauty"], null],
    ["Gus Games", "YouTube", 64000, 90000, 5000, 600, 200, 500, "prospect", ["gaming"], "https://youtube.com/@gus"],
    ["Hana Vegan", "TikTok", 98000, 210000, 15000, 1300, 900, 450, "contacted", ["vegan", "food"], null],
    ["<img src=x onerror=alert(1)>", "TikTok", 3000, 9000, 600, 30, 10, 25, "prospect", ["test"], null],
    ["Ivo Tech", "YouTube", 1500000, 800000, 30000, 4000, 2000, 15000, "prospect", ["tech"], null],
  ];
  const out = [];
  for (let i = 0; i < n; i++) {
    const [name, platform, followers, views, likes, comments, shares, price, status, tags, url] = base[i % base.length];
    const c = {
      id: `seed-${i}`,
      name: i < base.length ? name : `${name} ${i}`,
      platform,
      followers: followers + (i >= base.length ? i : 0),
      metrics: { views, likes, comments, shares },
      price,
      tags,
      notes: i % 50 === 0 ? "Great replies, vegan recipes" : "",
      status,
      created_at: 1700000000000 + i,
      updated_at: 1700000000000 + i,
    };
    if (url) c.profile_url = url;
    out.push(c);
  }
  return out;
}

const envelope = (list) => JSON.stringify({ app: "microscope", kind: "shortlist", version: 2, data: list });

/** Opens the shortlist with `value` stored (or nothing), as a returning user would. */
async function openWith(page, value) {
  const errors = await openApp(page, "#shortlist");
  await page.evaluate(([key, v]) => (v === null ? localStorage.removeItem(key) : localStorage.setItem(key, v)), [KEY, value]);
  await page.reload();
  await expect(page.getByRole("heading", { level: 2, name: "Shortlist" })).toBeVisible();
  return errors;
}

const stored = (page) => storedList(page, KEY);
// Nothing stored yet (the save waits a moment after an edit) reads as no names, so that
// `expect.poll` keeps waiting instead of failing on a parse of null (a speed-dependent failure
// seen in a clean-clone run).
const storedNames = async (page) => {
  const raw = await stored(page);
  return raw ? JSON.parse(raw).data.map((c) => c.name).sort() : [];
};
const table = (page) => page.locator("table.shortlist-table");
const rowNames = (page) => table(page).locator("tbody tr th").allInnerTexts();
const count = (page) => page.locator(".shortlist-status .count");
const filters = (page) => page.getByRole("search", { name: "Filter the shortlist" });

test("add from the check panel, edit, set a status, remove with undo; kept across reloads", async ({ page }) => {
  const errors = await openApp(page, "#check");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByLabel("Name or handle").fill("@ann.fit");
  await page.getByLabel("Followers").fill("45K");
  await page.getByLabel("Average views").fill("130,000");
  await page.getByLabel("Average likes").fill("9.5K");
  await page.getByLabel("Average comments").fill("850");
  await page.getByLabel("Average shares").fill("700");
  await page.getByRole("button", { name: "Add to shortlist" }).click();
  await page.getByRole("status").getByRole("link", { name: "shortlist" }).click();

  await expect(count(page)).toHaveText("Showing 1 of 1");
  const row = table(page).locator("tbody tr", { hasText: "@ann.fit" });
  await expect(row).toContainText("45,000");
  await expect(row).toContainText("8.50%");
  await expect(row).toContainText("Micro");
  // The first-run notice explains where the data lives and how to keep a copy.
  await expect(page.getByRole("note")).toContainText("Clearing your browsing data");

  // Edit: every field labelled; a bad link and a bad number are explained in place.
  await page.getByRole("button", { name: "Edit @ann.fit" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit “@ann.fit”" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Profile link").fill("javascript:alert(1)");
  await dialog.getByLabel("Followers").fill("52x");
  await expect(dialog.getByText("only links starting with http:// or https://")).toBeVisible();
  await expect(dialog.getByText("is not a known unit")).toBeVisible();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByText("Check these fields: Profile link, Followers.")).toBeVisible();
  await expect(dialog.getByLabel("Profile link")).toBeFocused();
  await dialog.getByLabel("Profile link").fill("tiktok.com/@annfit");
  await dialog.getByLabel("Followers").fill("52K");
  await dialog.getByLabel("Tags").fill("Fitness, #Vegan");
  await dialog.getByLabel("Notes").fill("<b>not bold</b>");
  await dialog.getByLabel("Price per post").fill("$250");
  await dialog.getByLabel("Past sponsored posts").fill("3");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Saved “@ann.fit”.")).toBeVisible();
  await expect(row).toContainText("52,000");
  await expect(row).toContainText("fitness, vegan");
  await expect(row).toContainText("$250.00");
  const link = row.getByRole("link", { name: /^@ann\.fit/ });
  await expect(link).toHaveAttribute("href", "https://tiktok.com/@annfit");
  await expect(link).toHaveAttribute("rel", "noopener noreferrer");
  await expect(link).toHaveAttribute("target", "_blank");

  await page.getByLabel("Status of @ann.fit").selectOption("Confirmed");
  await expect.poll(async () => JSON.parse(await stored(page)).data[0].status).toBe("confirmed");

  await page.reload();
  await expect(row).toContainText("52,000");
  await expect(page.getByLabel("Status of @ann.fit")).toHaveValue("confirmed");
  const saved = JSON.parse(await stored(page)).data[0];
  expect(saved.notes).toBe("<b>not bold</b>");
  expect(saved.sponsored_posts).toBe(3);

  // Remove, undo, remove again: gone after a reload.
  await page.getByRole("button", { name: "Remove @ann.fit" }).click();
  await expect(count(page)).toHaveText("Showing 0 of 0");
  await expect(page.getByRole("button", { name: "Undo" })).toBeFocused();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Restored “@ann.fit”.")).toBeVisible();
  await expect(count(page)).toHaveText("Showing 1 of 1");
  await page.getByRole("button", { name: "Remove @ann.fit" }).click();
  await expect.poll(() => storedNames(page)).toEqual([]);
  await page.reload();
  await expect(count(page)).toHaveText("Showing 0 of 0");
  expect(errors).toEqual([]);
});

test("sort by column headers, filter, and compare with the chart", async ({ page }, testInfo) => {
  const errors = await openWith(page, envelope(creators(10)));
  await expect(count(page)).toHaveText("Showing 10 of 10");
  // Names are text, never markup.
  await expect(table(page).getByText("<img src=x onerror=alert(1)>")).toBeVisible();
  await expect(table(page).locator("img")).toHaveCount(0);

  const nameHeader = table(page).locator("th", { has: page.getByRole("button", { name: /^Name/ }) });
  await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
  const followers = page.getByRole("button", { name: /^Followers/ });
  await followers.click();
  const followersHeader = table(page).locator("th", { has: followers });
  await expect(followersHeader).toHaveAttribute("aria-sort", "descending");
  await expect(nameHeader).not.toHaveAttribute("aria-sort", /.*/);
  expect((await rowNames(page)).slice(0, 3)).toEqual(["Ivo Tech", "Cy Cooks", "Hana Vegan"]);
  await followers.click();
  await expect(followersHeader).toHaveAttribute("aria-sort", "ascending");
  expect((await rowNames(page))[0]).toBe("<img src=x onerror=alert(1)>");

  // The engagement column names its formula, and switching the formula re-sorts by it.
  const rate = page.getByRole("button", { name: /Engagement rate.*÷ views/ });
  await rate.click();
  expect((await rowNames(page))[0]).toBe("Dee Runs");
  await filters(page).getByLabel("Engagement formula").selectOption({ label: "By followers" });
  await expect(page.getByRole("button", { name: /Engagement rate.*÷ followers/ })).toBeVisible();

  await filters(page).getByLabel("Platform", { exact: true }).selectOption("TikTok");
  await expect(count(page)).toHaveText("Showing 4 of 10");
  await filters(page).getByLabel("Tier", { exact: true }).selectOption("Micro");
  await expect(count(page)).toHaveText("Showing 2 of 10");
  await page.getByRole("button", { name: "Clear filters" }).click();
  await filters(page).getByLabel("Tag", { exact: true }).selectOption("vegan");
  await expect(count(page)).toHaveText("Showing 2 of 10");
  await page.getByRole("button", { name: "Clear filters" }).click();
  await filters(page).getByLabel("Status", { exact: true }).selectOption("Contacted");
  await expect(count(page)).toHaveText("Showing 2 of 10");
  await page.getByRole("button", { name: "Clear filters" }).click();
  await filters(page).getByLabel("Search").fill("vegan recipes");
  await expect(count(page)).toHaveText("Showing 1 of 10");
  await filters(page).getByLabel("Search").fill("zzz");
  await expect(page.getByText("No creator matches these filters.")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(count(page)).toHaveText("Showing 10 of 10");

  // Compare 2 to 4, chosen with labelled checkboxes.
  await filters(page).getByLabel("Engagement formula").selectOption({ label: "By views (CreatorDB)" });
  await page.getByLabel("Compare @ann.fit").check();
  await expect(page.getByText("(1 selected)")).toBeVisible();
  await page.getByLabel("Compare Hana Vegan").check();
  await page.getByLabel("Compare Dee Runs").check();
  const compare = page.locator(".compare-table");
  await expect(compare.locator("thead th")).toHaveText(["Figure", "@ann.fit", "Hana Vegan", "Dee Runs"]);
  await expect(compare.getByRole("rowheader", { name: /Engagement rate/ })).toContainText("(likes + dislikes + shares + comments) ÷ views");
  await expect(compare.getByRole("row", { name: /Against the tier benchmark/ })).toContainText("CreatorDB");
  const chart = page.locator(".shortlist-compare figure.chart img");
  await expect(chart).toHaveAttribute("src", /^data:image\/svg\+xml,/);
  await expect(chart).toHaveAttribute("alt", /@ann\.fit 8\.5%/);
  await page.getByLabel("Compare Gus Games").check();
  await expect(page.getByLabel("Compare Ivo Tech")).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath("shortlist-light.png"), fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: testInfo.outputPath("shortlist-dark.png"), fullPage: true });
  expect(errors).toEqual([]);
});

test("importing a CSV with bad rows: preview, mapping, progress, report with line numbers", async ({ page }) => {
  const errors = await openWith(page, envelope(creators(2)));
  await page.getByLabel("CSV file").setInputFiles(path.join(FIXTURES, "creators-with-errors.csv"));
  await expect(page.getByText("Preview: nothing is saved yet")).toBeVisible();
  await expect(page.getByText("Separator detected: comma. 7 rows to import.")).toBeVisible();
  // The mapping can be corrected before anything is saved.
  const notes = page.getByLabel("Column 11 “notes” imports as");
  await expect(notes).toHaveValue("field:notes");
  await notes.selectOption({ label: "Ignore this column" });
  await expect(notes).toHaveValue("ignore");
  await expect(notes).toBeFocused();
  await expect(page.getByText("ignored, as you chose")).toBeVisible();
  const skipped = page.locator(".import-preview tr.rejected").first();
  await expect(skipped.locator("td").first()).toHaveText("4");
  await expect(skipped).toContainText("will be skipped: the name is empty");
  expect(await storedNames(page)).toEqual(["@ann.fit", "Bo Travels"]);

  await page.getByRole("button", { name: "Import 7 rows" }).click();
  await expect(page.locator(".import-summary")).toHaveText(
    "Import finished. Imported 4 creators. 3 rows were not imported. 4 creators added to the shortlist."
  );
  const rejected = page.locator(".rejected-rows li");
  await expect(rejected).toHaveCount(3);
  await expect(rejected.nth(0)).toHaveText(/^line 4: the name is empty/);
  await expect(rejected.nth(1)).toHaveText(/^line 6: followers: “x” in “12x” is not a known unit/);
  await expect(rejected.nth(2)).toHaveText(/^line 7: platform “Myspace” is not one Microscope knows/i);
  await expect(count(page)).toHaveText("Showing 6 of 6");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download all 3 rejected rows" }).click();
  const text = fs.readFileSync(await (await download).path(), "utf8");
  expect(text.split("\r\n").filter(Boolean)).toHaveLength(3);
  await expect.poll(() => storedNames(page)).toEqual(["@ann.fit", "@ann.fit", "Bo Travels", "Bo Travels", "Cy Cooks", "Fay Beauty"]);
  const fay = JSON.parse(await stored(page)).data.find((c) => c.name === "Fay Beauty");
  expect(fay.status).toBe("confirmed");
  expect(fay.notes).toBeUndefined();

  // Pasted text and the domain's refusal messages.
  await page.getByLabel("Or paste rows, header first").fill("followers,price\n1,2");
  await page.getByRole("button", { name: "Preview pasted rows" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "None of the columns (followers, price) holds the creators' names. Choose the column that does" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Import 1 row" })).toBeDisabled();
  expect(errors).toEqual([]);
});

test("files people have import as they are: Excel's Windows-1252 CSV, a Modash export, a sheet without a name column", async ({ page }) => {
  const errors = await openWith(page, null);
  const IMPORTS = path.join(__dirname, "../fixtures/import");
  await page.getByLabel("CSV file").setInputFiles(path.join(IMPORTS, "excel-windows-1252.csv"));
  await expect(page.getByText(/^Encoding read: Windows-1252/)).toBeVisible();
  await expect(page.getByText("Kept as custom fields, under their own headers: Favourite café.")).toBeVisible();
  await expect(page.locator(".import-preview")).toContainText("José García");
  await page.getByRole("button", { name: "Import 2 rows" }).click();
  await expect(page.locator(".import-summary")).toContainText("Imported 2 creators.");

  await page.getByLabel("CSV file").setInputFiles(path.join(IMPORTS, "modash-api.csv"));
  await expect(page.getByText(/^Encoding read: UTF-8/)).toBeVisible();
  await expect(page.getByText("Engagement rate (column 6 “engagementRate”): read 0.1185 as 11.85% (every number in the column is 1 or less, so they are read as fractions).")).toBeVisible();
  await expect(page.getByLabel("Column 2 “fullname” imports as")).toHaveValue("custom");
  await page.getByRole("button", { name: "Import 3 rows" }).click();
  await expect(page.locator(".import-summary")).toContainText("Imported 3 creators.");
  await expect(count(page)).toHaveText("Showing 5 of 5");

  // The editor shows what the files brought, custom columns under their own headers.
  await page.getByRole("button", { name: "Edit José García" }).click();
  let dialog = page.getByRole("dialog", { name: "Edit “José García”" });
  await dialog.getByText("Contact and imported columns: 2").click();
  await expect(dialog.getByText("Favourite café", { exact: true })).toBeVisible();
  await expect(dialog.getByText("Café Müller – “best” €5", { exact: true })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Edit ann.fit" }).click();
  dialog = page.getByRole("dialog", { name: "Edit “ann.fit”" });
  await dialog.getByText(/^Contact and imported columns: \d+$/).click();
  await expect(dialog.getByText("Reported engagement rate", { exact: true })).toBeVisible();
  await expect(dialog.getByText(/^11\.85% — import file “modash-api\.csv”, \d{4}-\d{2}-\d{2}$/)).toBeVisible();
  await expect(dialog.getByText("Ann Fitness", { exact: true })).toBeVisible();
  await page.keyboard.press("Escape");

  await expect.poll(() => storedNames(page)).toEqual(["José García", "ann.fit", "bo.travels", "lia.moves", "Šárka Nováková"]);
  const data = JSON.parse(await stored(page)).data;
  const jose = data.find((c) => c.name === "José García");
  expect(jose.custom).toEqual([{ name: "Favourite café", value: "Café Müller – “best” €5" }]);
  expect(jose.location).toBe("Zürich");
  expect(jose.follower_history).toEqual([{ date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), count: 12500, source: "import" }]);
  expect(JSON.stringify(data)).not.toContain("\uFFFD");

  // A sheet whose name column the app doesn't know: the preview opens and asks for it.
  await page.getByLabel("Or paste rows, header first").fill("Influencer handle,Mood\nzoe.eats,sunny");
  await page.getByRole("button", { name: "Preview pasted rows" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "None of the columns (Influencer handle, Mood) holds the creators' names. Choose the column that does" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Import 1 row" })).toBeDisabled();
  await page.getByLabel("Column with the creators' names").selectOption({ label: "Column 1 “Influencer handle”" });
  await expect(page.getByRole("alert").filter({ hasText: "None of the columns" })).toHaveCount(0);
  await page.getByRole("button", { name: "Import 1 row" }).click();
  await expect(page.locator(".import-summary")).toContainText("Imported 1 creator.");
  await expect.poll(async () => JSON.parse((await stored(page)) || '{"data":[]}').data.find((c) => c.name === "zoe.eats")?.custom).toEqual([{ name: "Mood", value: "sunny" }]);
  expect(errors).toEqual([]);
});

test("a large CSV imports in chunks with a progress bar", async ({ page }) => {
  await openWith(page, null);
  const csv = (n) => {
    const rows = ["name,platform,followers,views,likes,comments"];
    for (let i = 0; i < n; i++) rows.push(`creator${i},TikTok,${10000 + i},${50000 + i},${2000 + (i % 100)},${i % 50}`);
    return Buffer.from(rows.join("\n"));
  };
  // Told before importing that a list this size can't be saved in the browser. How many fit is
  // measured on the previewed rows as they would be stored (compressed, with the dated follower
  // count), against the room this browser keeps for the site.
  await page.getByLabel("CSV file").setInputFiles({ name: "huge.csv", mimeType: "text/csv", buffer: csv(200000) });
  const note = page.locator(".import-preview").getByRole("note");
  await expect(note).toContainText(/would hold up to 200,000 creators; this browser's storage holds about [\d,]+ creators like these \(about \d+ characters each as stored\)/);
  const [holds, each] = (await note.innerText()).match(/holds about ([\d,]+) creators like these \(about (\d+) characters/).slice(1).map((n) => Number(n.replace(/,/g, "")));
  expect(holds * each).toBeLessThanOrEqual(5_242_880);
  expect((holds + 1) * each).toBeGreaterThan(5_242_880 - 2 * each);
  await page.locator(".import-preview").getByRole("button", { name: "Cancel" }).click();
  // 60,000 such rows fit since parts are stored compressed (issue 15): no warning.
  await page.getByLabel("CSV file").setInputFiles({ name: "big.csv", mimeType: "text/csv", buffer: csv(60000) });
  await expect(page.getByRole("button", { name: "Import 60,000 rows" })).toBeVisible();
  await expect(note).toHaveCount(0);
  // Every progress label the page shows, recorded in the page: the import may now be over before
  // Playwright's polling would see the bar (regression: that made this test depend on speed).
  // One batch of rows per turn (src/ui/shortlist/import.rs reads this instead of its 20 ms time
  // slice): how many counts show no longer depends on how fast this CPU parses (regression: an
  // Intel Xeon parsed 60,000 rows in two slices and showed one intermediate count).
  await page.evaluate(() => {
    window.__microscopeImportSliceMs = 0;
    window.__progress = [];
    const seen = () => {
      const el = document.querySelector("label[for='import-progress']");
      const label = el && el.textContent;
      if (label && window.__progress[window.__progress.length - 1] !== label) window.__progress.push(label);
    };
    new MutationObserver(seen).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole("button", { name: "Import 60,000 rows" }).click();
  await expect(page.locator(".import-summary")).toContainText("Imported 60,000 creators.", { timeout: 45_000 });
  // In chunks: the bar showed and moved through intermediate counts, each in a task of its own.
  const labels = await page.evaluate(() => window.__progress);
  const counts = labels.map((l) => Number((l.match(/^Importing: ([\d,]+) of about 60,000 rows/) || ["", "NaN"])[1].replace(/,/g, "")));
  expect(counts.every((n) => Number.isFinite(n)), labels.join(" | ")).toBe(true);
  expect(counts.filter((n) => n > 0 && n < 60000).length, labels.join(" | ")).toBeGreaterThanOrEqual(2);
  await expect(count(page)).toHaveText("Showing 60,000 of 60,000 (rows 1–50 on this page)");
  await expect(table(page).locator("tbody tr")).toHaveCount(50);
  // And they are saved: no "Not saved" banner, all 60,000 stored.
  await flushSaves(page);
  await expect(page.getByText("Not saved", { exact: true })).toHaveCount(0);
  expect(JSON.parse(await stored(page)).data).toHaveLength(60000);
});

test("export CSV (comma and semicolon) with a BOM, and the workspace JSON round trip", async ({ page }) => {
  const errors = await openWith(page, envelope(creators(3)));
  const csvDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV", exact: true }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/^microscope-shortlist-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = fs.readFileSync(await csv.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString("utf8").slice(1).split("\r\n");
  expect(lines[0]).toMatch(/^id,name,platform,profile_url,followers,.*,tier,engagement rate \(\(likes \+ dislikes \+ shares \+ comments\) ÷ views\)$/);
  expect(lines[1]).toContain("seed-0,'@ann.fit,TikTok,https://www.tiktok.com/@ann.fit,45000,130000");
  expect(lines[1]).toContain("8.50%");
  expect(lines.filter(Boolean)).toHaveLength(4);

  const semi = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV with semicolons (Excel in Europe)" }).click();
  const semiText = fs.readFileSync(await (await semi).path(), "utf8");
  expect(semiText.split("\r\n")[0]).toMatch(/^\uFEFFid;name;platform;/);

  const jsonDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export workspace (JSON)" }).first().click();
  const jsonPath = await (await jsonDownload).path();
  const workspace = JSON.parse(fs.readFileSync(jsonPath, "utf8"));
  expect(workspace.app).toBe("microscope");
  expect(workspace.version).toBe(3);
  expect(workspace.creators.map((c) => c.name)).toEqual(["@ann.fit", "Bo Travels", "Cy Cooks"]);

  // Importing over existing data shows what the file holds, offers an export first, then merge
  // (the default), replace or keep, store by store.
  await page.getByRole("button", { name: "Remove Cy Cooks" }).click();
  await page.getByLabel("Import workspace (.json)").setInputFiles(jsonPath);
  const dialog = page.getByRole("dialog", { name: "Restore a workspace file" });
  await expect(dialog.getByRole("group", { name: "Creators" })).toContainText("The file: 3 creators. Here: 2 creators.");
  const backup = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Export my current workspace first" }).click();
  expect((await backup).suggestedFilename()).toMatch(/^microscope-workspace-.*\.json$/);
  await dialog.getByRole("button", { name: "Restore" }).click();
  await expect(page.getByText("Creators: 1 added, 2 unchanged.")).toBeVisible();
  await expect(count(page)).toHaveText("Showing 3 of 3");

  // A file from a newer version is refused with the domain's message.
  const newer = JSON.stringify({ app: "microscope", version: 7, creators: [] });
  await page.getByLabel("Import workspace (.json)").setInputFiles({ name: "newer.json", mimeType: "application/json", buffer: Buffer.from(newer) });
  await expect(page.getByRole("alert").filter({ hasText: "written by a newer Microscope (format 7; this one reads up to 3)" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("unreadable stored data: a banner, nothing overwritten, download, then start fresh only when confirmed", async ({ page }) => {
  await openWith(page, "{not json");
  const banner = page.getByRole("alert").filter({ hasText: "Your saved shortlist was not loaded" });
  await expect(banner).toContainText("What is stored has been left untouched");
  await page.getByRole("button", { name: "Add a creator" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a creator" });
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByText("Enter a name or handle")).toBeVisible();
  await dialog.getByLabel("Name or handle").fill("Kept in memory");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(count(page)).toHaveText("Showing 1 of 1");
  // The pending save runs now (as when the page is hidden), not after the save delay: it must
  // write nothing.
  await flushSaves(page);
  expect(await stored(page)).toBe("{not json");

  const download = page.waitForEvent("download");
  await banner.getByRole("button", { name: "Download the stored data" }).click();
  expect(fs.readFileSync(await (await download).path(), "utf8")).toBe("{not json");

  await banner.getByRole("button", { name: "Start fresh…" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Replace the stored data?" });
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Cancel" }).click();
  expect(await stored(page)).toBe("{not json");
  await banner.getByRole("button", { name: "Start fresh…" }).click();
  await confirm.getByRole("button", { name: "Yes, replace the stored data" }).click();
  await expect(banner).toBeHidden();
  expect(await storedNames(page)).toEqual(["Kept in memory"]);
});

// Regression: a list that loaded with some creators left out lost them at its next save.
test("creators that could not be loaded are kept aside, offered at later visits, and removed only when confirmed", async ({ page }) => {
  const raw = JSON.stringify({
    app: "microscope",
    kind: "shortlist",
    version: 2,
    data: [
      { id: "a", name: "Ann Reads" },
      { id: "c", name: "Cy Unsafe", profile_url: "javascript:alert(1)" },
    ],
  });
  const errors = await openWith(page, raw);
  const dropped = page.getByRole("alert").filter({ hasText: "Some saved creators could not be loaded" });
  await expect(dropped).toContainText("record 2 (Cy Unsafe)");
  await expect(dropped).toContainText("Nothing is lost");
  await page.getByRole("button", { name: "Add a creator" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a creator" });
  await dialog.getByLabel("Name or handle").fill("Bo New");
  await dialog.getByRole("button", { name: "Save" }).click();
  await flushSaves(page);
  expect(await storedNames(page)).toEqual(["Ann Reads", "Bo New"]);

  await page.reload();
  const kept = page.getByRole("alert").filter({ hasText: "A copy of your saved shortlist is kept aside" });
  await expect(kept).toContainText("record 2 (Cy Unsafe)");
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: test.info().outputPath("kept-aside.png"), fullPage: false });
  const download = page.waitForEvent("download");
  await kept.getByRole("button", { name: "Download the kept copy" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^microscope-stored-shortlist-kept-.*\.json$/);
  const copies = JSON.parse(fs.readFileSync(await file.path(), "utf8")).copies;
  expect(JSON.parse(copies[0].text)).toEqual(JSON.parse(raw));

  await kept.getByRole("button", { name: "Remove the kept copy…" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Remove the kept copy?" });
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(kept.getByRole("button", { name: "Remove the kept copy…" })).toBeFocused();
  await kept.getByRole("button", { name: "Remove the kept copy…" }).click();
  await confirm.getByRole("button", { name: "Yes, remove the kept copy" }).click();
  await expect(kept).toBeHidden();
  expect(await page.evaluate(() => localStorage.getItem("microscope.shortlist.kept"))).toBeNull();
  await page.reload();
  await expect(count(page)).toHaveText("Showing 2 of 2");
  await expect(page.getByText("kept aside")).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("two tabs: a change in one appears in the other, and neither overwrites the other", async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await openWith(a, envelope(creators(2)));
  await openApp(b, "#shortlist");
  await expect(count(b)).toHaveText("Showing 2 of 2");

  await a.getByRole("button", { name: "Remove Bo Travels" }).click();
  await expect(count(b)).toHaveText("Showing 1 of 1");
  await expect(b.getByText("updated in another tab")).toBeVisible();

  await b.getByLabel("Status of @ann.fit").selectOption("Posted");
  await expect(a.getByLabel("Status of @ann.fit")).toHaveValue("posted");
  await a.getByLabel("Status of @ann.fit").selectOption("Declined");
  await expect(b.getByLabel("Status of @ann.fit")).toHaveValue("declined");
  expect(JSON.parse(await stored(a)).data[0].status).toBe("declined");
});

test("5,000 creators: paged table, and filter and sort stay fast", async ({ page }, testInfo) => {
  await openWith(page, envelope(creators(5000)));
  await expect(count(page)).toHaveText("Showing 5,000 of 5,000 (rows 1–50 on this page)");
  await expect(table(page).locator("tbody tr")).toHaveCount(50);
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page.getByText("Page 2 of 100")).toBeVisible();

  // Time from the user's action to the updated count, measured in the page.
  const timed = (action) =>
    page.evaluate(async (act) => {
      const status = document.querySelector(".shortlist-status .count");
      const before = status.textContent;
      const t0 = performance.now();
      const changed = new Promise((resolve) => {
        const obs = new MutationObserver(() => {
          if (status.textContent !== before) {
            obs.disconnect();
            resolve();
          }
        });
        obs.observe(status, { childList: true, subtree: true, characterData: true });
      });
      if (act === "search") {
        const input = document.getElementById("filter-text");
        input.value = "vegan";
        input.dispatchEvent(new Event("input", { bubbles: true }));
      } else {
        const select = document.getElementById("filter-platform");
        select.value = "youtube";
        select.dispatchEvent(new Event("change", { bubbles: true }));
      }
      await changed;
      await new Promise((r) => requestAnimationFrame(() => r()));
      return performance.now() - t0;
    }, action);
  const search = await timed("search");
  await expect(count(page)).toHaveText("Showing 1,000 of 5,000 (rows 1–50 on this page)");
  const filter = await timed("platform");
  await expect(count(page)).toHaveText("Showing 0 of 5,000");
  await page.getByRole("button", { name: "Clear filters" }).click();
  const sortStart = Date.now();
  await page.getByRole("button", { name: /Engagement rate/ }).click();
  await expect(table(page).locator("th", { has: page.getByRole("button", { name: /Engagement rate/ }) })).toHaveAttribute("aria-sort", "descending");
  const sort = Date.now() - sortStart;
  testInfo.annotations.push({ type: "timing", description: `5,000 creators: search ${search.toFixed(0)} ms, platform filter ${filter.toFixed(0)} ms, sort by rate (with Playwright round trip) ${sort} ms` });
  console.log(`5,000 creators: search ${search.toFixed(0)} ms, platform filter ${filter.toFixed(0)} ms, sort by rate (incl. Playwright round trip) ${sort} ms`);
  // Printed, not asserted: a verdict that depends on the machine's speed is a defect (issue 14);
  // the 50 ms budgets are measured by `make bench` (docs/PERFORMANCE.md).
});

test("no serious accessibility violation: table, compare, banners, dialog; light and dark", async ({ page }) => {
  await openWith(page, envelope(creators(10)));
  await page.getByLabel("Compare @ann.fit").check();
  await page.getByLabel("Compare Gus Games").check();
  await page.getByLabel("CSV file").setInputFiles(path.join(FIXTURES, "creators-with-errors.csv"));
  await expect(page.getByText("Preview: nothing is saved yet")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Edit Gus Games" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();

  await page.emulateMedia({ colorScheme: "light" });
  await openWith(page, "{not json");
  await expectNoSeriousA11yViolations(page);
});

test("keyboard only: sort, set a status and undo a removal", async ({ page }) => {
  await openWith(page, envelope(creators(3)));
  await page.getByRole("button", { name: /^Followers/ }).focus();
  await page.keyboard.press("Enter");
  expect((await rowNames(page))[0]).toBe("Cy Cooks");
  await page.getByRole("button", { name: "Remove Cy Cooks" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Undo" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(count(page)).toHaveText("Showing 3 of 3");
});

test("fits a 360 px wide phone: only the table scrolls sideways", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openWith(page, envelope(creators(10)));
  await page.getByLabel("Compare @ann.fit").check();
  await page.getByLabel("Compare Hana Vegan").check();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("shortlist-360.png"), fullPage: true });
  await page.getByRole("button", { name: "Edit @ann.fit" }).click();
  const overflowDialog = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflowDialog).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("shortlist-360-dialog.png") });
});
