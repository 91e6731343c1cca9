import { describe, expect, it } from 'vitest'
import type { GuestLog } from '@/api/logs/schemas'
import { sortRows } from '@/components/data-table/sort-filter'
import { logFileName, logHaystack, logSortValue } from './guest-log-list'

const log = (name: string, type: string, published: number, pending: number): GuestLog => ({
  name,
  type,
  status: 'Ready',
  published,
  pending,
})
const general = log('general', 'USER', 2048, 10)
const error = log('error', 'SYS', 0, 4096)
const slow = log('slow_query', 'USER', 512, 0)

describe('guest logs table accessors', () => {
  it('sorts sizes as numbers, not as text', () => {
    const byPending = sortRows([general, error, slow], (l) => logSortValue(l, 'pending'), 'desc')
    expect(byPending.map((l) => l.name)).toEqual(['error', 'general', 'slow_query'])
    const byPublished = sortRows([general, error, slow], (l) => logSortValue(l, 'published'), 'asc')
    expect(byPublished.map((l) => l.name)).toEqual(['error', 'slow_query', 'general'])
  })

  it('filters on name, type and status', () => {
    expect(logHaystack(error)).toEqual(['error', 'SYS', 'Ready'])
  })
})

describe('logFileName', () => {
  it('names the file after the instance and the log, without unsafe characters', () => {
    expect(logFileName('orders-db', 'general')).toBe('orders-db-general.log')
    expect(logFileName('a b/c', 'slow query')).toBe('a_b_c-slow_query.log')
  })
})
