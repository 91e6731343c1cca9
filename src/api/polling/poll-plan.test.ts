import { describe, expect, it } from 'vitest'
import {
  dueIds,
  forgetIds,
  nextReadAt,
  nextRoundMs,
  NO_ENTRIES,
  recordFailures,
  recordSightings,
  type PollEntries,
} from './poll-plan'

const base = 1000

describe('recordSightings', () => {
  it('follows moving resources, restarts the clock on a new state, drops settled ones', () => {
    let e = recordSightings(
      NO_ENTRIES,
      [
        { id: 'a', state: 'BUILD/' },
        { id: 'b', state: null },
      ],
      0,
    )
    expect(e).toEqual({ a: { state: 'BUILD/', since: 0, readAt: 0 } })
    e = recordSightings(e, [{ id: 'a', state: 'BUILD/' }], 5000)
    expect(e.a).toEqual({ state: 'BUILD/', since: 0, readAt: 5000 })
    e = recordSightings(e, [{ id: 'a', state: 'ACTIVE/' }], 6000)
    expect(e.a).toEqual({ state: 'ACTIVE/', since: 6000, readAt: 6000 })
    e = recordSightings(e, [{ id: 'a', state: null }], 7000)
    expect(e).toEqual({})
  })

  it('returns the same object when nothing changed (no needless cache writes)', () => {
    const e = recordSightings(NO_ENTRIES, [{ id: 'a', state: 'BUILD/' }], 1000)
    expect(recordSightings(e, [{ id: 'a', state: 'BUILD/' }], 1000)).toBe(e)
    expect(recordSightings(e, [{ id: 'x', state: null }], 2000)).toBe(e)
    expect(forgetIds(e, ['x'])).toBe(e)
    expect(forgetIds(e, ['a'])).toEqual({})
  })
})

describe('dueIds and nextRoundMs', () => {
  const entries: PollEntries = {
    // Just started: read every second.
    fresh: { state: 'BUILD/', since: 100_000, readAt: 100_000 },
    // Moving for 70 s when last read: every 4 s.
    slow: { state: 'RESIZE/', since: 30_000, readAt: 100_000 },
  }

  it('reads each resource once per its own interval, the most overdue first', () => {
    expect(nextReadAt(entries.fresh!, base)).toBe(101_000)
    expect(nextReadAt(entries.slow!, base)).toBe(104_000)
    expect(dueIds(entries, 100_500, base)).toEqual([])
    expect(dueIds(entries, 101_000, base)).toEqual(['fresh'])
    // A timer firing a few ms early still counts.
    expect(dueIds(entries, 100_990, base)).toEqual(['fresh'])
    expect(dueIds(entries, 104_000, base)).toEqual(['fresh', 'slow'])
    expect(dueIds(entries, 104_000, base, { max: 1 })).toEqual(['fresh'])
  })

  it('does not read what nobody shows', () => {
    expect(dueIds(entries, 104_000, base, { shown: (id) => id === 'slow' })).toEqual(['slow'])
  })

  it('waits until the next read is due; never spins; stops when nothing moves', () => {
    expect(nextRoundMs(NO_ENTRIES, 0, base)).toBe(false)
    expect(nextRoundMs(entries, 100_000, base)).toBe(1000)
    expect(nextRoundMs(entries, 100_400, base)).toBe(600)
    // Overdue: the floor, not 0 (a failed round cannot loop).
    expect(nextRoundMs(entries, 200_000, base)).toBe(100)
    // Only the slow one shown: its own time; the hidden one is looked at every base interval.
    expect(nextRoundMs({ slow: entries.slow! }, 100_000, base)).toBe(4000)
    expect(nextRoundMs(entries, 100_000, base, (id) => id === 'slow')).toBe(1000)
    expect(nextRoundMs({ slow: entries.slow! }, 100_000, base, () => false)).toBe(1000)
  })
})

describe('recordFailures', () => {
  it('waits twice as long after each failed read, and forgets the failures on a good read', () => {
    let e: PollEntries = { a: { state: 'BUILD/', since: 0, readAt: 0 } }
    const waits: number[] = []
    for (let n = 0; n < 5; n++) {
      const at = e.a!.readAt + 1
      e = recordFailures(e, ['a', 'unknown'], at)
      waits.push(nextReadAt(e.a!, base) - e.a!.readAt)
    }
    expect(waits).toEqual([2000, 4000, 8000, 15_000, 15_000])
    e = recordSightings(e, [{ id: 'a', state: 'BUILD/' }], e.a!.readAt + 1)
    expect(e.a!.failures).toBeUndefined()
    expect(nextReadAt(e.a!, base) - e.a!.readAt).toBe(1000)
  })
})
