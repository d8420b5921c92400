import { defineConfig, devices } from "@playwright/test";
import { E2E_URL, e2eServerEnv } from "./tests/e2e/env";

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 7_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT ?? "tmp/reports/e2e.json" }]],
  outputDir: "tmp/e2e-results",
  globalTeardown: "./tests/e2e/teardown.ts",
  use: {
    baseURL: E2E_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } },
    { name: "mobile", use: { ...devices["Pixel 7"], channel: undefined }, grep: /@mobile/ },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${E2E_URL}/healthz`,
    timeout: 60_000,
    reuseExistingServer: false,
    env: { KINDRED_E2E_ENV: JSON.stringify(e2eServerEnv) },
    stdout: "ignore",
    stderr: "pipe",
  },
});
