import * as z from 'zod/mini'
import { backupSchema } from '../backups/schemas'
import { instanceSchema } from '../instances/schemas'
import { mgmtInstanceSchema } from '../mgmt/schemas'

/**
 * The console server's change feed (`GET /console-api/v1/feed`), shared by the server (which
 * types its answers with these) and the SPA (which parses them). See docs/change-feed.md.
 */

export const FEED_PATH = '/console-api/v1/feed'

/** Kinds the feed carries. DBaaS services are the project's instances: their changes are these. */
export const FEED_KINDS = ['instances', 'backups'] as const
export type FeedKind = (typeof FEED_KINDS)[number]

/** Longest long poll (`wait`, seconds). */
export const FEED_MAX_WAIT_S = 25

/** `<epoch>.<sequence>`: the watcher's lifetime and the last change the reader has. */
export const feedCursorSchema = z
  .string()
  .check(
    z.maxLength(64),
    z.regex(/^[A-Za-z0-9_-]{1,40}\.\d{1,15}$/, 'must be a cursor the feed sent'),
  )

export const feedQuerySchema = z.object({
  region: z.string().check(z.minLength(1, 'is required'), z.maxLength(64)),
  /** The token's project; optional, refused when it is another project. */
  projectId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  cursor: z.optional(feedCursorSchema),
  /** Seconds to hold the request while nothing changed (long poll), 0..25. */
  wait: z.optional(z.coerce.number().check(z.int(), z.gte(0), z.lte(FEED_MAX_WAIT_S))),
  /** `1`: all rows now (when the watcher is warm), as a reset. */
  snapshot: z.optional(z.enum(['0', '1'])),
  /**
   * `1`: every project's rows in the region (admin tokens only: the watcher reads Trove's
   * `/mgmt/instances` and `/backups?all_projects=true`). The all-projects status wall reads it.
   */
  allProjects: z.optional(z.enum(['0', '1'])),
  /** Which kinds (comma separated); default all. */
  kinds: z.optional(
    z
      .string()
      .check(
        z.maxLength(64),
        z.regex(
          /^(instances|backups)(,(instances|backups))?$/,
          'must be instances, backups or both',
        ),
      ),
  ),
})
export type FeedQuery = z.infer<typeof feedQuerySchema>

const changesOf = <S extends z.ZodMiniType>(row: S) =>
  z.object({
    /** Rows new since the cursor (all rows, on a reset). */
    created: z.optional(z.array(row)),
    /** Rows whose answer changed since the cursor: the whole row, as `GET /{kind}/{id}` sends it. */
    changed: z.optional(z.array(row)),
    /** Ids gone since the cursor. */
    deleted: z.optional(z.array(z.string())),
  })

export const instanceChangesSchema = changesOf(instanceSchema)
export const backupChangesSchema = changesOf(backupSchema)
export type InstanceChanges = z.infer<typeof instanceChangesSchema>
export type BackupChanges = z.infer<typeof backupChangesSchema>

export const feedResponseSchema = z.object({
  /** Send it back as `cursor` next time. */
  cursor: feedCursorSchema,
  /**
   * The cursor was unknown or too old (or a snapshot was asked for): `created` holds every row
   * of each kind that is warm, and cached rows not in it are gone. A reset of a kind that is not
   * warm carries no rows: read the list itself.
   */
  reset: z.optional(z.literal(true)),
  /** Kinds whose rows the watcher holds in full (it has walked the list once). */
  warm: z.array(z.enum(FEED_KINDS)),
  instances: z.optional(instanceChangesSchema),
  backups: z.optional(backupChangesSchema),
})
export type FeedResponse = z.infer<typeof feedResponseSchema>

/**
 * The all-projects feed (`allProjects=1`, admin tokens): its instance rows are Trove's admin
 * views (`/mgmt/instances`, with `tenant_id`), whose fields differ from the tenant view's.
 */
export const allProjectsFeedResponseSchema = z.extend(feedResponseSchema, {
  instances: z.optional(changesOf(mgmtInstanceSchema)),
})
export type AllProjectsFeedResponse = z.infer<typeof allProjectsFeedResponseSchema>

/** The console API's error body (400, 401, 403, 404, 413, 415, 422). */
export const consoleErrorSchema = z.object({ message: z.string() })
