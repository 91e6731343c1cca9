import { diffShapes } from './shape'
import type { StepResult } from './scenario'

export interface KnownDifference {
  step: string
  /** The difference line as compare() prints it (after "step: "). */
  difference: string
  reason: string
}

export interface Comparison {
  passed: string[]
  failures: string[]
  explained: string[]
  staleEntries: KnownDifference[]
}

/** Step-by-step comparison of two runs of the same scenario; known differences are explained. */
export function compare(
  embedded: StepResult[],
  reference: StepResult[],
  known: KnownDifference[],
): Comparison {
  const out: Comparison = { passed: [], failures: [], explained: [], staleEntries: [] }
  const used = new Set<KnownDifference>()
  const n = Math.max(embedded.length, reference.length)
  for (let i = 0; i < n; i++) {
    const e = embedded[i]
    const r = reference[i]
    if (!e || !r || e.step !== r.step) {
      out.failures.push(`step ${i}: the runs diverged (${e?.step ?? '-'} vs ${r?.step ?? '-'})`)
      continue
    }
    const diffs: string[] = []
    if (e.status !== r.status)
      diffs.push(`status ${e.status} on embedded, ${r.status} on reference`)
    else diffs.push(...diffShapes(e.shape, r.shape))
    let failed = false
    for (const d of diffs) {
      const k = known.find((x) => x.step === e.step && x.difference === d)
      if (k) {
        used.add(k)
        out.explained.push(`${e.step}: ${d} (known: ${k.reason})`)
      } else {
        failed = true
        out.failures.push(`${e.step}: ${d}`)
      }
    }
    if (!failed) out.passed.push(e.step)
  }
  out.staleEntries = known.filter((k) => !used.has(k))
  return out
}
