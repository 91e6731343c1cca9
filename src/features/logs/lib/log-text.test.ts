import { describe, expect, it } from 'vitest'
import { arrangeLines, asText } from './log-text'

const e = {
  time: '2024-06-09T23:22:25.817203Z',
  node: 'pg-1',
  unit: 'postgresql-16',
  message: 'LOG: checkpoint complete',
}

describe('log text', () => {
  it('shows the tail and the pages newest first, or all of it oldest first', () => {
    const at = (t: string) => ({ ...e, time: t })
    const fresh = [at('5'), at('6')]
    const pages = [at('4'), at('3')]
    expect(arrangeLines(fresh, pages, 'desc').map((x) => x.time)).toEqual(['6', '5', '4', '3'])
    expect(arrangeLines(fresh, pages, 'asc').map((x) => x.time)).toEqual(['3', '4', '5', '6'])
    expect(arrangeLines([], pages, 'asc').map((x) => x.time)).toEqual(['3', '4'])
  })
  it('exports one line per entry', () => {
    expect(asText([e])).toBe(
      '2024-06-09T23:22:25.817203Z pg-1 postgresql-16 LOG: checkpoint complete',
    )
  })
})
