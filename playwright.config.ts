import { defineConfig, devices } from '@playwright/test';

// E2E against `next build && next start` (through npm start's script) on a fresh embedded database.
const PORT = Number(process.env.E2E_PORT || 3100);
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR || '.data-e2e';
const baseURL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: `test-results/e2e-${PORT}`,
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'setup', testMatch: /global\.setup\.ts/ },
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, dependencies: ['setup'], testIgnore: /global\.setup\.ts/ },
  ],
  webServer: {
    command: `rm -rf ${E2E_DATA_DIR} && npx tsx --conditions=react-server scripts/start.ts`,
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      PGLITE_DATA_DIR: E2E_DATA_DIR,
      MCP_TEST_FIXTURES: '1',
      NEXTAUTH_URL: baseURL,
      LOGIN_MAX_FAILURES_PER_IP: '1000',
      OAUTH_REGISTRATIONS_PER_IP_PER_HOUR: '1000', // every spec registers from 127.0.0.1
      DATABASE_URL: '',
      SEED_DEMO: '1',
      METRICS_TOKEN: 'e2e-metrics-scrape-token',
      // No periodic upstream re-discovery mid-test: specs assert what their own "Discover now" recorded.
      UPSTREAM_HEALTH_INTERVAL_SECONDS: '0',
    },
  },
});
