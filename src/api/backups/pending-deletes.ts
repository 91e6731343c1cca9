import { useSyncExternalStore } from 'react'

/**
 * Backups whose DELETE the cloud accepted (202) but still lists: Trove's task manager removes
 * them asynchronously, so for a moment they keep their status (COMPLETED). The console shows
 * them as deleting until a list read no longer has them (or, at the latest, after `MAX_AGE_MS`).
 */
const MAX_AGE_MS = 10 * 60_000

interface Pending {
  scopeKey: string
  at: number
}

const pending = new Map<string, Pending>()
const listeners = new Set<() => void>()
let version = 0

const emit = () => {
  version++
  for (const l of listeners) l()
}

const scopeKeyOf = (scope: { region: string; projectId?: string }) =>
  `${scope.projectId ?? ''}@${scope.region}`

export function markBackupsDeleting(
  scope: { region: string; projectId?: string },
  ids: readonly string[],
  now = Date.now(),
): void {
  for (const id of ids) pending.set(id, { scopeKey: scopeKeyOf(scope), at: now })
  emit()
}

/** After a list read of `scope`: the pending ids it no longer has are gone for good. */
export function settleBackupDeletes(
  scope: { region: string; projectId?: string },
  listedIds: ReadonlySet<string>,
  now = Date.now(),
): void {
  const key = scopeKeyOf(scope)
  let changed = false
  for (const [id, p] of pending) {
    if ((p.scopeKey === key && !listedIds.has(id)) || now - p.at > MAX_AGE_MS) {
      pending.delete(id)
      changed = true
    }
  }
  if (changed) emit()
}

export function isBackupDeleting(id: string): boolean {
  return pending.has(id)
}

const subscribe = (l: () => void) => {
  listeners.add(l)
  return () => listeners.delete(l)
}

/** Re-renders when the set changes; true while the backup's accepted delete is pending. */
export function useBackupDeleting(id: string | undefined): boolean {
  useSyncExternalStore(
    subscribe,
    () => version,
    () => version,
  )
  return id !== undefined && pending.has(id)
}
