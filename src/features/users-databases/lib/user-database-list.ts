import type { Database } from '@/api/databases/schemas'
import { userId, type DbUser } from '@/api/users/schemas'
import type { SortValue } from '@/components/data-table/columns'
import type { DATABASE_SORT_COLUMNS, USER_SORT_COLUMNS } from './table-sort'

export type DatabaseSortColumn = (typeof DATABASE_SORT_COLUMNS)[number]
export type UserSortColumn = (typeof USER_SORT_COLUMNS)[number]

/** A user's row id and label: `name@host` (Trove's id; host `%` when the cloud omits it). */
export function userRowId(u: DbUser): string {
  return userId(u.name, u.host)
}

export function databaseName(d: Database): string {
  return d.name
}

/** The sort accessor of the users table: name and host as text, databases by how many. */
export function userSortValue(u: DbUser, column: UserSortColumn): SortValue {
  switch (column) {
    case 'name':
      return u.name
    case 'host':
      return u.host ?? '%'
    case 'databases':
      return u.databases?.length ?? 0
  }
}

/** What the users filter box searches: name, host and the databases the user may use. */
export function userHaystack(u: DbUser): string[] {
  return [u.name, u.host ?? '%', ...(u.databases ?? []).map((d) => d.name)]
}

/** The names of a user's databases, for the cell and the CSV ("a; b"). */
export function userDatabaseNames(u: DbUser): string[] {
  return (u.databases ?? []).map((d) => d.name)
}
