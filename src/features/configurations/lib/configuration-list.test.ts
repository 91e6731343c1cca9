import { describe, expect, it } from 'vitest'
import type { ConfigurationSummary } from '@/api/configurations/schemas'
import {
  configurationFilterText,
  configurationSortValue,
  datastoreLabel,
  deleteBlockedReason,
  diffSortValue,
  groupDatastores,
  valueRows,
  valueSortValue,
} from './configuration-list'
import { configurationsSearchSchema } from './configuration-search'

const group = (over: Partial<ConfigurationSummary>): ConfigurationSummary => ({
  id: 'g1',
  name: 'tuned',
  datastore_version_id: 'v1',
  ...over,
})

describe('configuration groups list', () => {
  it('labels and sorts by datastore, unknown when the cloud does not say', () => {
    const g = group({ datastore_name: 'mysql', datastore_version_name: '5.7' })
    expect(datastoreLabel(g)).toBe('mysql 5.7')
    expect(datastoreLabel(group({}))).toBe('unknown')
    expect(configurationSortValue(g, 'datastore')).toBe('mysql 5.7')
    expect(configurationSortValue(g, 'instances', 3)).toBe(3)
    expect(configurationSortValue(group({}), 'updated')).toBeUndefined()
  })

  it('filters by name, id, description and datastore', () => {
    const g = group({ description: 'for OLTP', datastore_name: 'postgresql' })
    expect(configurationFilterText(g)).toEqual(['tuned', 'g1', 'for OLTP', 'postgresql'])
  })

  it('blocks a delete while instances are attached, as Trove does', () => {
    expect(deleteBlockedReason(0)).toBeUndefined()
    expect(deleteBlockedReason(undefined)).toBeUndefined()
    expect(deleteBlockedReason(1)).toBe('Attached to 1 instance: detach it first.')
    expect(deleteBlockedReason(2)).toContain('2 instances')
  })

  it('lists the distinct datastores, sorted', () => {
    const gs = [
      group({ datastore_name: 'postgresql' }),
      group({ datastore_name: 'mysql' }),
      group({ datastore_name: 'mysql' }),
    ]
    expect(groupDatastores(gs)).toEqual(['mysql', 'postgresql'])
  })

  it('keeps the datastore select and table fields in the URL schema', () => {
    const s = configurationsSearchSchema.parse({ datastore: 'mysql', sort: 'instances' })
    expect(s).toMatchObject({ datastore: 'mysql', sort: 'instances', dir: 'asc', q: '' })
    expect(configurationsSearchSchema.parse({ sort: 42 }).sort).toBe('name')
  })
})

describe('values and differences', () => {
  it('lists a group’s values by name with whether they need a restart', () => {
    const rows = valueRows(
      { max_connections: 200, innodb_buffer_pool_size: 1 },
      new Set(['innodb_buffer_pool_size']),
    )
    expect(rows.map((r) => r.name)).toEqual(['innodb_buffer_pool_size', 'max_connections'])
    expect(rows[0]?.restart).toBe(true)
    expect(valueSortValue(rows[1]!, 'value')).toBe(200)
    expect(valueSortValue(rows[0]!, 'applies')).toBe('Restart required')
    expect(valueSortValue({ name: 'x', value: true, restart: false }, 'value')).toBe('true')
  })

  it('sorts the differences by default (missing last) and state', () => {
    expect(diffSortValue({ name: 'a', value: 1, state: 'added' }, 'default')).toBeUndefined()
    expect(
      diffSortValue({ name: 'a', value: 1, defaultValue: '600M', state: 'changed' }, 'default'),
    ).toBe('600M')
    expect(diffSortValue({ name: 'a', value: 1, state: 'added' }, 'state')).toBe('added')
  })
})
