import type { Instance } from '@/api/instances/schemas'
import { isTransitional } from '@/api/instances/status'

/**
 * A replication set as the console draws it, pure: the source (primary) and its replicas, from
 * the instance being viewed and the project's instance list (the source of truth for every
 * member's status). Trove allows one level: a replica cannot have replicas.
 */
export interface Member {
  id: string
  name: string
  status: string
  operating: string | undefined
  /** Known only from a link (not in the list yet, or another region). */
  known: boolean
}

export interface Topology {
  primary: Member
  replicas: Member[]
  /** The viewed instance is a replica (else it is the source, or standalone). */
  viewingReplica: boolean
}

function member(id: string, byId: Map<string, Instance>, fallback?: Instance): Member {
  const i = byId.get(id) ?? (fallback?.id === id ? fallback : undefined)
  return {
    id,
    name: i?.name ?? id,
    status: i?.status ?? 'UNKNOWN',
    operating: i?.operating_status,
    known: i !== undefined,
  }
}

export function replicationTopology(viewed: Instance, list: readonly Instance[]): Topology {
  const byId = new Map(list.map((i) => [i.id, i]))
  const current = byId.get(viewed.id) ?? viewed
  const primaryId = current.replica_of?.id ?? current.id
  const ids = new Set<string>()
  for (const i of list) if (i.replica_of?.id === primaryId) ids.add(i.id)
  // The source's own `replicas` field (detail view) may know replicas the list does not yet.
  const source = byId.get(primaryId) ?? (primaryId === viewed.id ? viewed : undefined)
  for (const r of source?.replicas ?? []) ids.add(r.id)
  if (current.replica_of) ids.add(current.id)
  const replicas = [...ids]
    .map((id) => member(id, byId, viewed))
    .sort((a, b) => a.name.localeCompare(b.name))
  return {
    primary: member(primaryId, byId, viewed),
    replicas,
    viewingReplica: current.replica_of !== undefined,
  }
}

/** Every member id of the set (for writing PROMOTE/EJECT into the cache at once). */
export function memberIds(t: Topology): string[] {
  return [t.primary.id, ...t.replicas.map((r) => r.id)]
}

/** True while any member moves (the set is mid-change: offer no new change). */
export function topologyBusy(t: Topology): boolean {
  return [t.primary, ...t.replicas].some((m) =>
    isTransitional({ status: m.status, operating_status: m.operating }),
  )
}

const HEALTHY_OPERATING = new Set(['HEALTHY', 'ACTIVE', 'RESTART_REQUIRED', 'BLOCKED'])

/**
 * Whether the source looks gone (what eject is for): in ERROR, or its database service no
 * longer healthy. A healthy source is refused by the cloud ("has a current heartbeat").
 */
export function sourceLooksFailed(m: Member): boolean {
  if (m.status === 'ERROR' || m.status === 'FAILED' || m.status === 'UNKNOWN') return true
  if (m.status === 'ACTIVE' && m.operating !== undefined && m.operating !== '') {
    return !HEALTHY_OPERATING.has(m.operating)
  }
  return false
}
