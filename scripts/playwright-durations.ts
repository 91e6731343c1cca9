/**
 * Where a Playwright run's time went, from its JSON report (the reporter `json`): the run's wall
 * time, each worker's busy time and when it ran out of tests, the time spent in retries, and the
 * slowest attempts. test:reference prints it after the suite so a CI log shows what to speed up.
 *   npx tsx scripts/playwright-durations.ts test-results/reference.json
 */
import { readFileSync } from 'node:fs'
import { z } from 'zod'

const result = z.object({
  parallelIndex: z.number(),
  status: z.string().optional(),
  duration: z.number(),
  retry: z.number(),
  startTime: z.string(),
})
const spec = z.object({
  title: z.string(),
  file: z.string(),
  line: z.number(),
  tests: z.array(z.object({ results: z.array(result) })),
})
interface Suite {
  specs: z.infer<typeof spec>[]
  suites?: Suite[] | undefined
}
const suite: z.ZodType<Suite> = z.lazy(() =>
  z.object({ specs: z.array(spec), suites: z.array(suite).optional() }),
)
const report = z.object({
  suites: z.array(suite),
  stats: z.object({
    startTime: z.string(),
    duration: z.number(),
    expected: z.number(),
    unexpected: z.number(),
    flaky: z.number(),
    skipped: z.number(),
  }),
})

interface Attempt {
  name: string
  worker: number
  retry: number
  status: string
  start: number
  seconds: number
}

function attempts(suites: readonly Suite[]): Attempt[] {
  return suites.flatMap((s) => [
    ...s.specs.flatMap((sp) =>
      sp.tests.flatMap((t) =>
        t.results
          // A skipped test has one result of status "skipped" and no time worth listing.
          .filter((r) => r.status !== 'skipped')
          .map((r) => ({
            name: `${sp.file}:${sp.line} ${sp.title}`,
            worker: r.parallelIndex,
            retry: r.retry,
            status: r.status ?? 'unknown',
            start: Date.parse(r.startTime),
            seconds: r.duration / 1000,
          })),
      ),
    ),
    ...attempts(s.suites ?? []),
  ])
}

const file = process.argv[2]
if (!file) {
  console.error('usage: tsx scripts/playwright-durations.ts <report.json>')
  process.exit(2)
}
const { suites, stats } = report.parse(JSON.parse(readFileSync(file, 'utf8')))
const runStart = Date.parse(stats.startTime)
const all = attempts(suites)
const s = (n: number) => `${n.toFixed(1)} s`

console.log(
  `run: ${s(stats.duration / 1000)} wall; ${stats.expected} passed, ${stats.flaky} flaky, ` +
    `${stats.unexpected} failed, ${stats.skipped} skipped`,
)
const workers = [...new Set(all.map((a) => a.worker))].sort((a, b) => a - b)
for (const w of workers) {
  const mine = all.filter((a) => a.worker === w)
  const busy = mine.reduce((sum, a) => sum + a.seconds, 0)
  const lastEnd = Math.max(...mine.map((a) => a.start + a.seconds * 1000)) - runStart
  console.log(
    `worker ${w}: ${mine.length} attempts, busy ${s(busy)}, last test ended at ${s(lastEnd / 1000)}`,
  )
}
const retries = all.filter((a) => a.retry > 0)
console.log(
  `retries: ${retries.length} attempts, ${s(retries.reduce((sum, a) => sum + a.seconds, 0))}`,
)
console.log('slowest attempts:')
for (const a of [...all].sort((x, y) => y.seconds - x.seconds).slice(0, 12)) {
  const retry = a.retry > 0 ? ` (retry ${a.retry})` : ''
  console.log(`  ${s(a.seconds).padStart(8)}  ${a.status.padEnd(8)} ${a.name}${retry}`)
}
