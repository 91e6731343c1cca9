import { STUCK_WATCHED_STATUSES, type StuckFlag } from '@/api/journal/schemas'
import type { TransitionRow } from './journal'

/** The q-quantile (0..1) of ascending-sorted values, nearest-rank. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)))
  return sorted[rank - 1] ?? null
}

/** Fewer samples than this: no "usually", only the floor decides. */
export const MIN_SAMPLES = 3

export interface UsualDuration {
  medianMs: number | null
  p95Ms: number | null
  samples: number
  /** Longer than this is stuck: the p95, but never less than 3x the median nor the floor. */
  thresholdMs: number
}

export function usualDuration(samples: readonly number[], floorMs: number): UsualDuration {
  const sorted = [...samples].sort((a, b) => a - b)
  if (sorted.length < MIN_SAMPLES) {
    return { medianMs: null, p95Ms: null, samples: sorted.length, thresholdMs: floorMs }
  }
  const medianMs = quantile(sorted, 0.5) ?? 0
  const p95Ms = quantile(sorted, 0.95) ?? 0
  return {
    medianMs,
    p95Ms,
    samples: sorted.length,
    thresholdMs: Math.max(p95Ms, 3 * medianMs, floorMs),
  }
}

export function isWatched(
  kind: string,
  status: string,
): kind is keyof typeof STUCK_WATCHED_STATUSES {
  return (
    kind in STUCK_WATCHED_STATUSES &&
    (STUCK_WATCHED_STATUSES[kind as keyof typeof STUCK_WATCHED_STATUSES] ?? []).includes(status)
  )
}

/**
 * Which resources are stuck: each one's latest transition put it in a watched (transitional)
 * status longer ago than the usual time for its (kind, status, datastore), falling back to every
 * datastore's samples when this one has too few.
 */
export function findStuck(
  latest: readonly TransitionRow[],
  samplesFor: (kind: string, status: string, datastore: string | null) => readonly number[],
  now: number,
  floorMs: number,
): StuckFlag[] {
  const out: StuckFlag[] = []
  for (const t of latest) {
    if (!isWatched(t.resourceKind, t.toStatus)) continue
    const forMs = now - t.at
    if (forMs <= floorMs) continue
    let samples = samplesFor(t.resourceKind, t.toStatus, t.datastore)
    if (samples.length < MIN_SAMPLES) samples = samplesFor(t.resourceKind, t.toStatus, null)
    const usual = usualDuration(samples, floorMs)
    if (forMs <= usual.thresholdMs) continue
    out.push({
      resourceKind: t.resourceKind,
      resourceId: t.resourceId,
      resourceName: t.resourceName,
      region: t.region,
      projectId: t.projectId,
      status: t.toStatus,
      datastore: t.datastore,
      since: new Date(t.at).toISOString(),
      forMs,
      medianMs: usual.medianMs,
      p95Ms: usual.p95Ms,
      thresholdMs: usual.thresholdMs,
      samples: usual.samples,
    })
  }
  return out.sort((a, b) => b.forMs - a.forMs)
}
