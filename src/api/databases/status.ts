import { datastoreFamily } from '../rules/datastore-family'
import type { Instance } from '../instances/schemas'

/**
 * Whether the cloud will accept database, user and root operations on an instance: Trove needs
 * the datastore running (`load_and_verify`: "Instance … is not ready." otherwise). From the
 * instance view that is status ACTIVE (or BACKUP: a backup does not stop the datastore) with the
 * datastore reported ACTIVE/HEALTHY. Pure, so pages and tests share it.
 */
export type Manageability = { ready: true } | { ready: false; reason: string }

const READY_STATUSES = new Set(['ACTIVE', 'BACKUP'])
const RUNNING_DATASTORE = new Set(['ACTIVE', 'HEALTHY'])

export function manageability(
  instance: Pick<Instance, 'name' | 'status' | 'operating_status'>,
): Manageability {
  const op = instance.operating_status
  if (READY_STATUSES.has(instance.status) && (op === undefined || RUNNING_DATASTORE.has(op))) {
    return { ready: true }
  }
  const now =
    instance.status === 'ACTIVE' || instance.status === 'BACKUP'
      ? `its datastore is ${op ? op : 'busy with a task'}`
      : `it is ${instance.status}`
  return {
    ready: false,
    reason: `${instance.name} cannot be managed now: ${now}. Databases, users and root can be managed while the instance is ACTIVE and its datastore is running.`,
  }
}

/**
 * Whether the cloud manages the instance's databases and users through the Trove API. Trove 18
 * does so for the MySQL family only (its `load_and_verify` refuses every other datastore with a
 * 422 "Operation not supported"); PostgreSQL's are managed with SQL as the root user.
 */
export function usersDatabasesThroughApi(instance: Pick<Instance, 'datastore'>): boolean {
  return datastoreFamily(instance.datastore.type) === 'mysql'
}
