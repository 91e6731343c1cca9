import type { MigrationStatus } from '@/api/dbaas/schemas'
import type { SortValue } from '@/components/data-table/columns'

/** One database of a migration. */
export type MigrationDb = NonNullable<MigrationStatus['details']>[number]
export type MigrationDbSortColumn = 'dbname' | 'status' | 'method'

export function migrationDbSortValue(d: MigrationDb, col: MigrationDbSortColumn): SortValue {
  return d[col]
}

/** Rows need an id: the database name, else its position. */
export const migrationDbId = (d: MigrationDb) => d.dbname ?? ''
