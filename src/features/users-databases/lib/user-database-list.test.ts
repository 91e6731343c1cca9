import { describe, expect, it } from 'vitest'
import type { DbUser } from '@/api/users/schemas'
import { sortRows } from '@/components/data-table/sort-filter'
import { userHaystack, userRowId, userSortValue } from './user-database-list'
import {
  databasesTableSearch,
  databasesTableUrlPatch,
  instanceUsersSearchSchema,
  usersTableSearch,
  usersTableUrlPatch,
} from './table-search'

const alice: DbUser = { name: 'alice', host: '10.0.0.%', databases: [{ name: 'shop' }] }
const bob: DbUser = { name: 'bob', databases: [{ name: 'shop' }, { name: 'crm' }] }
const carol: DbUser = { name: 'carol', host: '%', databases: [] }

describe('users table accessors', () => {
  it('identifies a user by name@host, with % when the cloud omits the host', () => {
    expect(userRowId(alice)).toBe('alice@10.0.0.%')
    expect(userRowId(bob)).toBe('bob@%')
  })

  it('sorts by host text and by how many databases', () => {
    const byHost = sortRows([bob, alice, carol], (u) => userSortValue(u, 'host'), 'asc')
    expect(byHost.map((u) => u.name)).toEqual(['bob', 'carol', 'alice'])
    const byDbs = sortRows([alice, bob, carol], (u) => userSortValue(u, 'databases'), 'desc')
    expect(byDbs.map((u) => u.name)).toEqual(['bob', 'alice', 'carol'])
  })

  it('filters on name, host and database names', () => {
    expect(userHaystack(bob)).toEqual(['bob', '%', 'shop', 'crm'])
    expect(userHaystack(carol)).toEqual(['carol', '%'])
  })
})

describe('table view state in the URL', () => {
  it('keeps each table on its own keys', () => {
    const url = { dbQ: 'sh', dbSort: 'name' as const, dbDir: 'desc' as const, dbCols: '' }
    expect(databasesTableSearch(url)).toEqual({ q: 'sh', sort: 'name', dir: 'desc', cols: '' })
    expect(databasesTableUrlPatch({ q: 'x' })).toEqual({ dbQ: 'x' })
    expect(usersTableUrlPatch({ sort: 'host', dir: 'asc' })).toEqual({
      userSort: 'host',
      userDir: 'asc',
    })
  })

  it('falls back to the defaults for a bad or missing value', () => {
    const s = instanceUsersSearchSchema.parse({ userSort: 'password', userDir: 'up' })
    expect(usersTableSearch(s)).toEqual({ q: '', sort: 'name', dir: 'asc', cols: '' })
  })
})
