import { describe, expect, it } from 'vitest'
import type { Instance } from '@/api/instances/schemas'
import { launchLikeSearch, launchSearchSchema, prefillFromSearch } from './launch-search'

const source: Instance = {
  id: 'i-1',
  name: 'orders',
  status: 'ACTIVE',
  flavor: { id: 7 },
  datastore: { type: 'mysql', version: '8.0' },
  volume: { size: 20, used: 3, type: 'ssd' },
  configuration: { id: 'c-1' },
  locality: 'anti-affinity',
  access: { is_public: true, allowed_cidrs: ['10.0.0.0/8', '192.0.2.0/24'] },
  ip: ['10.0.0.9'],
}

describe('launch another like this', () => {
  it('carries the shape of the instance through the URL and back into the form', () => {
    const search = launchLikeSearch(source)
    // Through the URL: what the router's validateSearch gives back.
    const parsed = launchSearchSchema.parse(JSON.parse(JSON.stringify(search)))
    expect(prefillFromSearch(parsed)).toEqual({
      datastoreType: 'mysql',
      datastoreVersion: '8.0',
      flavorId: '7',
      volumeSize: 20,
      volumeType: 'ssd',
      configurationId: 'c-1',
      locality: 'anti-affinity',
      isPublic: true,
      allowedCidrs: '10.0.0.0/8\n192.0.2.0/24',
    })
    expect(parsed.like).toBe('orders')
  })
  it('drops bad values instead of failing', () => {
    const parsed = launchSearchSchema.parse({ size: '-3', locality: 'near', flavor: 5 })
    expect(parsed).toEqual({})
    expect(prefillFromSearch(parsed)).toEqual({})
  })
  it('reads a size written as text (a hand-edited link)', () => {
    expect(launchSearchSchema.parse({ size: '40' }).size).toBe(40)
  })
})
