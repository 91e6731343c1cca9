import { describe, expect, it } from 'vitest'
import type { BackupStrategy } from '@/api/backups/schemas'
import { sortRows } from '@/components/data-table/sort-filter'
import { containerNameSchema, strategySortValue, strategyTarget } from './strategy-list'

const s = (instance_id: string | null, swift_container: string): BackupStrategy => ({
  instance_id,
  swift_container,
  backend: 'swift',
  project_id: 'p',
})

const names = new Map([
  ['11111111-aaaa', 'db-b'],
  ['22222222-bbbb', 'db-a'],
])
const nameOf = (id: string) => names.get(id)

describe('strategy list', () => {
  it('names the target, falling back to the id start', () => {
    expect(strategyTarget(s(null, 'c'), nameOf)).toBe('Whole project')
    expect(strategyTarget(s('11111111-aaaa', 'c'), nameOf)).toBe('Instance db-b')
    expect(strategyTarget(s('99999999-zzzz', 'c'), nameOf)).toBe('Instance 99999999')
  })

  it('sorts the project first, then instances by name', () => {
    const rows = [s('11111111-aaaa', 'x'), s(null, 'y'), s('22222222-bbbb', 'z')]
    const sorted = sortRows(rows, (r) => strategySortValue(r, 'target', nameOf), 'asc')
    expect(sorted.map((r) => r.swift_container)).toEqual(['y', 'z', 'x'])
  })

  it('accepts Swift container names and refuses others', () => {
    expect(containerNameSchema.safeParse(' backups/2026 ').success).toBe(true)
    expect(containerNameSchema.safeParse('').success).toBe(false)
    expect(containerNameSchema.safeParse('has space').success).toBe(false)
  })
})
