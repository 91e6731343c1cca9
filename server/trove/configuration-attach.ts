import type { Db } from '../store/db'
import { datastoreById, versionById } from '../store/catalog-queries'
import {
  instancesUsing,
  listParameters,
  loadConfiguration,
  storedValues,
  type StoredValues,
} from '../store/configuration-queries'
import {
  instanceById,
  runningBackupFor,
  updateInstance,
  type InstanceRow,
} from '../store/instance-queries'
import { actionBlocker, publicStatus } from '../engine/status-model'
import type { Engine } from '../engine/engine'
import { restartRequiredKeys } from './configuration-values'
import { badRequest, notAvailable, notFound } from './errors'

export interface AttachDeps {
  db: Db
  engine: Engine
}

function versionLabel(db: Db, versionId: string): string {
  const v = versionById(db, versionId)
  const ds = v ? datastoreById(db, v.datastore_id) : undefined
  return v ? `${ds?.name ?? 'unknown'} ${v.name}` : versionId
}

/** Moves an idle instance to RESTART_REQUIRED (a running task keeps its own status). */
function requireRestart(deps: AttachDeps, inst: InstanceRow, keys: string[], now: number): void {
  if (inst.task_status !== 'NONE') return
  const before = publicStatus(inst, runningBackupFor(deps.db, inst.id))
  updateInstance(deps.db, inst.id, { task_status: 'RESTART_REQUIRED', updated: now })
  deps.engine.recordEvent(
    inst.id,
    before,
    'RESTART_REQUIRED',
    `Restart required to apply ${keys.join(', ')}.`,
  )
}

/**
 * `PUT /instances/{id}` with `configuration`: attach a group (same datastore version only) or
 * detach it (`null`, or an empty `{"instance": {}}`). Values whose parameter has
 * restart_required leave the instance RESTART_REQUIRED until it is restarted. Runs inside the
 * caller's transaction.
 */
export function changeInstanceConfiguration(
  deps: AttachDeps,
  inst: InstanceRow,
  configurationId: string | null,
  now: number,
): void {
  const { db, engine } = deps
  if (configurationId) {
    if (inst.configuration_id) {
      throw badRequest(
        `Instance ${inst.id} already has a Configuration Group attached: ${inst.configuration_id}.`,
      )
    }
    const conf = loadConfiguration(db, configurationId, inst.region, inst.project_id)
    if (!conf) throw notFound(configurationId)
    if (conf.datastore_version_id !== inst.datastore_version_id) {
      throw badRequest(
        `Datastore Version on Configuration ${versionLabel(db, conf.datastore_version_id)} does not match the Datastore Version on the instance ${versionLabel(db, inst.datastore_version_id)}. Choose a configuration group created for ${versionLabel(db, inst.datastore_version_id)}.`,
      )
    }
    const blocker = actionBlocker(inst, runningBackupFor(db, inst.id))
    if (blocker) throw notAvailable(inst.id, blocker)
    updateInstance(db, inst.id, { configuration_id: conf.id, updated: now })
    const status = publicStatus(inst, runningBackupFor(db, inst.id))
    engine.recordEvent(inst.id, status, status, `Configuration group ${conf.name} attached.`)
    const keys = restartRequiredKeys(
      Object.keys(storedValues(conf)),
      listParameters(db, conf.datastore_version_id),
    )
    if (keys.length > 0) requireRestart(deps, inst, keys, now)
    return
  }
  if (!inst.configuration_id) return
  const conf = loadConfiguration(db, inst.configuration_id, inst.region, null)
  updateInstance(db, inst.id, { configuration_id: null, updated: now })
  const status = publicStatus(inst, runningBackupFor(db, inst.id))
  engine.recordEvent(
    inst.id,
    status,
    status,
    `Configuration group ${conf?.name ?? inst.configuration_id} detached.`,
  )
  if (conf) {
    const keys = restartRequiredKeys(
      Object.keys(storedValues(conf)),
      listParameters(db, conf.datastore_version_id),
    )
    if (keys.length > 0) requireRestart(deps, inst, keys, now)
  }
}

/** Keys whose value differs between two stored value sets (added, changed or removed). */
export function changedKeys(before: StoredValues, after: StoredValues): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)])
  return [...keys].filter((k) => before[k] !== after[k])
}

/** After a group's values changed: attached idle instances needing a restart are marked so. */
export function markInstancesAfterUpdate(
  deps: AttachDeps,
  configurationId: string,
  versionId: string,
  keys: string[],
  now: number,
): void {
  const restartKeys = restartRequiredKeys(keys, listParameters(deps.db, versionId))
  if (restartKeys.length === 0) return
  for (const ref of instancesUsing(deps.db, configurationId)) {
    const inst = instanceById(deps.db, ref.id)
    if (inst && inst.deleted === 0) requireRestart(deps, inst, restartKeys, now)
  }
}
