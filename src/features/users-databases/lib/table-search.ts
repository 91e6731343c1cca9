import * as z from 'zod/mini'
import {
  tableSearchDefaults,
  tableSearchFields,
  type TableSearch,
} from '@/components/data-table/search'
import { DATABASE_SORT_COLUMNS, USER_SORT_COLUMNS } from './table-sort'
import type { DatabaseSortColumn, UserSortColumn } from './user-database-list'

/*
 * The users-databases page shows both tables at once, so each table's view state has its own
 * URL keys (`dbQ`, `dbSort` … and `userQ`, `userSort` …); the instance tabs use the same keys, so a
 * link keeps its meaning whichever page it opens.
 */

const db = tableSearchFields(DATABASE_SORT_COLUMNS, 'name')
const user = tableSearchFields(USER_SORT_COLUMNS, 'name')

export const databasesTableSearchFields = {
  dbQ: db.q,
  dbSort: db.sort,
  dbDir: db.dir,
  dbCols: db.cols,
}
export const usersTableSearchFields = {
  userQ: user.q,
  userSort: user.sort,
  userDir: user.dir,
  userCols: user.cols,
}
export type DatabasesTableUrl = z.infer<typeof instanceDatabasesSearchSchema>
export type UsersTableUrl = z.infer<typeof instanceUsersSearchSchema>

const dbDefaults = tableSearchDefaults<DatabaseSortColumn>('name')
const userDefaults = tableSearchDefaults<UserSortColumn>('name')
export const databasesTableSearchDefaults: DatabasesTableUrl = {
  dbQ: dbDefaults.q,
  dbSort: dbDefaults.sort,
  dbDir: dbDefaults.dir,
  dbCols: dbDefaults.cols,
}
export const usersTableSearchDefaults: UsersTableUrl = {
  userQ: userDefaults.q,
  userSort: userDefaults.sort,
  userDir: userDefaults.dir,
  userCols: userDefaults.cols,
}

/** The databases table's view state, read from its URL keys. */
export function databasesTableSearch(s: DatabasesTableUrl): TableSearch<DatabaseSortColumn> {
  return { q: s.dbQ, sort: s.dbSort, dir: s.dbDir, cols: s.dbCols }
}

/** A change of the databases table's view state, as its URL keys (absent keys stay absent). */
export function databasesTableUrlPatch(
  p: Partial<TableSearch<DatabaseSortColumn>>,
): Partial<DatabasesTableUrl> {
  return {
    ...(p.q !== undefined && { dbQ: p.q }),
    ...(p.sort !== undefined && { dbSort: p.sort }),
    ...(p.dir !== undefined && { dbDir: p.dir }),
    ...(p.cols !== undefined && { dbCols: p.cols }),
  }
}

export function usersTableSearch(s: UsersTableUrl): TableSearch<UserSortColumn> {
  return { q: s.userQ, sort: s.userSort, dir: s.userDir, cols: s.userCols }
}

export function usersTableUrlPatch(
  p: Partial<TableSearch<UserSortColumn>>,
): Partial<UsersTableUrl> {
  return {
    ...(p.q !== undefined && { userQ: p.q }),
    ...(p.sort !== undefined && { userSort: p.sort }),
    ...(p.dir !== undefined && { userDir: p.dir }),
    ...(p.cols !== undefined && { userCols: p.cols }),
  }
}

/** `/instances/$id/databases` */
export const instanceDatabasesSearchSchema = z.object(databasesTableSearchFields)
/** `/instances/$id/users` */
export const instanceUsersSearchSchema = z.object(usersTableSearchFields)
