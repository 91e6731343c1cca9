import type { Instance } from '../instances/schemas'
import type { Consequence, TopologyMember } from './consequence'
import { replicationSetOf } from './topology'

/** The names Trove gives the new replicas: the name, or name-1 … name-n for several. */
export function replicaNames(name: string, count: number): string[] {
  return count > 1 ? Array.from({ length: count }, (_, n) => `${name}-${n + 1}`) : [name]
}

/**
 * Creating replicas of `source` (Trove 18 `Instance.create` with `replica_of`): the replication
 * set before → after, the version the replicas run (the source's: the request has no choice),
 * and what the cloud refuses (a replica of a replica; a source that is busy or not ACTIVE, from
 * `validate_can_perform_action`). Pure.
 */
export function replicaCreateConsequences(
  source: Instance,
  instances: readonly Instance[],
  name: string,
  count: number,
): Consequence[] {
  const out: Consequence[] = []
  const added = replicaNames(name, count)
  if (source.replica_of) {
    const set = replicationSetOf(source, instances)
    out.push({
      id: 'replica-of-replica',
      kind: 'warning',
      tone: 'danger',
      text: `${source.name} is itself a replica${set ? ` of ${set.source.name}` : ''}: Trove replicates one level only, so the cloud refuses this. Create the replica from the source.`,
    })
    return out
  }
  const set = replicationSetOf(source, instances)
  const current: TopologyMember[] = set
    ? [
        { name: set.source.name, role: 'source' },
        ...set.replicas.map((r): TopologyMember => ({ name: r.name, role: 'replica' })),
      ]
    : [{ name: source.name, role: 'standalone' }]
  const total = (set?.replicas.length ?? 0) + added.length
  out.push({
    id: 'topology',
    kind: 'topology',
    tone: 'info',
    text: `${source.name} gets ${added.length === 1 ? `the replica ${added[0]}` : `${added.length} replicas (${added.join(', ')})`}: ${total} replica${total === 1 ? '' : 's'} after.`,
    before: current,
    after: [
      { name: source.name, role: 'source' },
      ...(set?.replicas ?? []).map((r): TopologyMember => ({ name: r.name, role: 'replica' })),
      ...added.map((n): TopologyMember => ({ name: n, role: 'joins' })),
    ],
  })
  out.push({
    id: 'version',
    kind: 'note',
    tone: 'info',
    text: `The replica${added.length === 1 ? '' : 's'} run${added.length === 1 ? 's' : ''} the source's datastore, ${source.datastore.type} ${source.datastore.version ?? '(version unknown)'}, with its flavor and volume size.`,
  })
  const busy = source.status !== 'ACTIVE' || source.operating_status === ''
  if (busy)
    out.push({
      id: 'source-busy',
      kind: 'warning',
      tone: 'danger',
      text: `${source.name} is ${source.status}${source.status === 'ACTIVE' ? ' with a task running' : ''}: Trove creates a replica only of an ACTIVE source that runs no other task.`,
    })
  return out
}

/**
 * Renaming (`PUT /instances/{id}` with `instance.name`): nothing restarts and nothing moves;
 * warns when another instance of the project already has the new name.
 */
export function renameConsequences(
  instance: Pick<Instance, 'id' | 'name'>,
  instances: readonly Pick<Instance, 'id' | 'name'>[] | undefined,
  newName: string,
): Consequence[] {
  const name = newName.trim()
  const out: Consequence[] = [
    {
      id: 'no-restart',
      kind: 'note',
      tone: 'info',
      text: 'No restart: only the name in the API and the console changes; the id, addresses, data, backups and replicas stay.',
    },
  ]
  const clash = (instances ?? []).find((i) => i.id !== instance.id && i.name === name)
  if (name && clash)
    out.push({
      id: 'name-taken',
      kind: 'warning',
      tone: 'warning',
      text: `Another instance of this project is already named ${name}: Trove allows it, but commands that find an instance by name (openstack database instance show ${name}) stop working for both.`,
    })
  return out
}
