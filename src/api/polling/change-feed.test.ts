import { describe, expect, it } from 'vitest'
import {
  changeFeedOptions,
  FEED_HIDDEN_INTERVAL_MS,
  FEED_INTERVAL_MS,
  feedIntervalMs,
  noteChanges,
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

describe('when the feed last brought a change of each kind', () => {
  const cursor = 'e1.7'
  const row = { id: 'b1' } as never

  it('notes the kinds an answer created, changed or deleted rows of', () => {
    const quiet = noteChanges({}, { cursor, warm: ['instances'] }, 1000)
    expect(quiet).toEqual({})
    expect(noteChanges(quiet, { cursor, warm: [], instances: { deleted: ['i1'] } }, 2000)).toEqual({
      instances: 2000,
    })
    expect(
      noteChanges({ instances: 2000 }, { cursor, warm: [], backups: { changed: [row] } }, 3000),
    ).toEqual({ instances: 2000, backups: 3000 })
    // Empty lists are no change.
    expect(noteChanges({}, { cursor, warm: [], instances: { created: [] } }, 4000)).toEqual({})
  })

  it('does not count a reset (every row re-sent) as a change', () => {
    expect(
      noteChanges(
        {},
        { cursor, warm: ['backups'], reset: true, backups: { created: [row] } },
        5000,
      ),
    ).toEqual({})
  })
})
