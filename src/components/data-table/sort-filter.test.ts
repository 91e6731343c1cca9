import { describe, expect, it } from 'vitest'
import type { DataTableColumn } from './columns'
import { cachedRowText, compareValues, filterRows, rowFilterText, sortRows } from './sort-filter'

interface Row {
  id: string
  name: string
  size?: number
  tags?: string[]
}

const rows: Row[] = [
  { id: '1', name: 'db10', size: 5, tags: ['Prod'] },
  { id: '2', name: 'db2', tags: ['staging'] },
  { id: '3', name: 'DB1', size: 20 },
  { id: '4', name: 'cache', size: 5 },
]
const ids = (l: Row[]) => l.map((r) => r.id)
const columns: DataTableColumn<Row>[] = [
  { id: 'name', header: 'Name', cell: (r) => r.name, filterText: (r) => [r.name, r.id] },
  { id: 'tags', header: 'Tags', cell: () => null, filterText: (r) => r.tags?.join(' ') },
  { id: 'size', header: 'Size', cell: () => null, sortValue: (r) => r.size },
]

describe('sortRows', () => {
  it('sorts text naturally and case-insensitively, both ways', () => {
    expect(ids(sortRows(rows, (r) => r.name, 'asc'))).toEqual(['4', '3', '2', '1'])
    expect(ids(sortRows(rows, (r) => r.name, 'desc'))).toEqual(['1', '2', '3', '4'])
  })
  it('puts missing values last in both directions and keeps ties in input order', () => {
    expect(ids(sortRows(rows, (r) => r.size, 'asc'))).toEqual(['1', '4', '3', '2'])
    expect(ids(sortRows(rows, (r) => r.size, 'desc'))).toEqual(['3', '1', '4', '2'])
  })
  it('breaks ties with the given order, whatever the direction', () => {
    const byName = (a: Row, b: Row) => a.name.localeCompare(b.name)
    expect(ids(sortRows(rows, (r) => r.size, 'asc', byName))).toEqual(['4', '1', '3', '2'])
    expect(ids(sortRows(rows, (r) => r.size, 'desc', byName))).toEqual(['3', '4', '1', '2'])
  })
  it('returns a copy and leaves the input alone; no accessor keeps the order', () => {
    const before = [...rows]
    const out = sortRows(rows, undefined, 'desc')
    expect(out).not.toBe(rows)
    expect(ids(out)).toEqual(ids(before))
    expect(rows).toEqual(before)
  })
  it('compares numbers by value', () => {
    expect(compareValues(9, 10)).toBeLessThan(0)
    expect(compareValues(undefined, 1)).toBeGreaterThan(0)
  })
})

describe('filtering', () => {
  it('joins every column’s filter text, lowercased', () => {
    expect(rowFilterText(rows[0] as Row, columns)).toBe('db10\n1\nprod')
  })
  it('matches all words, in any column, case-insensitively, keeping the order', () => {
    const text = cachedRowText(columns)
    expect(ids(filterRows(rows, 'PROD', text))).toEqual(['1'])
    expect(ids(filterRows(rows, 'db staging', text))).toEqual(['2'])
    expect(ids(filterRows(rows, '  ', text))).toEqual(['1', '2', '3', '4'])
    expect(ids(filterRows(rows, 'nothing', text))).toEqual([])
  })
  it('computes each row’s text once across keystrokes', () => {
    let computed = 0
    const counting: DataTableColumn<Row>[] = [
      {
        id: 'name',
        header: 'Name',
        cell: () => null,
        filterText: (r) => {
          computed++
          return r.name
        },
      },
    ]
    const text = cachedRowText(counting)
    filterRows(rows, 'd', text)
    filterRows(rows, 'db', text)
    filterRows(rows, 'db1', text)
    expect(computed).toBe(rows.length)
  })
  it('filters 5,000 rows per keystroke quickly', () => {
    const many = Array.from({ length: 5000 }, (_, n) => ({ id: `i${n}`, name: `db-${n}` }))
    const text = cachedRowText(columns)
    filterRows(many, 'x', text)
    const t = performance.now()
    const out = filterRows(many, 'db-49', text)
    expect(performance.now() - t).toBeLessThan(50)
    expect(out.length).toBe(111)
  })
})
