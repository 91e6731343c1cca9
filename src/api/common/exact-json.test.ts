import { describe, expect, it } from 'vitest'
import { parseJsonExact } from './exact-json'

describe('parseJsonExact', () => {
  it('keeps 2^64-1 and other long integers as their exact text', () => {
    expect(
      parseJsonExact('{"max_size": 18446744073709551615, "min_size": -9223372036854775808}'),
    ).toEqual({
      max_size: '18446744073709551615',
      min_size: '-9223372036854775808',
    })
    expect(parseJsonExact('[1234567890123456]')).toEqual(['1234567890123456'])
  })
  it('reads short integers, fractions and exponents as numbers', () => {
    expect(
      parseJsonExact(
        '{"a": 123456789012345, "b": 0.5, "c": -2, "d": 1e3, "e": 1234567890123456.5}',
      ),
    ).toEqual({
      a: 123456789012345,
      b: 0.5,
      c: -2,
      d: 1000,
      e: Number('1234567890123456.5'),
    })
  })
  it('leaves digits inside strings alone, escapes included', () => {
    expect(
      parseJsonExact('{"s": "18446744073709551615 \\" 99999999999999999", "t": true}'),
    ).toEqual({
      s: '18446744073709551615 " 99999999999999999',
      t: true,
    })
  })
  it('throws on text that is not JSON, as JSON.parse does', () => {
    expect(() => parseJsonExact('<html>')).toThrow()
  })
})
