import { describe, expect, it } from 'vitest'
import {
  changeFeedOptions,
  FEED_HIDDEN_INTERVAL_MS,
  FEED_INTERVAL_MS,
  feedIntervalMs,
} from './change-feed'

describe('the change feed while the page is hidden', () => {
  const options = changeFeedOptions({ projectId: 'p1', region: 'RegionOne' })

  it('keeps reading in the background (a wall on a second screen, a tab behind a window)', () => {
    // s5: with `false` a console tab behind Horizon's window showed no change for 120 s.
    expect(options.refetchIntervalInBackground).toBe(true)
    // Shown again: one read at once, whatever the timer says.
    expect(options.refetchOnWindowFocus).toBe('always')
  })

  it('reads five times slower while hidden or while the feed cannot be read', () => {
    expect(feedIntervalMs(true, false)).toBe(FEED_INTERVAL_MS)
    expect(feedIntervalMs(undefined, false)).toBe(FEED_INTERVAL_MS)
    expect(feedIntervalMs(true, true)).toBe(FEED_HIDDEN_INTERVAL_MS)
    expect(feedIntervalMs(false, false)).toBe(FEED_HIDDEN_INTERVAL_MS)
    expect(FEED_HIDDEN_INTERVAL_MS).toBe(FEED_INTERVAL_MS * 5)
  })
})
