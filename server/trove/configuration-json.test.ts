import { describe, expect, it } from 'vitest'
import { RawNumber, parseJsonKeepingFloats, stringifyRaw } from './configuration-json'

describe('parseJsonKeepingFloats', () => {
  it('reports integral numbers written as floats, by path', () => {
    const r = parseJsonKeepingFloats(
      '{"configuration": {"values": {"a": 2.0, "b": 2, "c": 2.5, "d": 1e3, "e": -3.0, "s": "4.0"}}}',
    )
    expect(r.value).toEqual({
      configuration: { values: { a: 2, b: 2, c: 2.5, d: 1000, e: -3, s: '4.0' } },
    })
    expect([...r.integralFloats].sort()).toEqual([
      'configuration/values/a',
      'configuration/values/d',
      'configuration/values/e',
    ])
  })

  it('leaves strings with digits, escapes and arrays alone', () => {
    const r = parseJsonKeepingFloats('{"x": "he said \\"1.0\\"", "y": [1.0, 2], "z": true}')
    expect(r.value).toEqual({ x: 'he said "1.0"', y: [1, 2], z: true })
    expect([...r.integralFloats]).toEqual(['y/0'])
  })

  it('throws on malformed JSON', () => {
    expect(() => parseJsonKeepingFloats('{"a": }')).toThrow()
  })
})

describe('stringifyRaw', () => {
  it('writes RawNumber text verbatim', () => {
    expect(
      stringifyRaw({ a: new RawNumber('2.0'), b: new RawNumber('18446744073709551615'), c: 'x' }),
    ).toBe('{"a":2.0,"b":18446744073709551615,"c":"x"}')
  })
})
