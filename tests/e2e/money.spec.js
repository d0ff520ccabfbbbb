//! End-to-end: issue #17's price check, reach estimates and deliverables calendar on the release
//! build. Deal terms and a quote move the price range and the comparison in words; an edited
//! assumption moves the reach; deliverables show in the month view (navigated by keyboard) and
//! the list, an overdue one is warned; the .ics download is read back by an independent parser
//! (ical.js) field by field, with its UIDs, escaping and folding checked on the raw bytes; and
//! everything survives a reload.
const fs = require("fs");
const { test, expect } = require("@playwright/test");
const ICAL = require("ical.js");
const { openApp, expectNoSeriousA11yViolations } = require("./helpers");

const stamp = 1_700_000_000_000;

const SHORTLIST = [
  {
    id: "c1",
    name: "Ann",
    platform: "TikTok",
    followers: 45000,
    metrics: { views: 130000, likes: 10000, comments: 650, shares: 433 },
    price: 300,
    status: "confirmed",
    created_at: stamp,
    updated_at: stamp,
  },
  {
    id: "c2",
    name: "Bo",
    platform: "Instagram",
    followers: 45000,
    metrics: { likes: 900, comments: 40 },
    status: "confirmed",
    created_at: stamp,
    updated_at: stamp,
  },
];

/** The stored campaigns' records (empty before the first save). */
function storedCampaigns(page) {
  return page.evaluate(() => {
    const raw = JSON.parse(localStorage.getItem("microscope.campaigns") || "null");
    return raw ? raw.data : [];
  });
}

/** The Campaign section with Ann (TikTok) and Bo (Instagram) shortlisted and one campaign
 * named `name`, in US dollars, with both assigned. */
async function openCampaign(page, name) {
  const errors = await openApp(page, "#campaign");
  await page.evaluate((list) => {
    localStorage.clear();
    localStorage.setItem("microscope.shortlist", JSON.stringify({ app: "microscope", kind: "shortlist", version: 2, data: list }));
  }, SHORTLIST);
  await page.reload();
  await page.getByLabel("New campaign name").fill(name);
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByRole("heading", { level: 3, name })).toBeVisible();
  await page.getByLabel("Currency").selectOption("USD");
  await page.locator("#campaign-creator-c1").check();
  await page.locator("#campaign-creator-c2").check();
  return errors;
}

