import { describe, expect, it } from 'vitest'
import { configurationBodyText } from './values-json'

describe('configurationBodyText', () => {
  it('writes whole numbers of float parameters as 2.0, others unchanged', () => {
    const body = { configuration: { values: { long_query_time: 2, max_connections: 2, x: 2.5 } } }
    expect(configurationBodyText(body, new Set(['long_query_time', 'x']))).toBe(
      '{"configuration":{"values":{"long_query_time":2.0,"max_connections":2,"x":2.5}}}',
    )
    expect(configurationBodyText({ a: -3 }, new Set(['a']))).toBe('{"a":-3.0}')
    expect(configurationBodyText({ a: 'two' }, new Set(['a']))).toBe('{"a":"two"}')
  })
})
