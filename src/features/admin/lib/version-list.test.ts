import { describe, expect, it } from 'vitest'
import type { MgmtParameter, MgmtVersion } from '@/api/mgmt/schemas'
import { sortRows } from '@/components/data-table/sort-filter'
import {
  datastoreThenName,
  imageText,
  boundLabel,
  parameterBound,
  parameterSortValue,
  stateText,
  versionSortValue,
} from './version-list'
import { parametersSearchSchema } from './version-search'

const v = (id: string, over: Partial<MgmtVersion> = {}): MgmtVersion => ({
  id,
  name: id,
  version: id,
  datastore_id: 'd',
  datastore_name: 'mysql',
  datastore_manager: 'mysql',
  image: null,
  image_tags: ['trove'],
  packages: [],
  active: true,
  default: false,
  ...over,
})

const p = (name: string, over: Partial<MgmtParameter> = {}): MgmtParameter => ({
  name,
  datastore_version_id: 'v',
  restart_required: false,
  type: 'integer',
  ...over,
})

describe('datastore version list', () => {
  it('shows the image id or the tags, and the state', () => {
    expect(imageText(v('a'))).toBe('tag:trove')
    expect(imageText(v('a', { image: 'img', image_tags: [] }))).toBe('img')
    expect(imageText(v('a', { image_tags: [''] }))).toBe('')
    expect(stateText(v('a', { default: true }))).toBe('Active, default')
    expect(stateText(v('a', { active: false }))).toBe('Inactive')
  })

  it('sorts the state column default, active, inactive; ties by datastore and name', () => {
    const rows = [
      v('5.7', { active: false }),
      v('8.0', { default: true }),
      v('12', { datastore_name: 'postgresql' }),
      v('5.6'),
    ]
    const ids = sortRows(rows, (x) => versionSortValue(x, 'state'), 'asc', datastoreThenName).map(
      (x) => x.id,
    )
    expect(ids).toEqual(['8.0', '5.6', '12', '5.7'])
  })

  it('reads an omitted minimum as 0, an omitted maximum as none, and sorts by the bound', () => {
    const rows = [
      p('b', { max_size: 10 }),
      p('a', { max_size: '18446744073709551615', min_size: 5 }),
      p('n', { min_size: 1 }),
      p('s', { type: 'string' }),
    ]
    expect(parameterBound(rows[0] as MgmtParameter, 'min')).toBe('0')
    expect(parameterBound(rows[1] as MgmtParameter, 'max')).toBe('18446744073709551615')
    expect(parameterBound(rows[2] as MgmtParameter, 'max')).toBeUndefined()
    expect(boundLabel(rows[2] as MgmtParameter, 'max')).toBe('No maximum')
    expect(parameterBound(rows[3] as MgmtParameter, 'max')).toBeUndefined()
    expect(boundLabel(rows[3] as MgmtParameter, 'max')).toBe('—')
    const byMax = sortRows(rows, (x) => parameterSortValue(x, 'max'), 'desc').map((x) => x.name)
    expect(byMax).toEqual(['n', 'a', 'b', 's'])
    expect(parametersSearchSchema.parse({ sort: 'nope' })).toMatchObject({ sort: 'name' })
  })
})
