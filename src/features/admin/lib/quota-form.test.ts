import { describe, expect, it } from 'vitest'
import { changedQuotas, quotaDefaults, quotaFormSchema, quotasBelowUsage } from './quota-form'

const rows = [
  { resource: 'instances', in_use: 1, reserved: 0, limit: 10 },
  { resource: 'ram', in_use: 2048, reserved: 0, limit: -1 },
]

describe('quota form', () => {
  it('accepts -1 and whole numbers, refuses below -1 and non-numbers', () => {
    const bad = quotaFormSchema.safeParse({ limits: { instances: '-5', ram: 'x' } })
    expect(bad.error?.issues.map((i) => i.message)).toEqual([
      'The limit must be at least -1 (unlimited).',
      'Enter a whole number (-1 for unlimited).',
    ])
    expect(quotaFormSchema.safeParse({ limits: { instances: '-1' } }).success).toBe(true)
  })

  it('sends only what changed', () => {
    const f = quotaDefaults(rows)
    expect(changedQuotas(rows, f)).toEqual({})
    expect(changedQuotas(rows, { limits: { ...f.limits, instances: '3' } })).toEqual({
      instances: 3,
    })
  })

  it('names the limits set below current usage, never unlimited or equal ones', () => {
    const used = [
      { resource: 'instances', in_use: 5, reserved: 0, limit: 10 },
      { resource: 'ram', in_use: 2048, reserved: 0, limit: -1 },
      { resource: 'backups', in_use: 3, reserved: 0, limit: 50 },
    ]
    expect(quotasBelowUsage(used, { instances: 2, ram: -1, backups: 3 })).toEqual([
      { resource: 'instances', limit: 2, inUse: 5 },
    ])
    expect(quotasBelowUsage(used, { ram: 1024 })).toEqual([
      { resource: 'ram', limit: 1024, inUse: 2048 },
    ])
    expect(quotasBelowUsage(used, {})).toEqual([])
  })
})
