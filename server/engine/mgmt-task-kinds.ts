import { setInstanceHost } from '../store/admin-queries'
import type { StepContext, StepResult, TaskStep } from './task-kinds'

/**
 * The admin (/mgmt) instance actions, timed like real Trove 18 in fake mode (recorded on the
 * reference cloud): `stop` is synchronous (no task); `reboot` shows REBOOT for ~6 s (server
 * REBOOT, then ACTIVE while the database starts); `migrate` shows RESIZE for ~16 s (server RESIZE,
 * VERIFY_RESIZE on the new host, then ACTIVE); `rebuild` shows BUILD while the guest comes back.
 */

/** The compute hosts of the fake Nova; an instance without a recorded host is on the first. */
export const COMPUTE_HOSTS = ['compute-001', 'compute-002', 'compute-003'] as const

/** Where a server is: the recorded host, else one picked from its sequence number. */
export function hostFor(seq: number, recorded: string | null): string {
  return recorded ?? COMPUTE_HOSTS[seq % COMPUTE_HOSTS.length] ?? 'compute-001'
}

/** The host a migrate without `host` picks: the next one after the current host. */
export function nextHost(current: string): string {
  const i = COMPUTE_HOSTS.indexOf(current as (typeof COMPUTE_HOSTS)[number])
  return COMPUTE_HOSTS[(i + 1) % COMPUTE_HOSTS.length] ?? 'compute-001'
}

const serviceRunning = (message: string) => (ctx: StepContext) => ({
  patch: { service_status: 'RUNNING', service_status_updated: ctx.at, updated: ctx.at },
  message,
})

const settled =
  (message: string, extra: StepResult['patch'] = {}) =>
  (ctx: StepContext): StepResult => ({
    patch: {
      task_status: 'NONE',
      server_status: 'ACTIVE',
      service_status: 'HEALTHY',
      service_status_updated: ctx.at,
      updated: ctx.at,
      ...extra,
    },
    message,
  })

export const MGMT_TASK_KINDS: Record<string, TaskStep[]> = {
  mgmt_reboot: [
    {
      after: 1.5,
      apply: (ctx) => ({
        patch: { server_status: 'ACTIVE', updated: ctx.at },
        message: 'Server rebooted; starting the database.',
      }),
    },
    { after: 2.5, apply: serviceRunning('Database started; waiting for it to report healthy.') },
    { after: 2, apply: settled('Reboot complete.') },
  ],
  mgmt_migrate: [
    {
      after: 3,
      apply: (ctx): StepResult => {
        const host = String(ctx.payload.host ?? '')
        return {
          patch: { server_status: 'VERIFY_RESIZE', updated: ctx.at },
          message: `Server moved to ${host}; confirming the migration.`,
          sideEffect: (db) => {
            if (host) setInstanceHost(db, ctx.inst.id, host)
          },
        }
      },
    },
    { after: 4, apply: serviceRunning('Database started on the new host.') },
    {
      after: 6,
      apply: (ctx) => ({
        patch: { service_status: 'HEALTHY', service_status_updated: ctx.at, updated: ctx.at },
        message: 'Database is healthy; confirming the resize.',
      }),
    },
    { after: 2, apply: settled('Migration complete.') },
  ],
  mgmt_rebuild: [
    { after: 3, apply: serviceRunning('Server rebuilt from the new image; database starting.') },
    {
      after: 2,
      apply: settled('Rebuild complete.', {
        fault_message: null,
        fault_details: null,
        fault_created: null,
      }),
    },
  ],
}
