/**
 * `npm run bench:check`: compares the latest bench results (bench/results/) with the targets in
 * bench/targets.json, prints a table and exits 1 when a target is missed or has no result.
 * BENCH_RESULTS_DIR and BENCH_TARGETS point elsewhere (tests, other machines).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkTargets, formatTable, targetsFileSchema } from './check-targets'

const RESULTS_DIR = process.env.BENCH_RESULTS_DIR ?? 'bench/results'
const TARGETS = process.env.BENCH_TARGETS ?? 'bench/targets.json'

const { targets } = targetsFileSchema.parse(JSON.parse(readFileSync(TARGETS, 'utf8')))
const checked = checkTargets(targets, (file) => {
  const path = join(RESULTS_DIR, file)
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as unknown) : undefined
})
console.log(formatTable(checked))
if (checked.some((c) => c.verdict !== 'met')) process.exit(1)
