import { describe, expect, it } from 'vitest'
import { diffValues, numericValue, sameValue } from './values-diff'

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
  it('compares across representations', () => {
    expect(sameValue('1G', 1073741824)).toBe(true)
    expect(sameValue('600M', 1073741824)).toBe(false)
    expect(sameValue('InnoDB', 'innodb')).toBe(true)
    expect(sameValue(true, 'ON')).toBe(true)
    expect(sameValue(400, 400)).toBe(true)
  })
})

describe('diffValues', () => {
  it('marks each group value changed, same or added, sorted by name', () => {
    const rows = diffValues(
      { max_connections: 200, innodb_buffer_pool_size: 629145600, autocommit: 0 },
      { max_connections: 400, innodb_buffer_pool_size: '600M', port: 3306 },
    )
    expect(rows).toEqual([
      { name: 'autocommit', value: 0, state: 'added' },
      {
        name: 'innodb_buffer_pool_size',
        value: 629145600,
        defaultValue: '600M',
        state: 'same',
      },
      { name: 'max_connections', value: 200, defaultValue: 400, state: 'changed' },
    ])
  })
  it('matches keys case-insensitively', () => {
    expect(diffValues({ MAX_CONNECTIONS: 400 }, { max_connections: 400 })[0]?.state).toBe('same')
  })
})
