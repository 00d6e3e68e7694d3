// Playwright e2e tests (tests/e2e/*.spec.mjs) against the release build in dist/ (`make e2e` builds it first).
// Each worker serves dist/ itself through tests/e2e/support.mjs, so a test can stop the server (offline) and
// start it again on the same origin. Debian's Chromium is used; Playwright never downloads a browser here.
import { defineConfig } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.mjs',
  outputDir: 'test-results',
  // Two cores: one worker keeps timings (and the wasm start-up) predictable. E2E_WORKERS=2 to try more.
  workers: Number(process.env.E2E_WORKERS || 1),
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
    serviceWorkers: 'allow',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
