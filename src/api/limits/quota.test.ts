import { describe, expect, it } from 'vitest'
import type { Backup } from '../backups/schemas'
import type { Flavor } from '../flavors/schemas'
import type { Instance } from '../instances/schemas'
import { describeExcess, quotaExcesses, quotaLines, quotaUsage } from './quota'
import { limitsResponseSchema, splitLimits } from './schemas'

const inst = (flavor: string | number, size?: number) =>
  ({
    id: `i${Math.random()}`,
    name: 'x',
    status: 'ACTIVE',
    flavor: { id: flavor },
    ...(size !== undefined ? { volume: { size } } : {}),
  }) as unknown as Instance
const flavors = [
  { id: 2, str_id: '2', name: 'm1.small', ram: 2048 },
  { id: 'big', name: 'big', ram: 8192 },
] as unknown as Flavor[]
const backups = [{ id: 'b1' }, { id: 'b2' }] as unknown as Backup[]
const limits = {
  verb: 'ABSOLUTE' as const,
  max_instances: 3,
  max_ram: -1,
  max_backups: 2,
  max_volumes: 10,
}

describe('quota usage', () => {
  it('counts instances, RAM from flavors (number or string ids), volume GB and backups', () => {
    const usage = quotaUsage([inst('2', 4), inst('big', 5), inst('unknown')], backups, flavors)
    expect(usage).toEqual({ instances: 3, ram: 10240, volumes: 9, backups: 2 })
  })

  it('lines: fraction of the limit; unlimited (-1 or absent) has none; 0 limit is full', () => {
    const lines = quotaLines(
      { instances: 3, ram: 10240, volumes: 5, backups: 0 },
      {
        ...limits,
        max_backups: 0,
      },
    )
    expect(lines.map((l) => [l.resource, l.used, l.limit, l.fraction])).toEqual([
      ['instances', 3, 3, 1],
      ['ram', 10240, -1, undefined],
      ['volumes', 5, 10, 0.5],
      ['backups', 0, 0, 1],
    ])
  })

  it('excesses: a launch (1 instance + GB) or a backup that would go over', () => {
    const usage = { instances: 2, ram: 0, volumes: 8, backups: 2 }
    expect(quotaExcesses(usage, limits, { instances: 1, volumes: 2 })).toEqual([])
    const over = quotaExcesses(usage, limits, { instances: 1, volumes: 3 })
    expect(over).toEqual([{ resource: 'volumes', used: 8, requested: 3, limit: 10 }])
    expect(describeExcess(over[0]!)).toBe(
      'Volume storage: 8 GB used + 3 GB requested exceeds the limit of 10 GB.',
    )
    expect(quotaExcesses(usage, limits, { backups: 1 })[0]?.resource).toBe('backups')
    expect(quotaExcesses(usage, undefined, { backups: 1 })).toEqual([])
    expect(quotaExcesses(usage, { verb: 'ABSOLUTE' }, { instances: 99 })).toEqual([])
  })

  it('splits the /limits answer into ABSOLUTE and rate entries', () => {
    const parsed = limitsResponseSchema.parse({
      limits: [
        limits,
        { verb: 'POST', remaining: 199, value: 200, unit: 'MINUTE', uri: '*', regex: '.*' },
      ],
    })
    const s = splitLimits(parsed.limits)
    expect(s.absolute?.max_instances).toBe(3)
    expect(s.rates).toHaveLength(1)
  })
})

describe('launchQuotaDeltas', () => {
  it('one instance with its volume and flavor RAM; replicas multiply', async () => {
    const { launchQuotaDeltas } = await import('./quota')
    expect(launchQuotaDeltas({ count: 1, volumeSize: 5, flavorRam: 2048 })).toEqual({
      instances: 1,
      volumes: 5,
      ram: 2048,
    })
    expect(launchQuotaDeltas({ count: 3, volumeSize: 2, flavorRam: undefined })).toEqual({
      instances: 3,
      volumes: 6,
    })
    expect(launchQuotaDeltas({ count: NaN, volumeSize: NaN, flavorRam: 1 })).toEqual({
      instances: 1,
      volumes: 0,
      ram: 1,
    })
  })
})
