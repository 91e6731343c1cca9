import { createHash } from 'node:crypto'
import type { Db } from '../store/db'
import { datastoreById, flavorById, versionById } from '../store/catalog-queries'
import { replicasOf, runningBackupFor, type InstanceRow } from '../store/instance-queries'
import { publicStatus } from '../engine/status-model'

/** How a Trove instance looks as a DBaaS service: type, state, nodes, end of life. */

const GB = 1024 ** 3
const MB = 1024 ** 2

/** Datastore manager -> DBaaS service type code (Exoscale calls PostgreSQL `pg`). */
export function serviceTypeOf(manager: string): string {
  if (manager === 'postgresql') return 'pg'
  return manager
}

export interface ServiceFacts {
  inst: InstanceRow
  type: string
  version: string
  versionActive: boolean
  trove: string
  state: 'running' | 'rebuilding' | 'poweroff'
  plan: string
  vcpus: number
  memoryBytes: number
  diskBytes: number
  replicas: InstanceRow[]
}

const RUNNING = new Set(['ACTIVE', 'HEALTHY', 'BACKUP', 'RESTART_REQUIRED'])
const REBUILDING = new Set(['BUILD', 'REBOOT', 'RESIZE', 'UPGRADE', 'PROMOTE', 'EJECT', 'DETACH'])

/** Trove's public status -> the service state enum (running | rebuilding | poweroff). */
export function stateOf(troveStatus: string): ServiceFacts['state'] {
  if (RUNNING.has(troveStatus)) return 'running'
  if (REBUILDING.has(troveStatus)) return 'rebuilding'
  return 'poweroff'
}

export function factsOf(db: Db, inst: InstanceRow): ServiceFacts {
  const version = versionById(db, inst.datastore_version_id)
  const datastore = version ? datastoreById(db, version.datastore_id) : undefined
  const flavor = flavorById(db, inst.flavor_id)
  const trove = publicStatus(inst, runningBackupFor(db, inst.id))
  return {
    inst,
    type: serviceTypeOf(datastore?.manager ?? 'mysql'),
    version: version?.name ?? '',
    versionActive: version ? version.active === 1 : true,
    trove,
    state: stateOf(trove),
    plan: flavor?.name ?? inst.flavor_id,
    vcpus: flavor?.vcpus ?? 1,
    memoryBytes: (flavor?.ram ?? 1024) * MB,
    diskBytes: inst.volume_size * GB,
    replicas: replicasOf(db, inst.id),
  }
}

/** Node names as Exoscale shows them: `<service>-1` for the primary, then one per replica. */
export function nodesOf(f: ServiceFacts): { name: string; role: string; inst: InstanceRow }[] {
  return [
    { name: `${f.inst.name}-1`, role: 'master', inst: f.inst },
    ...f.replicas.map((r, i) => ({
      name: `${f.inst.name}-${i + 2}`,
      role: 'read-replica',
      inst: r,
    })),
  ]
}

/**
 * End-of-life dates of the datastore versions this cloud offers (upstream EOL announcements):
 * a service on one of them carries a `service_end_of_life` notification.
 */
export const END_OF_LIFE: Record<string, Record<string, string>> = {
  mysql: { '5.7': '2023-10-31T00:00:00Z' },
  pg: { '12': '2024-11-21T00:00:00Z' },
  mariadb: { '10.4': '2024-06-18T00:00:00Z' },
}

export function eolOf(f: ServiceFacts): string | undefined {
  return END_OF_LIFE[f.type]?.[f.version]
}

/** A stable UUID-shaped id derived from text (read_replica integrations have no row). */
export function derivedUuid(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('|')).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/** Engine unit name for log lines (`postgresql-13`, `mysql`). */
export function engineUnit(f: ServiceFacts): string {
  if (f.type === 'pg') return `postgresql-${f.version.split('.')[0] ?? ''}`
  return f.type === 'mariadb' ? 'mariadb' : 'mysql'
}
