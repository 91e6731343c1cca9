/**
 * Targets that benches must meet (bench/targets.json) and their verdict on the latest results
 * (bench/results/*-latest.json): pure functions, used by `npm run bench:check`.
 */
import { z } from 'zod'

const comparators = ['<', '<=', '>', '>=', '=='] as const
type Comparator = (typeof comparators)[number]

export const targetSchema = z.object({
  /** What is measured, as a reader says it. */
  name: z.string().min(1),
  /** The results file under bench/results/ that holds the figure. */
  results: z.string().regex(/^[\w.-]+\.json$/),
  /** Where the figure is in that file: keys and array indexes joined by dots. */
  metric: z.string().min(1),
  comparator: z.enum(comparators),
  target: z.number(),
  unit: z.string(),
  /** The issue (and point) that set the target. */
  source: z.string().optional(),
})
export type Target = z.infer<typeof targetSchema>

export const targetsFileSchema = z.object({ targets: z.array(targetSchema).min(1) })

export type Verdict = 'met' | 'MISSED' | 'NO RESULT'

export interface Checked {
  target: Target
  measured: number | undefined
  verdict: Verdict
  /** Why there is no figure (file missing, path missing, not a number). */
  note?: string
}

/** The value at a dotted path (`a.b.0.c`) in parsed JSON, or undefined. */
export function valueAt(json: unknown, path: string): unknown {
  let here: unknown = json
  for (const key of path.split('.')) {
    if (Array.isArray(here) && /^\d+$/.test(key)) here = here[Number(key)]
    else if (here !== null && typeof here === 'object' && key in here)
      here = (here as Record<string, unknown>)[key]
    else return undefined
  }
  return here
}

export function compare(measured: number, comparator: Comparator, target: number): boolean {
  switch (comparator) {
    case '<':
      return measured < target
    case '<=':
      return measured <= target
    case '>':
      return measured > target
    case '>=':
      return measured >= target
    case '==':
      return measured === target
  }
}

/**
 * Checks each target against its results file (`read` returns the parsed file, or undefined when
 * there is none). A figure that is missing or not a number is NO RESULT, which fails like a miss.
 */
export function checkTargets(targets: Target[], read: (file: string) => unknown): Checked[] {
  return targets.map((target) => {
    const json = read(target.results)
    if (json === undefined) {
      return { target, measured: undefined, verdict: 'NO RESULT', note: `no ${target.results}` }
    }
    const value = valueAt(json, target.metric)
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return {
        target,
        measured: undefined,
        verdict: 'NO RESULT',
        note: `${target.metric} ${value === undefined ? 'missing' : 'not a number'}`,
      }
    }
    const verdict = compare(value, target.comparator, target.target) ? 'met' : 'MISSED'
    return { target, measured: value, verdict }
  })
}

/** A plain-text table of the verdicts, one line per target, and a closing count. */
export function formatTable(checked: Checked[]): string {
  const rows = checked.map((c) => [
    c.target.name,
    c.measured === undefined ? '—' : `${c.measured} ${c.target.unit}`.trim(),
    `${c.target.comparator} ${c.target.target} ${c.target.unit}`.trim(),
    c.note ? `${c.verdict} (${c.note})` : c.verdict,
    c.target.results,
  ])
  const header = ['target', 'measured', 'must be', 'verdict', 'results']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join(' | ')
      .trimEnd()
  const met = checked.filter((c) => c.verdict === 'met').length
  return [
    line(header),
    widths.map((w) => '-'.repeat(w)).join('-|-'),
    ...rows.map(line),
    '',
    `${met} met, ${checked.length - met} not met`,
  ].join('\n')
}
