import type { Instance } from '../instances/schemas'
import type { Consequence, PreviewAction, TopologyMember } from './consequence'

/** A replication set from the project's instance list: the source and its replicas, by name. */
export interface ReplicationSet {
  source: Pick<Instance, 'id' | 'name'>
  replicas: Pick<Instance, 'id' | 'name'>[]
}

/** The set `instance` belongs to (Trove allows one level), or undefined when it stands alone. */
export function replicationSetOf(
  instance: Instance,
  instances: readonly Instance[],
): ReplicationSet | undefined {
  const byId = new Map(instances.map((i) => [i.id, i]))
  const sourceId = instance.replica_of?.id ?? instance.id
  const source = byId.get(sourceId) ?? (sourceId === instance.id ? instance : undefined)
  const ids = new Set<string>()
  for (const i of instances) if (i.replica_of?.id === sourceId) ids.add(i.id)
  for (const r of source?.replicas ?? []) ids.add(r.id)
  if (instance.replica_of) ids.add(instance.id)
  if (ids.size === 0) return undefined
  const named = (id: string) => ({
    id,
    name: byId.get(id)?.name ?? (id === instance.id ? instance.name : id),
  })
  return {
    source: named(sourceId),
    replicas: [...ids].map(named).sort((a, b) => a.name.localeCompare(b.name)),
  }
}

function members(set: ReplicationSet): TopologyMember[] {
  return [
    { name: set.source.name, role: 'source' },
    ...set.replicas.map((r): TopologyMember => ({ name: r.name, role: 'replica' })),
  ]
}

/**
 * Before → after of the replication set for promote, eject, detach and delete (Trove 18):
 * promote makes the replica the source and every other member (the old source included) its
 * replica; eject drops the failed source and the cloud picks the most current replica as the
 * new source; detach makes the replica standalone; deleting a replica removes it. Deleting a
 * source with replicas is refused ("Detach replicas before deleting replica source.").
 */
export function topologyConsequence(
  action: PreviewAction,
  instance: Instance,
  instances: readonly Instance[],
): Consequence | undefined {
  const set = replicationSetOf(instance, instances)
  if (!set) return undefined
  const before = members(set)
  const others = set.replicas.filter((r) => r.id !== instance.id)
  const replica = (name: string): TopologyMember => ({ name, role: 'replica' })
  const isSource = set.source.id === instance.id
  switch (action) {
    case 'promote': {
      if (isSource) return undefined
      return {
        id: 'topology',
        kind: 'topology',
        tone: 'warning',
        text: `${instance.name} becomes the source; ${set.source.name} and the other replicas follow it.`,
        before,
        after: [
          { name: instance.name, role: 'source' },
          replica(set.source.name),
          ...others.map((r) => replica(r.name)),
        ],
      }
    }
    case 'eject': {
      const picked = set.replicas.map((r) => r.name)
      const newSource =
        picked.length === 1 ? picked[0]! : `the most current of ${picked.join(', ')}`
      return {
        id: 'topology',
        kind: 'topology',
        tone: 'warning',
        text: `${set.source.name} leaves the set; ${newSource} becomes the source (the cloud picks it).`,
        before,
        after: [
          { name: set.source.name, role: 'leaves' },
          {
            name: picked.length === 1 ? picked[0]! : `most current of ${picked.length} replicas`,
            role: 'source',
          },
          ...(picked.length > 1 ? [replica('the others follow it')] : []),
        ],
      }
    }
    case 'detach':
    case 'delete': {
      if (isSource) {
        if (action === 'detach') return undefined
        return {
          id: 'topology',
          kind: 'topology',
          tone: 'danger',
          text: `${instance.name} is the source of ${set.replicas.length} replica${set.replicas.length === 1 ? '' : 's'}: Trove refuses to delete it ("Detach replicas before deleting replica source."). Detach or promote them first.`,
          before,
          after: before,
        }
      }
      const rest: TopologyMember[] =
        others.length === 0
          ? [{ name: set.source.name, role: 'standalone' }]
          : [{ name: set.source.name, role: 'source' }, ...others.map((r) => replica(r.name))]
      return {
        id: 'topology',
        kind: 'topology',
        tone: action === 'delete' ? 'warning' : 'info',
        text:
          action === 'detach'
            ? `${instance.name} becomes a standalone instance; ${set.source.name} keeps ${others.length === 0 ? 'no replica' : `${others.length} replica${others.length === 1 ? '' : 's'}`}.`
            : `${set.source.name} loses its replica ${instance.name}.`,
        before,
        after:
          action === 'detach'
            ? [...rest, { name: instance.name, role: 'standalone' }]
            : [...rest, { name: instance.name, role: 'leaves' }],
      }
    }
    default:
      return undefined
  }
}
