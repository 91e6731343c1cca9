import type { MgmtInstance } from '@/api/mgmt/schemas'
import type { SortValue } from '@/components/data-table/columns'
import type { AdminInstanceSort, AdminInstancesSearch } from './admin-instance-search'

/** Trove's `deleted` filter for the list view's choice. */
export function deletedFilter(v: AdminInstancesSearch['deleted']): boolean | undefined {
  return v === 'live' ? false : v === 'deleted' ? true : undefined
}

/** The status a row shows: a deleted instance reads DELETED whatever its last status was. */
export function shownStatus(i: MgmtInstance): string {
  return i.deleted ? 'DELETED' : i.status
}

/** The page's own status select, applied to what the cloud returned ('' = any). */
export function filterByStatus(rows: readonly MgmtInstance[], status: string): MgmtInstance[] {
  return status ? rows.filter((i) => i.status === status) : [...rows]
}

export const datastoreText = (i: MgmtInstance): string =>
  i.datastore.type ? `${i.datastore.type} ${i.datastore.version ?? ''}`.trim() : ''

/** What the text filter searches in: name, ids, project, compute host. */
export function adminInstanceHaystack(i: MgmtInstance): string[] {
  return [
    i.name,
    i.id,
    i.tenant_id,
    i.server_id ?? '',
    i.volume_id ?? '',
    i.server?.host ?? '',
  ].filter(Boolean)
}

/** The value a row sorts by in a column (the table's accessor). */
export function adminInstanceSortValue(i: MgmtInstance, col: AdminInstanceSort): SortValue {
  switch (col) {
    case 'name':
      return i.name
    case 'project':
      return i.tenant_id
    case 'status':
      return shownStatus(i)
    case 'datastore':
      return datastoreText(i) || undefined
    case 'host':
      return i.server?.host ?? undefined
    case 'server':
      return i.server_id ?? undefined
    case 'volume':
      return i.volume_id ?? undefined
    case 'created':
      return i.created
  }
}

/** Ties: name, then id, so the order is stable while rows poll. */
export function nameThenId(a: MgmtInstance, b: MgmtInstance): number {
  return a.name.localeCompare(b.name) || a.id.localeCompare(b.id)
}
