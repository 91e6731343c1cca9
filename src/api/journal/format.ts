import type { JournalEntry, StuckFlag } from './schemas'

/** "42 min", "6 s", "2 h 5 min": a duration rounded as stuck flags say it (lib/format's formatDuration is exact: "1m 15s"). */
export function roughDuration(ms: number): string {
  const s = Math.round(ms / 1000)
  if (s < 60) return `${s} s`
  const m = Math.round(s / 60)
  if (m < 60) return `${m} min`
  const h = Math.floor(m / 60)
  const rest = m % 60
  return rest ? `${h} h ${rest} min` : `${h} h`
}

/** "BUILD for 42 min (usually 6 min)". */
export function stuckText(f: Pick<StuckFlag, 'status' | 'forMs' | 'medianMs'>): string {
  const usual = f.medianMs === null ? '' : ` (usually ${roughDuration(f.medianMs)})`
  return `${f.status} for ${roughDuration(f.forMs)}${usual}`
}

/** One line saying what an entry records: "restart → 202", "BUILD → ACTIVE after 9 s". */
export function entryOutcome(e: JournalEntry): string {
  if (e.kind === 'transition') {
    const after = e.previousMs === null ? '' : ` after ${roughDuration(e.previousMs)}`
    return `${e.fromStatus ?? 'new'} → ${e.toStatus ?? '?'}${after}`
  }
  return e.status === null ? '' : String(e.status)
}
