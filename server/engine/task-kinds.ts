import type { InstanceRow } from '../store/instance-queries'
import { addressesFor, defaultNetworkId } from './addresses'
import { parseJson, type Db } from '../store/db'
import { BACKUP_SWEEPS, BACKUP_TASK_KINDS } from './backup-task-kinds'
import { MGMT_TASK_KINDS } from './mgmt-task-kinds'
import { REPLICATION_TASK_KINDS } from './replication-task-kinds'

/** What a step sees: the instance as stored, the task's payload, the time the step came due. */
export interface StepContext {
  inst: InstanceRow
  payload: Record<string, unknown>
  at: number
  regionIndex: number
}
export interface StepResult {
  patch: Partial<Omit<InstanceRow, 'seq' | 'id'>>
  message: string
  /**
   * Optional change to other rows (e.g. the backup an instance task is taking), run in the same
   * transaction after the patch and before the event records the status the step leaves.
   */
  sideEffect?: (db: Db) => void
}
export interface TaskStep {
  /** Seconds after the previous step (or the task start), at speed 1. */
  after: number
  apply(ctx: StepContext): StepResult
}

/** Typical volume usage (GB) the fake guest reports, as real Trove's fake does (0.16). */
const INITIAL_VOLUME_USED = 0.16

function serverUp(ctx: StepContext): StepResult {
  const access = parseJson<{ is_public?: boolean }>(ctx.inst.access, {})
  const addresses = addressesFor({
    seq: ctx.inst.seq,
    regionIndex: ctx.regionIndex,
    networkId: ctx.inst.network_id ?? defaultNetworkId(ctx.inst.project_id, ctx.inst.region),
    fixedIp: ctx.inst.fixed_ip,
    isPublic: access.is_public === true,
  })
  return {
    patch: {
      server_status: 'ACTIVE',
      service_status: 'BUILDING',
      updated: ctx.at,
      addresses: JSON.stringify(addresses),
    },
    message: 'Server is active; the database service is starting.',
  }
}

function fault(ctx: StepContext, message: string) {
  return { fault_message: message, fault_details: null, fault_created: ctx.at }
}

