//! End-to-end: the Content-Security-Policy, no request leaving the app's origin, and typed text that
//! looks like markup or a script URL staying text.
const { test, expect } = require("@playwright/test");
const { openApp } = require("./helpers");

const DIRECTIVES = [
  "default-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "manifest-src 'self'",
  "worker-src 'self'",
];

/** Records CSP violations in the page (window.__cspViolations) and any dialog a script opens. */
async function watchPage(page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const dialogs = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  return dialogs;
}

const violations = (page) => page.evaluate(() => window.__cspViolations);

test("touring the app: every request stays on its origin, no console error, no CSP violation", async ({
  page,
  context,
  baseURL,
}) => {
  const origin = new URL(baseURL).origin;
  const requests = [];
  // The context also sees the service worker's own requests (its precache).
  context.on("request", (r) => requests.push(r.url()));
  await watchPage(page);
  const errors = await openApp(page);
  await page.evaluate(() => navigator.serviceWorker.ready);

  const links = page.getByRole("navigation", { name: "Sections" }).getByRole("link");
  const count = await links.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    await links.nth(i).click();
    await expect(links.nth(i)).toHaveAttribute("aria-current", "page");
    await expect(page.locator("main h2").first()).toBeVisible();
  }
  await page.goto("./#check");
  await page.getByLabel("Platform").selectOption({ label: "YouTube" });
  await page.getByLabel("Followers").fill("45K");
  await page.getByText("Tier thresholds").click();
  await expect(page.getByText("Micro: 10,000 to 99,999 subscribers").first()).toBeVisible();
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await page.getByLabel("Followers").fill("1.2M");
  await expect(page.locator(".tier-headline")).toContainText("Mega");

  expect(requests.length).toBeGreaterThan(5);
  expect(requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
  expect(await violations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test("the CSP is the first element of <head>, allows exactly trunk's loader, and is enforced", async ({ page }) => {
  await watchPage(page);
  await openApp(page);
  const meta = await page.evaluate(() => {
    const first = document.head.firstElementChild;
    return { tag: first.tagName, httpEquiv: first.httpEquiv, content: first.content };
  });
  expect(meta.tag).toBe("META");
  expect(meta.httpEquiv).toBe("Content-Security-Policy");
  const directives = meta.content.split(";").map((d) => d.trim());
  for (const d of DIRECTIVES) expect(directives).toContain(d);
  expect(meta.content).not.toMatch(/https?:|wss?:|\*|unsafe-inline|'unsafe-eval'/);

  // The one hash in script-src is the loader's, computed by the browser from the page as served.
  const loaderHashes = await page.evaluate(async () => {
    const inline = [...document.querySelectorAll("script:not([src])")];
    return Promise.all(
      inline.map(async (s) => {
        const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(s.textContent));
        return `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`;
      }),
    );
  });
  expect(loaderHashes).toHaveLength(1);
  const scriptSrc = directives.find((d) => d.startsWith("script-src "));
  expect(scriptSrc).toBe(`script-src 'self' 'wasm-unsafe-eval' ${loaderHashes[0]}`);

  // Enforced: an injected inline script and inline style attribute are refused and reported.
  await page.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.__injected = true;";
    document.body.append(s);
    const p = document.createElement("p");
    p.setAttribute("style", "color: red");
    document.body.append(p);
  });
  expect(await page.evaluate(() => window.__injected)).toBeUndefined();
  await expect.poll(() => violations(page).then((v) => v.map((x) => x.split(" ")[0]).sort())).toEqual([
    "script-src-elem",
    "style-src-attr",
  ]);
});

test("markup and script URLs typed into Followers are shown as text and never run", async ({ page, baseURL }) => {
  const dialogs = await watchPage(page);
  const errors = await openApp(page);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const followers = page.getByLabel("Followers");
  const payloads = [
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    '"><svg onload=alert(1)>',
    "<a href=javascript:alert(1)>click</a>",
  ];
  for (const payload of payloads) {
    await followers.fill(payload);
    await expect(followers).toHaveValue(payload);
    await expect(page.getByRole("alert").filter({ hasText: `“${payload}”` })).toBeVisible();
  }
  // Asserts that nothing was injected: the last payload's message is shown, so its rendering is
  // done; two animation frames later the page has also painted it. No clock is guessed.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  expect(await page.locator('img[src="x"], [onerror], [onload], a[href^="javascript:" i]').count()).toBe(0);
  await expect(page.getByRole("link", { name: "click" })).toHaveCount(0);
  expect(dialogs).toEqual([]);
  expect(requests.filter((u) => u.startsWith(`${baseURL}x`))).toEqual([]);
  // Nothing was injected that only the CSP stopped: no violation at all.
  expect(await violations(page)).toEqual([]);
  expect(errors).toEqual([]);
});
