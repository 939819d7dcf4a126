// Browser tests run in the system Chromium (Debian's); Playwright never downloads a browser.
import { defineConfig, devices } from '@playwright/test';

// Not 5173, so a developer's own dev server can keep running; E2E_PORT lets two checkouts test at once.
const port = Number(process.env.E2E_PORT ?? 5174);

export default defineConfig({
  testDir: 'e2e',
  reporter: 'list',
  forbidOnly: !!process.env.CI,
  // A failure is a defect to fix, never retried away.
  retries: 0,
  // Timeouts guard against a hang; they measure nothing. Generous, so that a slow, loaded or
  // single-core machine passes as a fast one does: speed is measured in bench/, not here.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  use: {
    baseURL: `http://localhost:${port}`,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `npx vite --port ${port} --strictPort`,
    url: `http://localhost:${port}`,
    reuseExistingServer: !process.env.CI,
  },
});