export const TASK_KINDS: Record<string, TaskStep[]> = {
  build: [
    { after: 3, apply: serverUp },
    {
      after: 6,
      apply: (ctx) => ({
        patch: {
          task_status: 'NONE',
          service_status: 'HEALTHY',
          service_status_updated: ctx.at,
          updated: ctx.at,
          volume_used: ctx.inst.volume_used ?? INITIAL_VOLUME_USED,
        },
        message: 'Instance is ready.',
      }),
    },
  ],
  build_guest_error: [
    { after: 3, apply: serverUp },
    {
      after: 8,
      apply: (ctx) => ({
        patch: {
          task_status: 'BUILDING_ERROR_TIMEOUT_GA',
          service_status: 'FAILED',
          service_status_updated: ctx.at,
          updated: ctx.at,
          volume_used: INITIAL_VOLUME_USED,
          ...fault(ctx, 'Service not active, status: failed to spawn'),
        },
        message: 'Service not active, status: failed to spawn',
      }),
    },
  ],
  build_server_error: [
    {
      after: 2,
      apply: (ctx) => {
        const msg = `Failed to create server for instance ${ctx.inst.id}\nUnknown Error (HTTP Fake server create error.)`
        return {
          patch: {
            task_status: 'BUILDING_ERROR_SERVER',
            server_status: 'ERROR',
            updated: ctx.at,
            volume_used: INITIAL_VOLUME_USED,
            ...fault(ctx, msg),
          },
          message: msg,
        }
      },
    },
  ],
  build_volume_error: [
    {
      after: 4,
      apply: (ctx) => {
        const msg = `Failed to create volume for instance ${ctx.inst.id}\nFailed to create volume.`
        return {
          patch: {
            task_status: 'BUILDING_ERROR_VOLUME',
            server_status: 'ERROR',
            updated: ctx.at,
            volume_used: INITIAL_VOLUME_USED,
            ...fault(ctx, msg),
          },
          message: msg,
        }
      },
    },
  ],
  restart: [
    {
      after: 2,
      apply: (ctx) => ({
        patch: {
          task_status: 'NONE',
          service_status: 'HEALTHY',
          service_status_updated: ctx.at,
          updated: ctx.at,
        },
        message: 'Restart complete.',
      }),
    },
  ],
  resize_volume: [
    {
      after: 6,
      apply: (ctx) => {
        const size = Number(ctx.payload.size)
        return {
          patch: { task_status: 'NONE', volume_size: size, updated: ctx.at },
          message: `Volume resized to ${size} GB.`,
        }
      },
    },
  ],
  resize_flavor: [
    {
      after: 16,
      apply: (ctx) => {
        const flavorId = String(ctx.payload.flavorId)
        return {
          patch: {
            task_status: 'NONE',
            server_status: 'ACTIVE',
            service_status: 'HEALTHY',
            flavor_id: flavorId,
            service_status_updated: ctx.at,
            updated: ctx.at,
          },
          message: `Resized to flavor ${flavorId}.`,
        }
      },
    },
  ],
  update_access: [
    {
      after: 2,
      apply: (ctx) => {
        const access = parseJson<{ is_public?: boolean }>(ctx.inst.access, {})
        const hadAddresses = parseJson<unknown[]>(ctx.inst.addresses, []).length > 0
        const patch: StepResult['patch'] = { task_status: 'NONE', updated: ctx.at }
        if (hadAddresses) {
          patch.addresses = JSON.stringify(
            addressesFor({
              seq: ctx.inst.seq,
              regionIndex: ctx.regionIndex,
              networkId:
                ctx.inst.network_id ?? defaultNetworkId(ctx.inst.project_id, ctx.inst.region),
              fixedIp: ctx.inst.fixed_ip,
              isPublic: access.is_public === true,
            }),
          )
        }
        return { patch, message: 'Access updated.' }
      },
    },
  ],
  delete: [
    {
      after: 4,
      apply: (ctx) => ({
        patch: {
          deleted: 1,
          deleted_at: ctx.at,
          task_status: 'NONE',
          server_status: 'DELETED',
          service_status: 'DELETED',
          updated: ctx.at,
        },
        message: 'Instance deleted.',
      }),
    },
  ],
  ...BACKUP_TASK_KINDS,
  ...MGMT_TASK_KINDS,
  ...REPLICATION_TASK_KINDS,
}

/**
 * Failure injection for stuck detection (issue 17): a name ending in `SLOW_BUILD` builds like any
 * other, only its database takes SLOW_BUILD_FACTOR times longer to come up.
 */
export const SLOW_BUILD_SUFFIX = 'SLOW_BUILD'
export const SLOW_BUILD_FACTOR = 20
const [buildServerStep, buildReadyStep] = TASK_KINDS.build ?? []
if (buildServerStep && buildReadyStep) {
  TASK_KINDS.build_slow = [
    buildServerStep,
    { ...buildReadyStep, after: buildReadyStep.after * SLOW_BUILD_FACTOR },
  ]
}

/** Timers on rows that are not instance tasks, run by the engine on every tick. */
export const SWEEPS: ((db: Db, now: number) => number)[] = [...BACKUP_SWEEPS]

/** Which build a new instance gets, following Trove's fake-mode failure injection. */
export function buildKindFor(name: string, volumeSize: number): string {
  if (name.endsWith('GUEST_ERROR')) return 'build_guest_error'
  if (name.endsWith('SERVER_ERROR')) return 'build_server_error'
  if (name.endsWith(SLOW_BUILD_SUFFIX)) return 'build_slow'
  if (volumeSize === 9) return 'build_volume_error'
  return 'build'
}
