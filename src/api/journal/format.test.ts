import { describe, expect, it } from 'vitest'
import { roughDuration, stuckText } from './format'

describe('journal formatting', () => {
  it('says how long, and how long usually', () => {
    expect(roughDuration(9000)).toBe('9 s')
    expect(roughDuration(42 * 60_000)).toBe('42 min')
    expect(roughDuration(125 * 60_000)).toBe('2 h 5 min')
    expect(stuckText({ status: 'BUILD', forMs: 42 * 60_000, medianMs: 6 * 60_000 })).toBe(
      'BUILD for 42 min (usually 6 min)',
    )
    expect(stuckText({ status: 'NEW', forMs: 700_000, medianMs: null })).toBe('NEW for 12 min')
  })
})
