import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${port}`;

/** E2E in Debian's Chromium against the built app (`npm start`) on a fresh PostgreSQL database. */
export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: '.test-report/playwright.json' }]],
  outputDir: 'test-results',
  use: {
    baseURL,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
  },
  // The specs share one app and database. Those that need the data to stay still (the inbox compares what it shows
  // with the database) run after the others; the database outage runs last, alone.
  projects: [
    { name: 'app', testIgnore: ['inbox.spec.ts', 'outage.spec.ts'] },
    { name: 'inbox', testMatch: 'inbox.spec.ts', dependencies: ['app'] },
    { name: 'outage', testMatch: 'outage.spec.ts', dependencies: ['inbox'] },
  ],
  webServer: {
    command: 'node_modules/.bin/tsx scripts/e2e-server.ts',
    url: `${baseURL}/api/health`,
    timeout: 900_000, // the first run builds the app: minutes on 2 cores, more when the machine is busy
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    env: { PORT: String(port), E2E_DATABASE: process.env.E2E_DATABASE ?? 'klachtloket_e2e' },
  },
});
