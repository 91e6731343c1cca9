import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/errors'
import type { Datastore } from '@/api/datastores/schemas'
import type { Parameter } from '@/api/parameters/schemas'
import {
  datastoreFilterText,
  datastoreSortValue,
  findDatastoreVersion,
  notOffered,
  parameterFilterText,
  parameterSortValue,
  versionSortValue,
} from './datastore-list'
import { datastoresSearchSchema, parametersSearchSchema } from './datastore-search'

const mysql: Datastore = {
  id: 'ds-mysql',
  name: 'mysql',
  links: [],
  default_version: 'v80',
  versions: [
    { id: 'v57', name: '5.7', version: '5.7.29', links: [] },
    { id: 'v80', name: '8.0', links: [] },
  ],
}
const pg: Datastore = { id: 'ds-pg', name: 'postgresql', links: [], versions: [] }

const param = (over: Partial<Parameter>): Parameter => ({
  name: 'max_connections',
  type: 'integer',
  restart_required: false,
  ...over,
})

describe('datastore list accessors', () => {
  it('sorts datastores by name or by how many versions they offer', () => {
    expect(datastoreSortValue(mysql, 'name')).toBe('mysql')
    expect(datastoreSortValue(mysql, 'versions')).toBe(2)
    expect(datastoreSortValue(pg, 'versions')).toBe(0)
  })

  it('filters datastores by their own and their versions’ names', () => {
    expect(datastoreFilterText(mysql)).toEqual(['mysql', '5.7', '8.0'])
  })

  it('sorts versions by name, number or id (a missing number sorts last)', () => {
    const [v57, v80] = mysql.versions as [
      Datastore['versions'][number],
      Datastore['versions'][number],
    ]
    expect(versionSortValue(v57, 'version')).toBe('5.7.29')
    expect(versionSortValue(v80, 'version')).toBeUndefined()
    expect(versionSortValue(v80, 'id')).toBe('v80')
  })

  it('sorts parameters by their limits, and says whether a restart is needed', () => {
    expect(parameterSortValue(param({ min: 1, max: 100 }), 'max')).toBe(100)
    expect(parameterSortValue(param({}), 'min')).toBeUndefined()
    expect(parameterSortValue(param({ restart_required: true }), 'restart')).toBe('Yes')
    expect(parameterFilterText(param({ type: 'float' }))).toEqual(['max_connections', 'float'])
  })
})

describe('finding a version', () => {
  it('finds a version by name or id under a datastore named by name or id', () => {
    expect(findDatastoreVersion([pg, mysql], 'mysql', '5.7').version?.id).toBe('v57')
    expect(findDatastoreVersion([pg, mysql], 'ds-mysql', 'v80').version?.name).toBe('8.0')
    expect(findDatastoreVersion([pg, mysql], 'mysql', '9.9').version).toBeUndefined()
    expect(findDatastoreVersion([pg, mysql], 'redis', '5.7').datastore).toBeUndefined()
  })

  it('calls what is not offered a missing resource (404)', () => {
    const e = notOffered('Datastore redis')
    expect(e).toBeInstanceOf(ApiError)
    expect(e.kind).toBe('not-found')
    expect(e.status).toBe(404)
  })
})

describe('search schemas', () => {
  it('keeps a shared filter and falls back on unknown sort columns', () => {
    expect(parametersSearchSchema.parse({ q: 'innodb', sort: 'nope' })).toEqual({
      q: 'innodb',
      sort: 'name',
      dir: 'asc',
      cols: '',
    })
    expect(datastoresSearchSchema.parse({ sort: 'versions', dir: 'desc' }).sort).toBe('versions')
  })
})
