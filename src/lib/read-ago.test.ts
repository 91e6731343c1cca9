import { describe, expect, it } from 'vitest'
import { formatReadAgo } from './read-ago'

describe('formatReadAgo', () => {
  const now = 1_800_000_000_000
  it.each([
    [now, 'Read just now'],
    [now - 4_999, 'Read just now'],
    [now - 12_400, 'Read 12 s ago'],
    [now - 59_999, 'Read 59 s ago'],
    [now - 60_000, 'Read 1 min ago'],
    [now - 3 * 3_600_000, 'Read 3 h ago'],
    [now - 50 * 3_600_000, 'Read 2 d ago'],
  ])('read at %i says %s', (readAt, label) => {
    expect(formatReadAgo(readAt, now)).toBe(label)
  })

  it('clamps a read time in the future to now', () => {
    expect(formatReadAgo(now + 90_000, now)).toBe('Read just now')
    expect(formatReadAgo(now + 90_000, now)).not.toMatch(/in |-/)
  })

  it('says so before the first read', () => {
    expect(formatReadAgo(0, now)).toBe('Not read yet')
  })
})
