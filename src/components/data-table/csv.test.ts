import { describe, expect, it } from 'vitest'
import type { DataTableColumn } from './columns'
import { csvField, toCsv } from './csv'

describe('csvField', () => {
  it('quotes fields with commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField(undefined)).toBe('')
    expect(csvField(12.5)).toBe('12.5')
  })
  it('neutralises text a spreadsheet would run as a formula, not negative numbers', () => {
    expect(csvField('=1+1')).toBe("'=1+1")
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvField(-3)).toBe('-3')
  })
})

describe('toCsv', () => {
  interface Row {
    name: string
    size?: number
    note: string
  }
  const columns: DataTableColumn<Row>[] = [
    { id: 'name', header: 'Name', cell: (r) => r.name, sortValue: (r) => r.name },
    { id: 'size', header: 'Size (GB)', cell: () => null, sortValue: (r) => r.size },
    { id: 'note', header: 'Note', cell: () => null, csv: (r) => r.note },
  ]
  it('writes the header and one line per row, with the csv value or else the sort value', () => {
    const csv = toCsv(columns, [
      { name: 'db1', size: 2, note: 'hello, world' },
      { name: 'db2', note: '' },
    ])
    expect(csv).toBe('Name,Size (GB),Note\r\ndb1,2,"hello, world"\r\ndb2,,\r\n')
  })
  it('writes only the columns it is given (the visible ones)', () => {
    expect(toCsv(columns.slice(0, 1), [{ name: 'x', note: 'n' }])).toBe('Name\r\nx\r\n')
  })
})
