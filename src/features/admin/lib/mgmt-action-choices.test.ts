import { describe, expect, it } from 'vitest'
import type { MgmtVersion } from '@/api/mgmt/schemas'
import { hostChoices, imageChoices } from './mgmt-action-choices'

const version = (over: Partial<MgmtVersion>): MgmtVersion => ({
  id: 'v',
  name: '5.7',
  version: '5.7',
  datastore_id: 'd',
  datastore_name: 'mysql',
  datastore_manager: 'mysql',
  image: null,
  image_tags: [],
  packages: [],
  active: true,
  default: false,
  ...over,
})

describe('hostChoices', () => {
  it('leaves out the current host and puts the emptiest first', () => {
    const hosts = [
      { name: 'compute-001', instanceCount: 5 },
      { name: 'compute-002', instanceCount: 1 },
      { name: 'compute-003', instanceCount: 0 },
    ]
    expect(hostChoices(hosts, 'compute-003')).toEqual([
      { value: 'compute-002', label: 'compute-002 (1 instance)' },
      { value: 'compute-001', label: 'compute-001 (5 instances)' },
    ])
    expect(hostChoices([{ name: 'h' }], null)).toEqual([{ value: 'h', label: 'h' }])
  })
})

describe('imageChoices', () => {
  it('gives one choice per image, naming the versions that use it', () => {
    const a = '11111111-1111-1111-1111-111111111111'
    const choices = imageChoices([
      version({ name: '5.7', image: a }),
      version({ name: '8.0', image: a, active: false }),
      version({ datastore_name: 'postgresql', name: '12', image: null }),
    ])
    expect(choices).toEqual([{ value: a, label: `mysql 5.7, mysql 8.0 (inactive): ${a}` }])
  })
})
