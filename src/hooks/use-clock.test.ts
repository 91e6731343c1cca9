import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { readClock, subscribeClock } from './use-clock'

describe('the shared clock', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(1_000_000)
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('runs one timer for all its listeners and ticks them together', () => {
    const ticks: string[] = []
    const before = vi.getTimerCount()
    const stops = ['a', 'b', 'c'].map((n) => subscribeClock(5_000, () => ticks.push(n)))
    expect(vi.getTimerCount() - before).toBe(1)
    vi.advanceTimersByTime(5_000)
    expect(ticks).toEqual(['a', 'b', 'c'])
    expect(readClock(5_000)).toBe(1_005_000)
    for (const stop of stops) stop()
    expect(vi.getTimerCount()).toBe(before)
  })
  it('reads the same time until a tick, even when read again later', () => {
    const stop = subscribeClock(7_000, () => undefined)
    const first = readClock(7_000)
    vi.advanceTimersByTime(3_000)
    expect(readClock(7_000)).toBe(first)
    vi.advanceTimersByTime(4_000)
    expect(readClock(7_000)).toBe(first + 7_000)
    stop()
  })
  it('is current again when read after a time with no listener', () => {
    const stop = subscribeClock(9_000, () => undefined)
    const first = readClock(9_000)
    stop()
    vi.advanceTimersByTime(60_000)
    expect(readClock(9_000)).toBe(first + 60_000)
    // Within an interval of that reading it stays put (React compares readings).
    vi.advanceTimersByTime(10)
    expect(readClock(9_000)).toBe(first + 60_000)
  })
})
