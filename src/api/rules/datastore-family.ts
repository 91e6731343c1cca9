/**
 * Which of Trove's rule sets applies to a datastore: the MySQL models (mysql, mariadb, percona,
 * pxc share trove/common/db/mysql/models.py), the PostgreSQL models, or none (Trove checks only
 * the API schema for the others).
 */
export type DatastoreFamily = 'mysql' | 'postgresql' | 'other'

/** The datastores the embedded cloud seeds (server/seed/demo-data.ts). */
export const SEEDED_DATASTORES = ['mysql', 'mariadb', 'postgresql'] as const

export function datastoreFamily(datastoreType: string | undefined): DatastoreFamily {
  const t = (datastoreType ?? '').toLowerCase()
  if (t === 'mysql' || t === 'mariadb' || t === 'percona' || t === 'pxc') return 'mysql'
  if (t === 'postgresql' || t === 'postgres') return 'postgresql'
  return 'other'
}
