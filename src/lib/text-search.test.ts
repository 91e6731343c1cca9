import { describe, expect, it } from 'vitest'
import { countMatches, highlightParts, matchingLines, textLines } from './text-search'

describe('text search', () => {
  it('splits around matches, case-insensitively', () => {
    expect(highlightParts('a Log b log', 'log')).toEqual(['a ', 'Log', ' b ', 'log', ''])
    expect(highlightParts('abc', '')).toEqual(['abc'])
  })
  it('finds every matching line of the whole text', () => {
    const lines = textLines('ok\nERROR one\nfine\nerror two\n')
    expect(lines).toEqual(['ok', 'ERROR one', 'fine', 'error two'])
    expect(matchingLines(lines, 'error')).toEqual([1, 3])
    expect(matchingLines(lines, '')).toEqual([])
    expect(matchingLines(lines, 'absent')).toEqual([])
  })
  it('counts occurrences', () => {
    expect(countMatches('aaa', 'aa')).toBe(1)
    expect(countMatches('Error error ERROR', 'error')).toBe(3)
    expect(countMatches('x', '')).toBe(0)
    expect(textLines('')).toEqual([])
  })
})
