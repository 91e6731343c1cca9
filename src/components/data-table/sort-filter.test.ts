import { describe, expect, it } from 'vitest'
import type { DataTableColumn } from './columns'
import {
  cachedRowText,
  compareValues,
  createRowFilter,
  filterRows,
  rowFilterText,
  sortRows,
} from './sort-filter'

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

describe('createRowFilter', () => {
  const many = Array.from({ length: 2000 }, (_, n) => ({
    id: `i${n}`,
    name: `db-${n}`,
    tags: n % 3 === 0 ? ['prod'] : ['staging'],
  }))
  /** The row text, counting how often a row is looked at. */
  const counted = () => {
    const text = cachedRowText(columns)
    const seen = { n: 0 }
    return { seen, text: (r: Row) => (seen.n++, text(r)) }
  }

  it('gives what filterRows gives, whatever was typed before', () => {
    const { text } = counted()
    const filter = createRowFilter(many, text)
    const typed = [
      'd',
      'db',
      'db-1',
      'db-12',
      'db-1',
      'db-1 prod',
      'db-1 pro',
      'PROD db-19',
      'x',
      '',
      '  db-2 ',
      'staging 7',
      'b-2',
    ]
    for (const q of typed) expect(ids([...filter(q)]), q).toEqual(ids(filterRows(many, q, text)))
  })
  it('filters the previous rows when the text narrows, not the whole list', () => {
    const { seen, text } = counted()
    const filter = createRowFilter(many, text)
    const db1 = filter('db-1')
    expect(seen.n).toBe(many.length)
    seen.n = 0
    const db12 = filter('db-12')
    expect(seen.n).toBe(db1.length)
    seen.n = 0
    filter('db-12 prod')
    expect(seen.n).toBe(db12.length)
  })
  it('returns the rows of a text typed before (Backspace) without looking at a row', () => {
    const { seen, text } = counted()
    const filter = createRowFilter(many, text)
    const db1 = filter('db-1')
    filter('db-12')
    seen.n = 0
    expect(filter('db-1')).toBe(db1)
    expect(filter(' DB-1 ')).toBe(db1)
    expect(seen.n).toBe(0)
  })
  it('does not narrow from a text the new one does not contain', () => {
    const { text } = counted()
    const filter = createRowFilter(many, text)
    filter('db-12')
    // "db-2" is not inside "db-12": its rows are not a subset of db-12's.
    expect(filter('db-2').length).toBe(filterRows(many, 'db-2', text).length)
    expect(filter('b-2').length).toBe(filterRows(many, 'b-2', text).length)
  })
  it('keeps the list itself for an empty text', () => {
    const filter = createRowFilter(many, counted().text)
    expect(filter('  ')).toBe(many)
  })
})