/** The local date `days` from today as YYYY-MM-DD (the app's "today" is the device's date). */
function localDate(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "20260504" for "2026-05-04". */
const compact = (iso) => iso.replaceAll("-", "");

test("deal terms and a quote move the price check; an edited assumption moves the reach; reload keeps them", async ({ page }, testInfo) => {
  test.slow();
  const errors = await openCampaign(page, "Price check");
  const pricing = page.getByRole("region", { name: "Fair price" });
  await expect(pricing).toContainText("correlated at 0.56");
  await expect(pricing).toContainText("(Lumanu, 2024)");

  // Ann, TikTok micro with 130,000 average views: table $25–125, CPM-based 130,000 × $5–15 ÷ 1,000.
  const ann = pricing.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Ann" }) });
  await expect(ann).toContainText("Price table (estimate): $25.00–$125.00 per post");
  await expect(ann).toContainText("(pricing guide, 2023)");
  await expect(ann).toContainText("CPM-based (estimate): $650.00–$1,950 per post");
  await expect(ann).toContainText("130,000 average views × CPM $5.00–$15.00 ÷ 1,000");
  // Her record's price ($300) is compared first.
  await expect(ann).toContainText("The quote is 0.23x the CPM-based estimate ($1,300, the midpoint of $650.00–$1,950) and below that range.");
  // A quote typed here replaces it: 3,000 ÷ 1,300 = 2.3.
  await page.getByLabel("Quote for Ann (USD per post)").fill("3,000");
  await expect(ann).toContainText("The quote is 2.3x the CPM-based estimate ($1,300, the midpoint of $650.00–$1,950) and above that range.");
  await expect(ann).toContainText("The quote is 40x the price-table estimate ($75.00, the midpoint of $25.00–$125.00) and above that range.");

  // Usage rights (+50–200%): $975–5,850, midpoint $3,412.50; 3,000 ÷ 3,412.5 = 0.88.
  await page.getByRole("checkbox", { name: "Usage rights" }).check();
  await expect(ann).toContainText("CPM-based (estimate): $975.00–$5,850 per post with the terms (+50–200%)");
  await expect(ann).toContainText("The quote is 0.88x the CPM-based estimate ($3,413, the midpoint of $975.00–$5,850) and within that range.");
  // Its high end edited to +100%: $975–3,900, midpoint $2,437.50; 3,000 ÷ 2,437.5 = 1.2.
  await page.locator("#campaign-term-usage-rights-high").fill("100");
  await expect(ann).toContainText("The quote is 1.2x the CPM-based estimate ($2,438, the midpoint of $975.00–$3,900) and within that range.");
  // Rush on top (+25–50%): the terms add up to +75–150%: $650 × 1.75 to $1,950 × 2.5.
  await page.getByRole("checkbox", { name: "Rush" }).check();
  await expect(ann).toContainText("$1,138–$4,875 per post with the terms (+75–150%)");
  await expect(pricing.locator(".campaign-terms-total")).toHaveText("Terms in the estimates: +75–150% for usage rights (+50–100%) and rush (+25–50%).");
  // "From" above "to" is refused, naming both; nothing changes.
  await page.locator("#campaign-term-rush-low").fill("80");
  await expect(page.locator("#campaign-term-rush-error")).toHaveText("“From” (80%) is above “to” (50%).");
  await page.locator("#campaign-term-rush-low").fill("25");
  await expect(page.locator("#campaign-term-rush-error")).toHaveText("");

  // Reach: Ann 130,000 × 68% (Stellar) = 88,400; Bo 45,000 × 15% (LoudCrowd) = 6,750.
  const reach = page.getByRole("region", { name: "Reach and impressions (estimates)" });
  const annRow = reach.getByRole("row", { name: /^Ann/ });
  const boRow = reach.getByRole("row", { name: /^Bo/ });
  await expect(annRow).toContainText("88.4K");
  await expect(annRow).toContainText("130K");
  await expect(annRow).toContainText("68% unique viewers (Stellar");
  await expect(boRow).toContainText("45,000 followers × 15% (LoudCrowd");
  await expect(boRow).toContainText("= 6,750");
  // Edit the Instagram assumption: 45,000 × 20% = 9,000 reach; × 1.5 = 13,500 feed impressions.
  await page.getByLabel("Instagram feed reach without data (share of followers) (%)").fill("20");
  await expect(boRow).toContainText("45,000 followers × 20%");
  await expect(boRow).toContainText("9K");
  await expect(boRow).toContainText("13.5K (feed post); 9K (Story)");
  await expect(reach.getByRole("status")).toContainText("about 97.4K people reached and 144K impressions from 2 creators");
  // The CPM-based price of an Instagram creator is on that reach: 9,000 × $5–15 ÷ 1,000, with the terms.
  const bo = pricing.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Bo" }) });
  await expect(bo).toContainText("reach ≈ 45,000 followers × 20%");
  await expect(bo).toContainText("$45.00–$135.00 per post");
  // Actual views entered in tracking stay in their own column; the estimate does not move.
  await page.getByLabel("Posted by", { exact: true }).selectOption({ label: "Ann" });
  await page.getByLabel("Result date").fill(localDate(-1));
  await page.getByLabel("Result views").fill("120K");
  await page.getByRole("button", { name: "Add result" }).click();
  await expect(annRow).toContainText("120K");
  await expect(annRow).toContainText("88.4K");
  await expect(reach.getByRole("status")).toContainText("Actual views entered so far: 120K.");

  await page.setViewportSize({ width: 1280, height: 900 });
  await pricing.screenshot({ path: testInfo.outputPath("pricing-1280.png") });
  await reach.screenshot({ path: testInfo.outputPath("reach-1280.png") });
  await expectNoSeriousA11yViolations(page);

  // Stored, then back after a reload.
  await expect.poll(async () => {
    const [k] = await storedCampaigns(page);
    return k && k.pricing && k.pricing.reach && k.pricing.reach.instagram_reach;
  }).toBe(0.2);
  await expect.poll(async () => (await storedCampaigns(page))[0].results.length).toBe(1);
  const [stored] = await storedCampaigns(page);
  expect(stored.pricing.quotes).toEqual([{ creator_id: "c1", amount: 3000 }]);
  expect(stored.pricing.terms).toEqual([
    { term: "usage-rights", on: true, high_pct: 100 },
    { term: "rush", on: true },
  ]);
  await page.reload();
  await expect(page.getByRole("heading", { level: 3, name: "Price check" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Usage rights" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Rush" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Exclusivity (30 days)" })).not.toBeChecked();
  await expect(page.locator("#campaign-term-usage-rights-high")).toHaveValue("100");
  await expect(page.getByLabel("Quote for Ann (USD per post)")).toHaveValue("3000");
  await expect(page.getByLabel("Instagram feed reach without data (share of followers) (%)")).toHaveValue("20");
  await expect(page.getByRole("region", { name: "Reach and impressions (estimates)" }).getByRole("row", { name: /^Bo/ })).toContainText("9K");
  expect(errors).toEqual([]);
});

test("deliverables: month view, keyboard, overdue warning, list, .ics read back by ical.js, CSV, reload", async ({ page }, testInfo) => {
  // A long journey with four accessibility scans: three times the default bound, for a loaded
  // 2-core machine (a bound on how long conditions may take, not a delay).
  test.slow();
  const errors = await openCampaign(page, "Launch; spring, 2026");
  const calendar = page.getByRole("region", { name: "Deliverables calendar" });
  const late = localDate(-3);
  const soon = localDate(2);
  const later = localDate(40);
  // A note that needs every TEXT escape and, with its accents and emoji, folds across lines.
  const note = "Reel, 30 s; link in bio \\ code ANN10\nThen a Story: « crème brûlée » 💄 with the serum, tagged";

  async function add({ creator, kind, title, date, state, text }) {
    await calendar.getByLabel("Creator").selectOption({ label: creator });
    await calendar.getByLabel("Deliverable", { exact: true }).selectOption({ label: kind });
    await calendar.getByLabel(/^Title/).fill(title || "");
    await calendar.getByLabel("Date", { exact: true }).fill(date);
    await calendar.getByLabel("State", { exact: true }).selectOption({ label: state || "Planned" });
    await calendar.getByLabel("Note (optional)").fill(text || "");
    await calendar.getByRole("button", { name: "Add deliverable" }).click();
  }

  // A custom deliverable needs a title: refused, naming the field.
  await add({ creator: "Whole campaign", kind: "Custom", date: later });
  await expect(calendar.getByRole("alert")).toHaveText("Title: a custom deliverable needs one (e.g. “Unboxing Story”).");
  await add({ creator: "Whole campaign", kind: "Custom", title: "Wrap-up call", date: later });
  await add({ creator: "Bo", kind: "Usage rights end", date: later, state: "Live" });
  await add({ creator: "Ann", kind: "Go live", date: soon, state: "Approved", text: note });
  await add({ creator: "Ann", kind: "Draft due", date: late });

  // Overdue: the draft, 3 days late, warned at the top of the campaign.
  const warning = page.locator(".campaign-overdue");
  await expect(warning).toContainText("1 deliverable overdue");
  await expect(warning).toContainText(`Ann: Draft due was due ${late} (3 days ago) and is still “Planned”; mark it Submitted once it is done, or agree a new date.`);

  // The month view shows the month of the last deliverable added, with the draft on its day.
  const lateCell = page.locator(`#cal-day-${late}`);
  await expect(lateCell).toContainText("Ann: Draft due (overdue)");
  await expect(lateCell).toHaveAttribute("tabindex", "0");
  // Keyboard: the focused day moves with the arrows and across months with Page Down.
  await lateCell.focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.locator(`#cal-day-${localDate(-2)}`)).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(lateCell).toBeFocused();
  const monthLabel = page.locator("#cal-month-label");
  const before = await monthLabel.textContent();
  await page.keyboard.press("PageDown");
  await expect(monthLabel).not.toHaveText(before);
  await page.keyboard.press("PageUp");
  await expect(monthLabel).toHaveText(before);
  // Enter on a day puts it into the form (clicked: Page Up may land on another day when the
  // months differ in length).
  await lateCell.click();
  await expect(lateCell).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(calendar.getByLabel("Date", { exact: true })).toHaveValue(late);
  await page.setViewportSize({ width: 1280, height: 900 });
  await calendar.screenshot({ path: testInfo.outputPath("calendar-month-1280.png") });
  await expectNoSeriousA11yViolations(page);

  // The .ics, twice: same UIDs; each field read back by ical.js.
  async function downloadIcs() {
    const file = page.waitForEvent("download");
    await calendar.getByRole("button", { name: "Download .ics (calendar)" }).click();
    const dl = await file;
    expect(dl.suggestedFilename()).toBe("deliverables-launch--spring--2026.ics");
    return fs.readFileSync(await dl.path());
  }
  const bytes = await downloadIcs();
  const again = await downloadIcs();
  const text = bytes.toString("utf8");

  // Raw form: CRLF only; no physical line over 75 octets; folds never split a UTF-8 sequence.
  expect(text.endsWith("\r\n")).toBe(true);
  expect(text.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
  const physical = [];
  let start = 0;
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
      physical.push(bytes.subarray(start, i));
      start = i + 2;
    }
  }
  const strict = new TextDecoder("utf-8", { fatal: true });
  for (const line of physical) {
    expect(line.length).toBeLessThanOrEqual(75);
    expect(() => strict.decode(line)).not.toThrow();
  }
  expect(physical.some((l) => l[0] === 0x20)).toBe(true);
  // Escaping on the wire: backslash, semicolon, comma and the line break.
  expect(text.replaceAll("\r\n ", "")).toContain("DESCRIPTION:Go live (state: Approved).\\nReel\\, 30 s\\; link in bio \\\\ code ANN10\\nThen a Story");

  const vcalendar = new ICAL.Component(ICAL.parse(text));
  expect(vcalendar.name).toBe("vcalendar");
  expect(vcalendar.getFirstPropertyValue("version")).toBe("2.0");
  expect(vcalendar.getFirstPropertyValue("prodid")).toBe("-//Microscope//Deliverables calendar//EN");
  expect(vcalendar.getFirstPropertyValue("method")).toBe("PUBLISH");
  expect(text).toContain("\r\nX-WR-CALNAME:Launch\\; spring\\, 2026\r\n");
  const events = vcalendar.getAllSubcomponents("vevent");
  expect(events).toHaveLength(4);
  const stored = (await storedCampaigns(page))[0];
  const ids = stored.deliverables.items.map((d) => d.id);
  const nextDay = (iso) => {
    const [y, m, d] = iso.split("-").map(Number);
    const t = new Date(Date.UTC(y, m - 1, d + 1));
    return t.toISOString().slice(0, 10);
  };
  const want = [
    { summary: "Wrap-up call", date: later, description: `Custom (state: Planned).\nCampaign: Launch; spring, 2026`, category: "Custom" },
    { summary: "Bo: Usage rights end", date: later, description: `Usage rights end (state: Live).\nCampaign: Launch; spring, 2026`, category: "Usage rights end" },
    { summary: "Ann: Go live", date: soon, description: `Go live (state: Approved).\n${note}\nCampaign: Launch; spring, 2026`, category: "Go live" },
    { summary: "Ann: Draft due", date: late, description: `Draft due (state: Planned).\nCampaign: Launch; spring, 2026`, category: "Draft due" },
  ];
  events.forEach((vevent, i) => {
    const event = new ICAL.Event(vevent);
    expect(event.uid).toBe(`${ids[i]}.${stored.id}@microscope.invalid`);
    expect(event.summary).toBe(want[i].summary);
    expect(event.description).toBe(want[i].description);
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe(want[i].date);
    expect(event.endDate.isDate).toBe(true);
    expect(event.endDate.toString()).toBe(nextDay(want[i].date));
    const dtstamp = vevent.getFirstPropertyValue("dtstamp");
    expect(dtstamp.isDate).toBe(false);
    expect(dtstamp.zone.tzid).toBe("UTC");
    expect(vevent.getFirstPropertyValue("categories")).toBe(want[i].category);
    expect(vevent.getFirstPropertyValue("transp")).toBe("TRANSPARENT");
    expect(vevent.getFirstProperty("dtstart").type).toBe("date");
    expect(vevent.getFirstProperty("dtend").type).toBe("date");
  });
  // The raw all-day dates as RFC 5545 writes them.
  expect(text).toContain(`DTSTART;VALUE=DATE:${compact(late)}\r\nDTEND;VALUE=DATE:${compact(nextDay(late))}\r\n`);
  const uids = (t) => new ICAL.Component(ICAL.parse(t.toString("utf8"))).getAllSubcomponents("vevent").map((e) => e.getFirstPropertyValue("uid"));
  expect(uids(again)).toEqual(uids(bytes));
  expect(new Set(uids(bytes)).size).toBe(4);

  // CSV: by date, the overdue draft first with its days late.
  const csvFile = page.waitForEvent("download");
  await calendar.getByRole("button", { name: "Download CSV" }).click();
  const csv = fs.readFileSync(await (await csvFile).path(), "utf8");
  const lines = csv.split("\r\n");
  expect(lines[0]).toBe("\ufeffDate,Creator,Deliverable,Kind,State,Overdue (days),Note,Campaign");
  expect(lines[1]).toBe(`${late},Ann,Draft due,Draft due,Planned,3,,"Launch; spring, 2026"`);

  // The list: marking the draft submitted ends the warning.
  await calendar.getByRole("button", { name: "List" }).click();
  const list = calendar.getByRole("table", { name: "Deliverables by date" });
  await expect(list.getByRole("row")).toHaveCount(5);
  await expect(list.getByRole("row").nth(1)).toContainText("overdue 3 days");
  await calendar.screenshot({ path: testInfo.outputPath("calendar-list-1280.png") });
  await expectNoSeriousA11yViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await calendar.getByRole("button", { name: "Month" }).click();
  await expect(lateCell).toContainText("(overdue)");
  await expectNoSeriousA11yViolations(page);
  await page.emulateMedia({ colorScheme: "light" });
  await calendar.getByRole("button", { name: "List" }).click();
  await list.getByLabel(`State of Ann: Draft due on ${late}`).selectOption({ label: "Submitted" });
  await expect(warning).toHaveCount(0);
  await expect(list.getByRole("row").nth(1)).not.toContainText("overdue");

  // Stored, and back after a reload.
  await expect.poll(async () => (await storedCampaigns(page))[0].deliverables.items.find((d) => d.kind === "draft-due").state).toBe("submitted");
  await page.reload();
  await expect(page.getByRole("heading", { level: 3, name: "Launch; spring, 2026" })).toBeVisible();
  await expect(page.locator(".campaign-overdue")).toHaveCount(0);
  await page.getByRole("region", { name: "Deliverables calendar" }).getByRole("button", { name: "List" }).click();
  const reloaded = page.getByRole("table", { name: "Deliverables by date" });
  await expect(reloaded.getByRole("row")).toHaveCount(5);
  await expect(reloaded.getByLabel(`State of Ann: Draft due on ${late}`)).toHaveValue("submitted");
  await expect(reloaded.getByRole("row").filter({ hasText: "Go live" })).toContainText("code ANN10");
  expect(errors).toEqual([]);
});
