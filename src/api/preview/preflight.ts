import type { Backup } from '../backups/schemas'
import type { Instance } from '../instances/schemas'
import type { Consequence, PreviewAction } from './consequence'
import { replicationSetOf } from './topology'

const DAY_MS = 24 * 60 * 60 * 1000

/** Actions that risk the data or its availability: worth a recent backup first. */
const RISKY: ReadonlySet<PreviewAction> = new Set([
  'delete',
  'resize-flavor',
  'resize-volume',
  'upgrade',
  'promote',
  'eject',
  'detach',
  'attach-configuration',
  'detach-configuration',
])

/** Actions that restart the database (and so apply a pending configuration change). */
const RESTARTS: ReadonlySet<PreviewAction> = new Set(['restart', 'resize-flavor', 'upgrade'])

function isRestartRequired(i: Pick<Instance, 'status' | 'operating_status'>): boolean {
  return i.status === 'RESTART_REQUIRED' || i.operating_status === 'RESTART_REQUIRED'
}

/** "RESTART_REQUIRED pending": a configuration change waits for a restart. */
export function restartRequiredWarning(
  action: PreviewAction,
  instance: Instance,
): Consequence | undefined {
  if (!isRestartRequired(instance) || action === 'delete') return undefined
  return {
    id: 'restart-required',
    kind: 'warning',
    tone: RESTARTS.has(action) ? 'info' : 'warning',
    text: RESTARTS.has(action)
      ? `RESTART_REQUIRED pending: this ${action === 'restart' ? 'restart' : action} also applies the configuration change that waits for it.`
      : `RESTART_REQUIRED pending: ${instance.name} still runs with its old configuration values until it restarts.`,
  }
}

function parseTime(s: string | undefined): number | undefined {
  if (!s) return undefined
  const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s}Z`)
  return Number.isFinite(t) ? t : undefined
}

/** "No backup in the last 24 h" before an action that risks the data. */
export function recentBackupWarning(
  action: PreviewAction,
  instance: Pick<Instance, 'id' | 'name'>,
  backups: readonly Backup[] | undefined,
  now: number,
): Consequence | undefined {
  if (!RISKY.has(action) || !backups) return undefined
  const times = backups
    .filter((b) => b.instance_id === instance.id && b.status === 'COMPLETED')
    .map((b) => parseTime(b.updated) ?? parseTime(b.created))
    .filter((t): t is number => t !== undefined)
  const last = times.length > 0 ? Math.max(...times) : undefined
  if (last !== undefined && now - last <= DAY_MS) return undefined
  const ago =
    last === undefined
      ? 'it has no completed backup'
      : `its last completed backup is ${Math.floor((now - last) / DAY_MS)} day(s) old`
  return {
    id: 'no-recent-backup',
    kind: 'warning',
    tone: 'warning',
    text: `No backup in the last 24 h: ${ago}.`,
  }
}

/** Numeric parts of a datastore version ("8.0.32" → [8, 0, 32]). */
function versionParts(v: string): number[] {
  return v
    .split(/[^0-9]+/)
    .filter(Boolean)
    .map(Number)
}

/** Negative when a is older than b. */
export function compareVersions(a: string, b: string): number {
  const x = versionParts(a)
  const y = versionParts(b)
  for (let k = 0; k < Math.max(x.length, y.length); k++) {
    const d = (x[k] ?? 0) - (y[k] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

function versionOf(i: Instance): string {
  return i.datastore.version_number ?? i.datastore.version
}

/** "Replica on an older datastore version" in the set the action touches. */
export function olderReplicaWarning(
  action: PreviewAction,
  instance: Instance,
  instances: readonly Instance[],
): Consequence | undefined {
  const set = replicationSetOf(instance, instances)
  if (!set) return undefined
  const byId = new Map(instances.map((i) => [i.id, i]))
  const source = byId.get(set.source.id) ?? (set.source.id === instance.id ? instance : undefined)
  if (!source) return undefined
  const older = set.replicas
    .map((r) => byId.get(r.id) ?? (r.id === instance.id ? instance : undefined))
    .filter((r): r is Instance => r !== undefined)
    .filter((r) => compareVersions(versionOf(r), versionOf(source)) < 0)
  if (older.length === 0) return undefined
  const names = older.map((r) => `${r.name} (${versionOf(r)})`).join(', ')
  const promotingOlder = action === 'promote' && older.some((r) => r.id === instance.id)
  return {
    id: 'older-replica',
    kind: 'warning',
    tone: 'warning',
    text: promotingOlder
      ? `Replica on an older version: ${instance.name} runs ${instance.datastore.type} ${versionOf(instance)}, older than its source's ${versionOf(source)}; after the promotion the whole set follows the older version.`
      : `Replica on an older version: ${names}, while the source ${source.name} runs ${versionOf(source)}.`,
  }
}
