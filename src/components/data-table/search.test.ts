import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { formatCols, nextSort, parseCols, tableSearchDefaults, tableSearchFields } from './search'

const schema = z.object({ ...tableSearchFields(['name', 'size'] as const, 'name', 'asc') })
const columns = [{ id: 'name', hideable: false }, { id: 'size' }, { id: 'id', defaultHidden: true }]

describe('table search params', () => {
  it('fills defaults and falls back on bad values', () => {
    expect(schema.parse({})).toEqual(tableSearchDefaults('name', 'asc'))
    expect(schema.parse({ sort: 'bogus', dir: 'up', q: 5, cols: ['x'] })).toEqual({
      q: '',
      sort: 'name',
      dir: 'asc',
      cols: '',
    })
    expect(schema.parse({ sort: 'size', dir: 'desc', q: 'db', cols: 'name,id' })).toEqual({
      q: 'db',
      sort: 'size',
      dir: 'desc',
      cols: 'name,id',
    })
  })
  it('flips the direction on the same column and starts ascending on another', () => {
    expect(nextSort({ sort: 'name', dir: 'asc' }, 'name')).toEqual({ sort: 'name', dir: 'desc' })
    expect(nextSort({ sort: 'name', dir: 'desc' }, 'name')).toEqual({ sort: 'name', dir: 'asc' })
    expect(nextSort({ sort: 'name', dir: 'desc' }, 'size')).toEqual({ sort: 'size', dir: 'asc' })
  })
  it('reads visible columns: defaults when empty or unknown, never hides an unhideable one', () => {
    expect([...parseCols('', columns)]).toEqual(['name', 'size'])
    expect([...parseCols('bogus', columns)]).toEqual(['name', 'size'])
    expect([...parseCols('id', columns)].sort()).toEqual(['id', 'name'])
  })
  it('writes visible columns, empty for the default set (stripped from the URL)', () => {
    expect(formatCols(new Set(['name', 'size']), columns)).toBe('')
    expect(formatCols(new Set(['name', 'size', 'id']), columns)).toBe('name,size,id')
    expect(formatCols(new Set(['name']), columns)).toBe('name')
  })
})
