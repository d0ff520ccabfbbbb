//! Leaving a section while a field still has focus (browser Back, a bookmark, a typed #hash) must
//! not break the app. Regression: typing in "Followers" then going Back panicked Microscope (the
//! field's blur arrived after its component was disposed).
const { test, expect } = require("@playwright/test");
const { openApp, sectionHeading } = require("./helpers");

const SECTIONS = ["#check", "#shortlist", "#campaign", "#risks"];
const HEADINGS = { "#check": "Check a creator", "#shortlist": "Shortlist", "#campaign": "Campaign", "#risks": "Risks" };

/** Goes to `hash` and waits until its section has replaced the one shown: the hash change is
 * handled a task later, and a section loads on its first visit, so counting its fields at once
 * could count the previous section's (or none). */
async function goTo(page, hash) {
  await page.evaluate((h) => (location.hash = h), hash);
  await expect(sectionHeading(page, HEADINGS[hash])).toBeVisible();
}

/** Every visible, editable text field of the current section, as locators. */
async function textFields(page) {
  const fields = page.locator(
    "main input:is([type=text], [type=search], [type=number], :not([type])):visible:enabled, main textarea:visible:enabled",
  );
  const n = await fields.count();
  return Array.from({ length: n }, (_, i) => fields.nth(i));
}

test("leaving any section with a focused, edited field keeps the app running", async ({ page }) => {
  const errors = await openApp(page, "#campaign");
  // A campaign, so that its editor's fields are there too.
  await page.getByLabel("New campaign name").fill("Nav test");
  await page.getByRole("button", { name: "Create campaign" }).click();
  let checked = 0;
  const broken = [];
  for (const section of SECTIONS) {
    await goTo(page, section);
    const count = (await textFields(page)).length;
    for (let i = 0; i < count; i++) {
      await goTo(page, section);
      const field = (await textFields(page))[i];
      if (!field) break;
      const id = (await field.getAttribute("id")) || (await field.getAttribute("aria-label")) || `field ${i}`;
      await field.focus();
      await field.pressSequentially("12");
      const element = await field.elementHandle();
      // Focus stays in the field while another section replaces this one.
      const away = SECTIONS.find((s) => s !== section);
      await page.evaluate((h) => (location.hash = h), away);
      // Wait until the field has left the page (its blur, the regression's trigger, has run) or
      // the panic notice shows, then look for the notice.
      await page.waitForFunction((el) => !el.isConnected || !document.getElementById("fatal").hidden, element);
      await element.dispose();
      if (await page.locator("#fatal").isVisible()) {
        broken.push(`${id} in ${section}`);
        await page.reload();
      }
      checked++;
    }
  }
  expect(broken).toEqual([]);
  expect(checked).toBeGreaterThan(20);
  expect(errors).toEqual([]);
});
