import { describe, expect, it } from 'vitest'
import { asText, matches } from './log-text'

const e = {
  time: '2024-06-09T23:22:25.817203Z',
  node: 'pg-1',
  unit: 'postgresql-16',
  message: 'LOG: checkpoint complete',
}

describe('log text', () => {
  it('filters on message, unit and node, case-insensitively', () => {
    expect(matches(e, 'CHECKPOINT')).toBe(true)
    expect(matches(e, 'postgresql')).toBe(true)
    expect(matches(e, 'mysql')).toBe(false)
  })
  it('exports one line per entry', () => {
    expect(asText([e])).toBe(
      '2024-06-09T23:22:25.817203Z pg-1 postgresql-16 LOG: checkpoint complete',
    )
  })
})
