import { describe, expect, it } from 'vitest'
import { findStuck, quantile, usualDuration } from './stuck'
import type { TransitionRow } from './journal'

describe('stuck detection', () => {
  it('quantiles by nearest rank', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2)
    expect(quantile([1, 2, 3, 4], 0.95)).toBe(4)
    expect(quantile([], 0.5)).toBeNull()
  })

  it('threshold: p95, never below 3x the median nor the floor; too few samples: the floor', () => {
    const samples = Array.from({ length: 20 }, (_, i) => (i + 1) * 1000)
    expect(usualDuration(samples, 0)).toEqual({
      medianMs: 10_000,
      p95Ms: 19_000,
      samples: 20,
      thresholdMs: 30_000,
    })
    expect(usualDuration(samples, 60_000).thresholdMs).toBe(60_000)
    expect(usualDuration([5, 6], 1000)).toEqual({
      medianMs: null,
      p95Ms: null,
      samples: 2,
      thresholdMs: 1000,
    })
  })

  it('flags only watched statuses past their threshold, using this datastore first', () => {
    const now = 1_000_000
    const row = (
      id: string,
      status: string,
      ageMs: number,
      datastore = 'mysql',
    ): TransitionRow => ({
      resourceKind: 'instance',
      resourceId: id,
      resourceName: id,
      region: 'RegionOne',
      projectId: 'p',
      toStatus: status,
      at: now - ageMs,
      datastore,
    })
    const samples = (_k: string, _s: string, ds: string | null) =>
      ds === 'mysql' ? [1000, 1000, 2000] : [50_000, 50_000, 50_000]
    const flags = findStuck(
      [
        row('slow', 'BUILD', 10_000),
        row('fine', 'BUILD', 2_500),
        row('done', 'ACTIVE', 99_000),
        row('pg', 'BUILD', 10_000, 'postgresql'),
      ],
      samples,
      now,
      0,
    )
    expect(flags.map((f) => [f.resourceId, f.medianMs, f.thresholdMs])).toEqual([
      ['slow', 1000, 3000],
    ])
  })
})
