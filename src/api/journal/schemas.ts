import * as z from 'zod/mini'
import { JOURNAL_RESOURCE_KINDS, JOURNAL_STATUS_FILTER } from '../rules/journal-filters'

/**
 * The operations journal's wire contract (issue 17), shared by the console server
 * (`server/journal/`) and the SPA (`src/features/activity`).
 */

export type JournalResourceKind = (typeof JOURNAL_RESOURCE_KINDS)[number]

/** request: a mutating request the console served or forwarded; transition: a status change. */
export const journalEntryKindSchema = z.enum(['request', 'transition'])
/** console: the request passed through; engine: the embedded cloud's task engine; watcher: gateway mode's project watcher. */
export const journalSourceSchema = z.enum(['console', 'engine', 'watcher'])

export const journalEntrySchema = z.object({
  id: z.number().check(z.int()),
  /** ISO 8601 time. */
  at: z.string(),
  kind: journalEntryKindSchema,
  source: journalSourceSchema,
  region: z.nullable(z.string()),
  projectId: z.nullable(z.string()),
  projectName: z.nullable(z.string()),
  userId: z.nullable(z.string()),
  userName: z.nullable(z.string()),
  method: z.nullable(z.string()),
  path: z.nullable(z.string()),
  resourceKind: z.enum(JOURNAL_RESOURCE_KINDS),
  resourceId: z.nullable(z.string()),
  resourceName: z.nullable(z.string()),
  /** create, delete, update, restart, resize_volume, ... ; `status` for a transition. */
  action: z.string(),
  /** The request body with every secret replaced by "***" (never the secret itself). */
  summary: z.nullable(z.unknown()),
  /** HTTP status of the answer (requests). */
  status: z.nullable(z.number().check(z.int())),
  requestId: z.nullable(z.string()),
  fromStatus: z.nullable(z.string()),
  toStatus: z.nullable(z.string()),
  /** How long the resource stayed in `fromStatus` (transitions), in ms. */
  previousMs: z.nullable(z.number()),
  datastore: z.nullable(z.string()),
})
export type JournalEntry = z.infer<typeof journalEntrySchema>

/** What this server can and cannot have seen: gateway mode misses other tools' changes nobody watched. */
export const journalCoverageSchema = z.object({
  mode: z.enum(['embedded', 'gateway']),
  note: z.string(),
  retentionDays: z.number(),
})
export type JournalCoverage = z.infer<typeof journalCoverageSchema>

export const journalPageSchema = z.object({
  entries: z.array(journalEntrySchema),
  /** Pass as `cursor` for the next (older) page; null at the end. */
  nextCursor: z.nullable(z.string()),
  coverage: journalCoverageSchema,
})
export type JournalPage = z.infer<typeof journalPageSchema>

const optionalText = z.optional(z.string().check(z.trim(), z.maxLength(200)))
const optionalTime = z.optional(
  z.string().check(
    z.trim(),
    z.refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 time'),
  ),
)

/** The journal's query string (`GET /console-api/v1/journal`). Unknown parameters are ignored. */
export const journalQuerySchema = z.object({
  project: optionalText,
  region: optionalText,
  kind: z.optional(z.enum(JOURNAL_RESOURCE_KINDS)),
  /** A resource id (or service name). */
  resource: optionalText,
  /** A user name or id. */
  actor: optionalText,
  action: optionalText,
  status: z.optional(
    z.string().check(z.trim(), z.regex(JOURNAL_STATUS_FILTER, 'must be 2xx, 4xx, 5xx or a status')),
  ),
  /** Only requests or only transitions. */
  type: z.optional(journalEntryKindSchema),
  from: optionalTime,
  to: optionalTime,
  cursor: z.optional(z.string().check(z.regex(/^\d{1,15}$/, 'must be a cursor this API returned'))),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(500))),
})
export type JournalQuery = z.infer<typeof journalQuerySchema>

/** A resource in a transitional state for longer than its usual time (stuck detection). */
export const stuckFlagSchema = z.object({
  resourceKind: z.enum(JOURNAL_RESOURCE_KINDS),
  resourceId: z.string(),
  resourceName: z.nullable(z.string()),
  region: z.nullable(z.string()),
  projectId: z.nullable(z.string()),
  status: z.string(),
  datastore: z.nullable(z.string()),
  /** When it entered `status` (ISO 8601). */
  since: z.string(),
  forMs: z.number(),
  /** Median and p95 time in `status` for this datastore, from the journal's own history. */
  medianMs: z.nullable(z.number()),
  p95Ms: z.nullable(z.number()),
  /** Past this it counts as stuck: the p95, never below the floor. */
  thresholdMs: z.number(),
  samples: z.number().check(z.int()),
})
export type StuckFlag = z.infer<typeof stuckFlagSchema>

export const stuckListSchema = z.object({ stuck: z.array(stuckFlagSchema) })
export type StuckList = z.infer<typeof stuckListSchema>

export const stuckQuerySchema = z.object({
  project: optionalText,
  region: optionalText,
})

/**
 * The statuses stuck detection watches: they end by themselves (Trove's transitional instance
 * statuses, its RUNNING backup states, the DBaaS `rebuilding` state).
 */
export const STUCK_WATCHED_STATUSES: Readonly<
  Record<'instance' | 'backup' | 'service', readonly string[]>
> = {
  instance: [
    'BUILD',
    'REBOOT',
    'RESIZE',
    'SHUTDOWN',
    'BACKUP',
    'PROMOTE',
    'EJECT',
    'UPGRADE',
    'DETACH',
  ],
  backup: ['NEW', 'BUILDING', 'SAVING'],
  service: ['rebuilding'],
}

/**
 * How long a resource usually stays in a status (`GET /console-api/v1/journal/durations`): the
 * median and p95 the stuck detector uses, for the change preview's "expected length".
 * `basis` says whose history it is: this datastore's, every datastore's (too few samples for
 * this one), or none ("no history yet").
 */
export const usualDurationSchema = z.object({
  kind: z.enum(JOURNAL_RESOURCE_KINDS),
  status: z.string(),
  datastore: z.nullable(z.string()),
  basis: z.enum(['datastore', 'all', 'none']),
  medianMs: z.nullable(z.number()),
  p95Ms: z.nullable(z.number()),
  samples: z.number().check(z.int()),
})
export type UsualDurationBody = z.infer<typeof usualDurationSchema>

export const durationsQuerySchema = z.object({
  kind: z.enum(JOURNAL_RESOURCE_KINDS),
  status: z.string().check(z.trim(), z.regex(/^[A-Za-z_]{1,40}$/)),
  datastore: optionalText,
})
