/*
 * The two tables' sortable columns, in their own module so the URL schemas (table-search.ts) can
 * name them without loading the row helpers and the users wire schema (user-database-list.ts).
 */

/** The databases table sorts by name only (Trove lists nothing else about a database). */
export const DATABASE_SORT_COLUMNS = ['name'] as const

export const USER_SORT_COLUMNS = ['name', 'host', 'databases'] as const
