import { defineConfig } from '@playwright/test'
import base from './playwright.config'

/**
 * The same Playwright suite against the reference cloud (real Keystone 22 + real Trove 18 from
 * Debian, started by ../shared/reference-cloud/start), through the console's gateway mode.
 * Specs skip what the reference cloud does not offer (one region, one project per user, no
 * DBaaS management API, no short tokens) via e2e/support/target.ts.
 */
const PORT = Number(process.env.REFERENCE_GATEWAY_PORT ?? 4380)
const KEYSTONE = process.env.REFERENCE_KEYSTONE ?? 'http://127.0.0.1:5000/v3'
const staticDir = process.env.E2E_STATIC ?? 'dist'
const outputDir = process.env.E2E_OUTPUT ?? 'test-results/reference'

process.env.E2E_TARGET = 'reference'

export default defineConfig({
  ...base,
  outputDir,
  // Real Trove builds take ~9 s and its fake guest is single-threaded: one worker.
  workers: 1,
  // The real Trove's fake guest and task manager share one process: under a loaded CI machine a
  // spec can miss a timing window once. One retry, reported as "flaky" in the output, not hidden.
  retries: 1,
  timeout: 120_000,
  expect: { timeout: 45_000 },
  // The list as it runs, and a JSON report that scripts/playwright-durations.ts sums up (per
  // worker, retries, slowest tests) so a CI log shows where the time went.
  reporter: [['list'], ['json', { outputFile: `${outputDir}/report.json` }]],
  use: { ...base.use, baseURL: `http://127.0.0.1:${PORT}` },
  webServer: [
    {
      command: `node --import tsx server/main.ts --keystone ${KEYSTONE} --port ${PORT} --static ${staticDir}`,
      url: `http://127.0.0.1:${PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      // The gateway logs every forwarded request on stderr: too chatty for a test run.
      stderr: 'ignore',
    },
  ],
})
