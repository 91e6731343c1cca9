import { describe, expect, it } from 'vitest'
import { diffValues, numericValue, parameterTypes, sameValue } from './values-diff'

describe('numericValue / sameValue', () => {
  it('reads sizes with suffixes as bytes, on/off as 1/0', () => {
    expect(numericValue('600M')).toBe(600 * 1024 * 1024)
    expect(numericValue('4096K')).toBe(4096 * 1024)
    expect(numericValue('1G')).toBe(1024 ** 3)
    expect(numericValue('128MB')).toBe(128 * 1024 ** 2)
    expect(numericValue(42)).toBe(42)
    expect(numericValue('ON')).toBe(1)
    expect(numericValue('innodb')).toBeUndefined()
    expect(numericValue(null)).toBeUndefined()
  })
  it('reads a value as its parameter type says', () => {
    expect(numericValue('600M', 'integer')).toBe(629145600)
    expect(numericValue('600M', 'string')).toBeUndefined()
    expect(numericValue('ON', 'integer')).toBeUndefined()
    expect(numericValue('OFF', 'boolean')).toBe(0)
    expect(numericValue(true, 'boolean')).toBe(1)
  })
  it('compares across representations', () => {
    expect(sameValue('1G', 1073741824)).toBe(true)
    expect(sameValue('600M', 629145600, 'integer')).toBe(true)
    expect(sameValue('600M', 268435456, 'integer')).toBe(false)
    expect(sameValue('600M', '629145600', 'string')).toBe(false)
    expect(sameValue('InnoDB', 'innodb', 'string')).toBe(true)
    expect(sameValue(true, 'ON', 'boolean')).toBe(true)
    expect(sameValue(400, 400)).toBe(true)
  })
})

describe('diffValues', () => {
  const types = parameterTypes([
    { name: 'innodb_buffer_pool_size', type: 'integer' },
    { name: 'max_connections', type: 'integer' },
    { name: 'autocommit', type: 'boolean' },
  ])
  it('marks each group value changed, same or added, sorted by name', () => {
    const rows = diffValues(
      { max_connections: 200, innodb_buffer_pool_size: 629145600, autocommit: 0 },
      { max_connections: 400, innodb_buffer_pool_size: '600M', port: 3306 },
      types,
    )
    expect(rows).toEqual([
      { name: 'autocommit', value: 0, state: 'added' },
      {
        name: 'innodb_buffer_pool_size',
        value: 629145600,
        defaultValue: '600M',
        defaultAs: '629145600',
        state: 'same',
      },
      { name: 'max_connections', value: 200, defaultValue: 400, state: 'changed' },
    ])
  })
  it('tells 600M from 268435456 and says what 600M is in bytes', () => {
    const [row] = diffValues(
      { innodb_buffer_pool_size: 268435456 },
      { innodb_buffer_pool_size: '600M' },
      types,
    )
    expect(row?.state).toBe('changed')
    expect(row?.defaultAs).toBe('629145600')
  })
  it('matches keys case-insensitively', () => {
    expect(diffValues({ MAX_CONNECTIONS: 400 }, { max_connections: 400 })[0]?.state).toBe('same')
  })
})
