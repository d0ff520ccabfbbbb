// @ts-check
//! Playwright against the release build (dist/) served on 127.0.0.1, in Debian's Chromium.
const { defineConfig } = require("@playwright/test");

const port = Number(process.env.E2E_PORT || 4173);

module.exports = defineConfig({
  testDir: ".",
  testMatch: "*.spec.js",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Tests wait for conditions, never for a guessed delay; these bounds are only how long a
  // condition may take on a busy machine before the test fails (Playwright's 5 s default for an
  // expectation was met by a loaded 2-core machine).
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: "chromium",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `python3 -m http.server ${port} --bind 127.0.0.1 --directory ${process.env.E2E_DIST || "../../dist"}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 20_000,
    stdout: "ignore",
    stderr: "ignore",
  },
});
