import type { Db } from '../store/db'
import {
  backupRowById,
  dueBackupDeletes,
  dueCopies,
  markBackupsDeleted,
  updateBackup,
  type BackupRow,
} from '../store/backup-queries'
import type { StepContext, StepResult, TaskStep } from './task-kinds'

/** Trove's default `backup_swift_container`. */
export const DEFAULT_BACKUP_CONTAINER = 'database_backups'

/** Seconds (at speed 1) a backup stays NEW, then BUILDING; real Trove takes ~10 s in all. */
export const BACKUP_NEW_SECONDS = 2
export const BACKUP_BUILDING_SECONDS = 8
/** Seconds (at speed 1) a cross-region copy stays NEW before it is COMPLETED. */
export const BACKUP_COPY_SECONDS = 8

/**
 * Failure injection, like Trove's fakes: a backup whose name ends in `FAIL_BACKUP` ends FAILED
 * (after BUILDING) and leaves no data behind; so does every backup of an instance whose name ends
 * in `FAIL_BACKUP` (a backup the console names itself, e.g. the final backup before a delete).
 */
export const FAIL_BACKUP_SUFFIX = 'FAIL_BACKUP'

/** What the fake guest's xtrabackup stream weighs, from the instance's used volume (GB). */
export function backupSizeFor(volumeUsed: number | null, incremental: boolean): number {
  const used = volumeUsed ?? 0.16
  // A full backup compresses the data (0.16 GB used -> 0.14, as real Trove reports); an
  // incremental holds only the pages changed since its parent.
  const size = incremental ? used * 0.125 : used * 0.875
  return Math.max(0.01, Math.round(size * 100) / 100)
}

/** Where the backup's object lives in the region's object store. */
export function backupLocation(
  b: Pick<BackupRow, 'id' | 'region' | 'project_id' | 'swift_container'>,
) {
  const container = b.swift_container ?? DEFAULT_BACKUP_CONTAINER
  return `http://swift.${b.region.toLowerCase()}.dbaas.local:8080/v1/AUTH_${b.project_id}/${container}/${b.id}.xbstream.gz.enc`
}

function backupOf(ctx: StepContext, db: Db): BackupRow | undefined {
  const id = ctx.payload.backupId
  if (typeof id !== 'string') return undefined
  const b = backupRowById(db, id)
  return b && !b.deleted ? b : undefined
}

/**
 * A backup is an instance task (payload `{backupId}`): the instance row is untouched (its
 * public status reads BACKUP from the running backup), the backup row moves through
 * NEW -> BUILDING -> COMPLETED (or FAILED) as a side effect of each step.
 */
export const BACKUP_TASK_KINDS: Record<string, TaskStep[]> = {
  backup: [
    {
      after: BACKUP_NEW_SECONDS,
      apply: (ctx): StepResult => ({
        patch: {},
        message: 'Backup is running.',
        sideEffect: (db) => {
          const b = backupOf(ctx, db)
          if (b?.status === 'NEW') updateBackup(db, b.id, { status: 'BUILDING', updated: ctx.at })
        },
      }),
    },
    {
      after: BACKUP_BUILDING_SECONDS,
      apply: (ctx): StepResult => {
        const failing =
          (typeof ctx.payload.name === 'string' && ctx.payload.name.endsWith(FAIL_BACKUP_SUFFIX)) ||
          ctx.inst.name.endsWith(FAIL_BACKUP_SUFFIX)
        return {
          patch: {},
          message: failing
            ? 'Backup failed: the backup stream was interrupted.'
            : 'Backup completed.',
          sideEffect: (db) => {
            const b = backupOf(ctx, db)
            if (!b || (b.status !== 'BUILDING' && b.status !== 'NEW')) return
            if (failing) {
              updateBackup(db, b.id, { status: 'FAILED', updated: ctx.at })
              return
            }
            updateBackup(db, b.id, {
              status: 'COMPLETED',
              size: backupSizeFor(ctx.inst.volume_used, b.parent_id !== null),
              location_ref: backupLocation(b),
              updated: ctx.at,
            })
          },
        }
      },
    },
  ],
}

/**
 * Completes the cross-region copies that came due (they belong to no instance, so they are not
 * instance tasks): NEW -> COMPLETED at their `due_at`. Returns how many settled.
 */
export function settleDueCopies(db: Db, now: number): number {
  const due = dueCopies(db, now)
  for (const b of due) {
    updateBackup(db, b.id, {
      status: 'COMPLETED',
      location_ref: backupLocation(b),
      updated: b.due_at ?? now,
      due_at: null,
    })
  }
  return due.length
}

/** Seconds (at speed 1) between an accepted backup DELETE and the backup leaving the lists. */
export const BACKUP_DELETE_SECONDS = 5

/** Removes the backups whose accepted delete came due (Trove's task manager, asynchronously). */
export function settleDueDeletes(db: Db, now: number): number {
  const due = dueBackupDeletes(db, now)
  if (due.length > 0) markBackupsDeleted(db, due, now)
  return due.length
}

/** Row-level timers the engine runs on every tick, besides the instance tasks. */
export const BACKUP_SWEEPS: ((db: Db, now: number) => number)[] = [
  settleDueCopies,
  settleDueDeletes,
]
