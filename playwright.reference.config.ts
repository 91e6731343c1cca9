import { defineConfig } from '@playwright/test'
import base from './playwright.config'
import { CLOUD_WIDE_TAG } from './e2e/support/target'

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

const [project] = base.projects ?? []
const CLOUD_WIDE = new RegExp(CLOUD_WIDE_TAG)

export default defineConfig({
  ...base,
  outputDir,
  // Real Trove builds take ~9 s: one worker by default. REFERENCE_WORKERS=2 runs two tests at a
  // time (its fakes' timers run side by side in one eventlet process); not the default until two
  // whole runs pass that way on a machine that is not overloaded. Tests tagged CLOUD_WIDE_TAG
  // change what every project sees (a datastore version, alt's instance quota at 0): they run
  // after all the others, one at a time, however many workers there are.
  workers: Number(process.env.REFERENCE_WORKERS ?? 1),
  // The real Trove's fake guest and task manager share one process: under a loaded CI machine a
  // spec can miss a timing window once. One retry, reported as "flaky" in the output, not hidden.
  retries: 1,
  timeout: 120_000,
  expect: { timeout: 45_000 },
  // The list as it runs, and a JSON report that scripts/playwright-durations.ts sums up (per
  // worker, retries, slowest tests) so a CI log shows where the time went.
  reporter: [['list'], ['json', { outputFile: `${outputDir}/report.json` }]],
  use: { ...base.use, baseURL: `http://127.0.0.1:${PORT}` },
  projects: [
    // The cloud-wide tests are this project's "teardown": they run after all its tests, whether
    // those passed or not, and in full (2 tests) even when a run picks some files or tests.
    { ...project, name: 'reference', grepInvert: CLOUD_WIDE, teardown: 'reference-cloud-wide' },
    { ...project, name: 'reference-cloud-wide', grep: CLOUD_WIDE, workers: 1 },
  ],
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
