import * as z from 'zod/mini'
import type { SortValue } from '@/components/data-table/columns'
import { tableSearchDefaults, tableSearchFields } from '@/components/data-table/search'
import type { Member } from './topology'

export const REPLICA_SORT_COLUMNS = ['name', 'status'] as const
export type ReplicaSortColumn = (typeof REPLICA_SORT_COLUMNS)[number]

/** The replication tab's replicas table in the URL (`/instances/$id/replication?sort=status`). */
export const replicationSearchSchema = z.object(tableSearchFields(REPLICA_SORT_COLUMNS, 'name'))
export type ReplicationSearch = z.infer<typeof replicationSearchSchema>
export const replicationSearchDefaults: ReplicationSearch =
  tableSearchDefaults<ReplicaSortColumn>('name')

export function memberId(m: Member): string {
  return m.id
}

export function memberName(m: Member): string {
  return m.name
}

/** The sort accessor of the replicas table: the name, or "STATUS OPERATING" as text. */
export function replicaSortValue(m: Member, column: ReplicaSortColumn): SortValue {
  return column === 'name' ? m.name : [m.status, m.operating ?? ''].join(' ').trim()
}

/** What the replicas filter box searches: name, id and both statuses. */
export function replicaHaystack(m: Member): (string | undefined)[] {
  return [m.name, m.id, m.status, m.operating]
}
