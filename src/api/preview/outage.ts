import { formatDuration } from '@/lib/format'
import type { UsualDurationBody } from '../journal/schemas'
import type { Consequence, PreviewAction } from './consequence'

/**
 * Which status an action puts the resource in, so its usual length comes from the journal's
 * history of that status (`GET /console-api/v1/journal/durations`): the same median/p95 the
 * stuck detector uses.
 */
export const ACTION_STATUS: Partial<
  Record<PreviewAction, { kind: 'instance' | 'backup'; status: string }>
> = {
  restart: { kind: 'instance', status: 'REBOOT' },
  'resize-flavor': { kind: 'instance', status: 'RESIZE' },
  'resize-volume': { kind: 'instance', status: 'RESIZE' },
  upgrade: { kind: 'instance', status: 'UPGRADE' },
  promote: { kind: 'instance', status: 'PROMOTE' },
  eject: { kind: 'instance', status: 'EJECT' },
  detach: { kind: 'instance', status: 'DETACH' },
  'create-replica': { kind: 'instance', status: 'BUILD' },
  'create-backup': { kind: 'instance', status: 'BACKUP' },
}

/** What the database's clients see during the action (Trove 18 behaviour). */
const EFFECT: Partial<Record<PreviewAction, { tone: Consequence['tone']; text: string }>> = {
  restart: {
    tone: 'warning',
    text: 'The database restarts: connections drop and it is unavailable until it is ACTIVE again',
  },
  'resize-flavor': {
    tone: 'warning',
    text: 'The instance restarts on the new flavor: the database is unavailable meanwhile',
  },
  'resize-volume': {
    tone: 'info',
    text: "The volume grows online (Trove's default online_volume_resize); a cloud with it turned off stops the database meanwhile",
  },
  upgrade: {
    tone: 'warning',
    text: 'The database restarts on the new version: it is unavailable meanwhile',
  },
  promote: {
    tone: 'warning',
    text: 'Writes pause while the replication set switches over to the new source',
  },
  eject: {
    tone: 'warning',
    text: 'The failed source is dropped and a replica takes its place: writes wait until it does',
  },
  detach: {
    tone: 'info',
    text: 'The replica stops following its source; reads go on, and it becomes writable',
  },
  'create-replica': {
    tone: 'info',
    text: 'The source keeps serving; the new replica is ready after its build',
  },
  'create-backup': {
    tone: 'info',
    text: 'The database stays online; other actions on the instance are refused while the backup runs',
  },
  'attach-configuration': {
    tone: 'info',
    text: 'Values that apply at once change now; values that need a restart wait for one (the instance shows RESTART_REQUIRED)',
  },
  'detach-configuration': {
    tone: 'info',
    text: 'The instance goes back to the defaults; values that need a restart keep their old setting until it restarts (RESTART_REQUIRED)',
  },
  delete: {
    tone: 'danger',
    text: 'The database, its volume and the data on it go for good',
  },
}

/** The journal's answer; undefined while it is read. */
export type UsualLength = UsualDurationBody | 'unavailable' | undefined

/** "Usually 42s (p95 1m 10s, 12 past REBOOTs on mysql)", or "no history yet". */
export function describeUsual(usual: UsualLength, datastore: string): string {
  if (usual === 'unavailable') return 'Expected length unknown (the journal could not be read)'
  if (!usual) return 'Expected length: reading the journal'
  if (usual.basis === 'none' || usual.medianMs === null) {
    return 'Expected length: no history yet'
  }
  const where = usual.basis === 'datastore' ? `on ${datastore}` : 'on all datastores'
  const p95 = usual.p95Ms === null ? '' : `p95 ${formatDuration(usual.p95Ms)}, `
  return `Usually ${formatDuration(usual.medianMs)} (${p95}${usual.samples} past ${usual.status} ${where})`
}

/** The outage (or its absence) and its expected length; undefined for actions without one. */
export function outageConsequence(
  action: PreviewAction,
  datastore: string,
  usual: UsualLength,
): Consequence | undefined {
  const effect = EFFECT[action]
  if (!effect) return undefined
  const timed = ACTION_STATUS[action] !== undefined
  return {
    id: 'outage',
    kind: 'outage',
    tone: effect.tone,
    text: timed ? `${effect.text}. ${describeUsual(usual, datastore)}.` : `${effect.text}.`,
  }
}
