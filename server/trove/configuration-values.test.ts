import { describe, expect, it } from 'vitest'
import type { ParameterRow } from '../store/configuration-queries'
import { parseRules } from '../seed/parameters-rules'
import { RawNumber } from './configuration-json'
import {
  restartRequiredKeys,
  shownValue,
  shownValues,
  storedText,
  validateValues,
} from './configuration-values'

const p = (name: string, data_type: string, extra: Partial<ParameterRow> = {}): ParameterRow => ({
  id: name,
  datastore_version_id: 'v',
  name,
  data_type,
  min_size: null,
  max_size: null,
  restart_required: 0,
  position: 0,
  deleted: 0,
  ...extra,
})
const target = {
  datastoreName: 'mysql',
  versionName: '5.7',
  parameters: [
    p('max_connections', 'integer', { min_size: '1', max_size: '100000' }),
    p('big', 'integer', { min_size: '0', max_size: '18446744073709551615' }),
    p('long_query_time', 'float', { min_size: '0' }),
    p('flag', 'boolean'),
    p('name', 'string'),
    p('weird', 'list'),
    p('innodb_buffer_pool_size', 'integer', { restart_required: 1 }),
  ],
}
const none = new Set<string>()

describe('validateValues', () => {
  it('stores texts as Trove would', () => {
    expect(
      validateValues(target, {
        values: { max_connections: true, long_query_time: 2.5, flag: false, name: 'x' },
        floatLiterals: none,
      }),
    ).toEqual({ max_connections: '1', long_query_time: '2.5', flag: 'false', name: 'x' })
    expect(
      validateValues(target, {
        values: { long_query_time: 2 },
        floatLiterals: new Set(['long_query_time']),
      }),
    ).toEqual({ long_query_time: '2.0' })
  })

  it('does not range-check booleans sent for integers (Trove 18)', () => {
    expect(() =>
      validateValues(
        { ...target, parameters: [p('x', 'integer', { min_size: '5' })] },
        { values: { x: false }, floatLiterals: none },
      ),
    ).not.toThrow()
  })

  it('an unsupported parameter type is a 400', () => {
    expect(() => validateValues(target, { values: { weird: 'a' }, floatLiterals: none })).toThrow(
      /Invalid or unsupported type/,
    )
  })

  it('checks bounds beyond 2^53 exactly', () => {
    expect(() =>
      validateValues(target, {
        values: { big: Number('18446744073709551615') },
        floatLiterals: none,
      }),
    ).not.toThrow()
  })
})

describe('reading values back', () => {
  it('converts by type', () => {
    expect(shownValue('integer', '42')).toBe(42)
    expect(shownValue('integer', '18446744073709551615')).toEqual(
      new RawNumber('18446744073709551615'),
    )
    expect(shownValue('float', '2.5')).toBe(2.5)
    expect(shownValue('float', '2.0')).toEqual(new RawNumber('2.0'))
    expect(shownValue('boolean', 'false')).toBe(false)
    expect(shownValue('string', 'utf8')).toBe('utf8')
    expect(shownValue(undefined, 'x')).toBe('x')
    expect(storedText('float', 3, false)).toBe('3.0')
  })

  it('sorts keys and names restart-required ones', () => {
    expect(Object.keys(shownValues({ b: '1', a: 'x' }, target.parameters))).toEqual(['a', 'b'])
    expect(
      restartRequiredKeys(['INNODB_BUFFER_POOL_SIZE', 'max_connections'], target.parameters),
    ).toEqual(['INNODB_BUFFER_POOL_SIZE'])
  })
})

describe('parseRules', () => {
  it('keeps big bounds as text', () => {
    const rules = parseRules(
      '{"configuration-parameters": [{"name": "b", "type": "integer", "restart_required": true, "max": 18446744073709551615, "min": 0}]}',
    )
    expect(rules).toEqual([
      { name: 'b', type: 'integer', restart_required: true, min: '0', max: '18446744073709551615' },
    ])
  })
})
