import { describe, expect, it } from 'vitest'
import { activitySearchSchema, journalFiltersOf } from './activity-search'

describe('activity search', () => {
  it('keeps valid filters and drops bad ones to their defaults', () => {
    const s = activitySearchSchema.parse({
      kind: 'backup',
      actor: ' demo ',
      status: '4xx',
      from: 'yesterday',
      type: 'nope',
    })
    expect([s.kind, s.actor, s.status, s.from, s.type, s.sort, s.dir]).toEqual([
      'backup',
      'demo',
      '4xx',
      '',
      '',
      'at',
      'desc',
    ])
    expect(activitySearchSchema.parse({ kind: 'planet', status: '<script>' })).toMatchObject({
      kind: '',
      status: '',
    })
  })

  it('sends only the filters that are set, times as ISO', () => {
    const s = activitySearchSchema.parse({ action: 'restart', from: '2026-12-05T09:30' })
    const f = journalFiltersOf(s)
    expect(f.action).toBe('restart')
    expect(f.kind).toBeUndefined()
    expect(f.from).toBe(new Date('2026-12-05T09:30').toISOString())
  })
})
