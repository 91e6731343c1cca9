import { defaultParseSearch, defaultStringifySearch } from '@tanstack/react-router'
import { describe, expect, it } from 'vitest'
import { parseSearch, parseSearchValue, stringifySearch } from './url-search-json'

const VALUES = [
  '26b9aeefb3e77b797b411da999e84c1d',
  '0d1e',
  '12',
  '-3',
  '1.5e3',
  '1.',
  '01',
  '-',
  '1 ',
  '1\u00a0',
  ' 12',
  'true',
  'truex',
  'null',
  'nul',
  'false',
  '"quoted"',
  '{"a":1}',
  '{a',
  '[1,2]',
  '[x',
  'demo-db-1',
  'RegionOne',
  '',
  'q with spaces',
]

describe('URL search values', () => {
  it('parse where JSON.parse parses, and fail where it fails', () => {
    for (const v of VALUES) {
      let expected: unknown
      let threw = false
      try {
        expected = JSON.parse(v)
      } catch {
        threw = true
      }
      if (threw) expect(() => parseSearchValue(v), v).toThrow()
      else expect(parseSearchValue(v), v).toEqual(expected)
    }
  })
  it("make the router's default URLs, and read them back the same", () => {
    const search: Record<string, unknown> = { n: 5, flag: true, list: [1, 'a'], obj: { a: 'b' } }
    VALUES.forEach((v, i) => (search[`k${i}`] = v))
    const str = stringifySearch(search)
    expect(str).toBe(defaultStringifySearch(search))
    expect(parseSearch(str)).toEqual(defaultParseSearch(str))
    expect(parseSearch(str)).toEqual(search)
  })
})
