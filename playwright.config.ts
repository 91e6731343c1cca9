import { defineConfig, devices } from '@playwright/test'

/**
 * End-to-end tests drive Debian's Chromium against the real server process (`server/main.ts`, compiled by scripts/e2e-server.mjs)
 * serving the built SPA and the embedded cloud from a real SQLite file. Tasks run 2.5x faster
 * than real time (slow enough to watch BUILD in the UI); a second server with 10-second tokens proves session expiry.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4180)
export const SHORT_TOKEN_PORT = E2E_PORT + 1

const server = (port: number, extra: string) => ({
  command: `node scripts/e2e-server.mjs --port ${port} ${extra}`,
  url: `http://127.0.0.1:${port}/healthz`,
  reuseExistingServer: false,
  timeout: 60_000,
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
})

export default defineConfig({
  testDir: 'e2e',
  outputDir: process.env.E2E_OUTPUT ?? 'test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  // CI shares a 2-core machine with the reference cloud: one retry, reported as "flaky" in the
  // output (a test that fails twice still fails the run). Local runs never retry.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    trace: 'retain-on-failure',
    // axe-core is injected as an inline script, which the console's CSP (rightly) refuses.
    bypassCSP: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: [
    server(E2E_PORT, '--task-speed 0.4'),
    server(SHORT_TOKEN_PORT, '--task-speed 0.1 --token-ttl 10'),
  ],
})
