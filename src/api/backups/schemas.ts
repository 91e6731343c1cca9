import * as z from 'zod/mini'
import { linkSchema } from '../common/schemas'
import { nonEmptyString, uuidString } from '../instances/schemas'

/**
 * Backup statuses (trove/backup/state.py). RUNNING: NEW, BUILDING, SAVING; END: COMPLETED, FAILED,
 * DELETE_FAILED, RESTORED. Parsed leniently: an unknown value renders as unknown.
 */
export const BACKUP_STATUSES = [
  'NEW',
  'BUILDING',
  'SAVING',
  'COMPLETED',
  'FAILED',
  'DELETE_FAILED',
  'RESTORED',
] as const
export type BackupStatus = (typeof BACKUP_STATUSES)[number]

/** Rackspace's backup `source`: what was backed up, a single instance or an HA group. */
export const backupSourceSchema = z.object({
  type: z.enum(['instance', 'ha']),
  id: uuidString,
})
export type BackupSource = z.infer<typeof backupSourceSchema>

/**
 * The backup view (Trove 18 BackupView): `datastore` is present when the backup has a datastore
 * version. `source` is the Rackspace extension, sent for HA backups only.
 */
export const backupSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.optional(z.nullable(z.string())),
  locationRef: z.optional(z.nullable(z.string())),
  instance_id: z.optional(z.nullable(z.string())),
  created: z.string(),
  updated: z.string(),
  size: z.optional(z.nullable(z.number())),
  status: z.string(),
  parent_id: z.optional(z.nullable(z.string())),
  project_id: z.optional(z.string()),
  datastore: z.optional(
    z.looseObject({ type: z.string(), version: z.string(), version_id: z.string() }),
  ),
  source: z.optional(z.looseObject({ type: z.string(), id: z.nullable(z.string()) })),
})
export type Backup = z.infer<typeof backupSchema>

export const backupListSchema = z.object({
  backups: z.array(backupSchema),
  links: z.optional(z.array(linkSchema)),
})
export type BackupList = z.infer<typeof backupListSchema>
export const backupShowSchema = z.object({ backup: backupSchema })

/* ---------------------------------------------------------------- requests */

/** Backup names: Trove's non_empty_string, at most 64 characters (Rackspace's limit). */
export const BACKUP_NAME_MAX = 64
export const backupNameSchema = nonEmptyString.check(z.maxLength(BACKUP_NAME_MAX))

/** `POST /backups` (trove/common/apischema.py `backup.create`, plus Rackspace's `source`). */
export const createBackupRequestSchema = z.object({
  backup: z.looseObject({
    name: backupNameSchema,
    description: z.optional(nonEmptyString),
    instance: z.optional(z.nullable(uuidString)),
    parent_id: z.optional(uuidString),
    incremental: z.optional(z.number().check(z.int(), z.gte(0), z.lte(1))),
    swift_container: z.optional(nonEmptyString),
    restore_from: z.optional(
      z.object({
        remote_location: nonEmptyString,
        local_datastore_version_id: uuidString,
        size: z.number(),
      }),
    ),
    source: z.optional(backupSourceSchema),
  }),
})
export type CreateBackupRequest = z.infer<typeof createBackupRequestSchema>

/** `POST /backups/{id}/action` with Rackspace's `copy-backup` (answered 202, empty body). */
export const copyBackupRequestSchema = z.object({
  'copy-backup': z.looseObject({
    target_backup_region: nonEmptyString,
    name: z.optional(backupNameSchema),
    description: z.optional(nonEmptyString),
  }),
})
export type CopyBackupRequest = z.infer<typeof copyBackupRequestSchema>

/* -------------------------------------------------------- backup strategies */

export const backupStrategySchema = z.looseObject({
  project_id: z.string(),
  /** '' for the project-wide strategy. */
  instance_id: z.nullable(z.string()),
  backend: z.string(),
  swift_container: z.string(),
})
export type BackupStrategy = z.infer<typeof backupStrategySchema>

export const backupStrategyListSchema = z.object({
  backup_strategies: z.array(backupStrategySchema),
})
export const backupStrategyShowSchema = z.object({ backup_strategy: backupStrategySchema })

/** `POST /backup_strategies` (additionalProperties false in Trove's schema). */
export const createBackupStrategyRequestSchema = z.object({
  backup_strategy: z.strictObject({
    instance_id: z.optional(uuidString),
    swift_container: nonEmptyString,
  }),
})
export type CreateBackupStrategyRequest = z.infer<typeof createBackupStrategyRequestSchema>
