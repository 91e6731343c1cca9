import { describe, expect, it } from 'vitest'
import { freshnessLabel, type FreshnessState } from './freshness-label'

describe('freshnessLabel', () => {
  const now = Date.UTC(2026, 11, 6, 5, 40)
  const readAt = now - 3 * 60_000
  const state = (patch: Partial<FreshnessState>): FreshnessState => ({
    reading: false,
    live: false,
    changedAt: undefined,
    readAt,
    ...patch,
  })
  const label = (patch: Partial<FreshnessState>) => freshnessLabel(state(patch), now, 'UTC')

  it('says "Live", not how long ago the list was read, while the feed keeps it current', () => {
    expect(label({ live: true })).toEqual({ live: true, text: 'Live' })
    expect(label({ live: true }).text).not.toMatch(/ago/)
  })

  it('gives the time of the last change the feed brought since the list was read', () => {
    expect(label({ live: true, changedAt: Date.UTC(2026, 11, 6, 5, 38) }).text).toBe(
      'Live · last change 05:38',
    )
    // A change heard before the last full read is in the read: nothing newer was heard.
    expect(label({ live: true, changedAt: readAt - 1 }).text).toBe('Live')
  })

  it('says how old the read is only while the feed is not live (outage, offline)', () => {
    expect(label({ live: false })).toEqual({ live: false, text: 'Read 3 min ago' })
    expect(label({ live: false, changedAt: now - 1000 }).text).toBe('Read 3 min ago')
  })

  it('says a moving resource is followed, and how old its read is, while not live', () => {
    expect(label({ following: true }).text).toBe('Following changes · read 3 min ago')
    expect(label({ following: true, live: true }).text).toBe('Live')
  })

  it('says "Reading…" during a full read, and never "Live" before the first read', () => {
    expect(label({ reading: true, live: true }).text).toBe('Reading…')
    expect(label({ live: true, readAt: 0 })).toEqual({ live: false, text: 'Not read yet' })
  })
})
