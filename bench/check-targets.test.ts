import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { checkTargets, formatTable, valueAt, type Target } from './check-targets'

const target = (over: Partial<Target>): Target => ({
  name: 'first-route JS',
  results: 'first-route-latest.json',
  metric: 'totalGzipKB',
  comparator: '<=',
  target: 150,
  unit: 'KB',
  ...over,
})

describe('checkTargets', () => {
  const files: Record<string, unknown> = {
    'first-route-latest.json': { totalGzipKB: 149.9 },
    'latest.json': { rows: [{ ms: 900 }, { ms: 1200 }], text: 'fast' },
  }
  const read = (f: string) => files[f]

  it('meets and misses by the comparator', () => {
    const [met, missed, strict] = checkTargets(
      [
        target({}),
        target({ comparator: '<', target: 100 }),
        target({ comparator: '>=', target: 149.9 }),
      ],
      read,
    )
    expect(met?.verdict).toBe('met')
    expect(met?.measured).toBe(149.9)
    expect(missed?.verdict).toBe('MISSED')
    expect(strict?.verdict).toBe('met')
  })

  it('reads array indexes in the metric path', () => {
    const [first, second] = checkTargets(
      [
        target({ results: 'latest.json', metric: 'rows.0.ms', comparator: '<', target: 1000 }),
        target({ results: 'latest.json', metric: 'rows.1.ms', comparator: '<', target: 1000 }),
      ],
      read,
    )
    expect(first?.verdict).toBe('met')
    expect(second?.verdict).toBe('MISSED')
    expect(valueAt(files['latest.json'], 'rows.2.ms')).toBeUndefined()
  })

  it('gives NO RESULT for a missing file, a missing figure and a figure that is not a number', () => {
    const checked = checkTargets(
      [
        target({ results: 'none.json' }),
        target({ results: 'latest.json', metric: 'rows.5.ms' }),
        target({ results: 'latest.json', metric: 'text' }),
      ],
      read,
    )
    expect(checked.map((c) => c.verdict)).toEqual(['NO RESULT', 'NO RESULT', 'NO RESULT'])
    expect(checked.map((c) => c.note)).toEqual([
      'no none.json',
      'rows.5.ms missing',
      'text not a number',
    ])
  })

  it('prints one row per target and the count', () => {
    const table = formatTable(
      checkTargets([target({}), target({ comparator: '<', target: 100 })], read),
    )
    expect(table).toMatch(/first-route JS +\| 149\.9 KB +\| <= 150 KB +\| met/)
    expect(table).toMatch(/\| < 100 KB +\| MISSED/)
    expect(table.trim().endsWith('1 met, 1 not met')).toBe(true)
  })
})

describe('npm run bench:check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-check-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  writeFileSync(join(dir, 'targets.json'), JSON.stringify({ targets: [target({})] }))
  const run = (figure: number) => {
    writeFileSync(join(dir, 'first-route-latest.json'), JSON.stringify({ totalGzipKB: figure }))
    return spawnSync(process.execPath, ['--import', 'tsx', 'bench/check.ts'], {
      env: { ...process.env, BENCH_RESULTS_DIR: dir, BENCH_TARGETS: join(dir, 'targets.json') },
      encoding: 'utf8',
    })
  }

  it('exits 0 when every target is met and 1 when one is missed', () => {
    const ok = run(140)
    expect(ok.status).toBe(0)
    expect(ok.stdout).toContain('1 met, 0 not met')
    const missed = run(151)
    expect(missed.status).toBe(1)
    expect(missed.stdout).toMatch(/151 KB .*MISSED/)
  })
})
