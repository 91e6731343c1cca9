import { z } from 'zod'

/**
 * The operations journal's wire contract (issue 17), shared by the console server
 * (`server/journal/`) and the SPA (`src/features/activity`).
 */

/** What a journal entry is about. `other` covers paths the journal records but does not model. */
export const JOURNAL_RESOURCE_KINDS = [
  'instance',
  'backup',
  'service',
  'configuration',
  'database',
  'user',
  'root',
  'backup-strategy',
  'integration',
  'datastore-version',
  'quota',
  'credential',
  'other',
] as const
export type JournalResourceKind = (typeof JOURNAL_RESOURCE_KINDS)[number]

/** request: a mutating request the console served or forwarded; transition: a status change. */
export const journalEntryKindSchema = z.enum(['request', 'transition'])
/** console: the request passed through; engine: the embedded cloud's task engine; watcher: gateway mode's project watcher. */
export const journalSourceSchema = z.enum(['console', 'engine', 'watcher'])

export const journalEntrySchema = z.object({
  id: z.number().int(),
  /** ISO 8601 time. */
  at: z.string(),
  kind: journalEntryKindSchema,
  source: journalSourceSchema,
  region: z.string().nullable(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  method: z.string().nullable(),
  path: z.string().nullable(),
  resourceKind: z.enum(JOURNAL_RESOURCE_KINDS),
  resourceId: z.string().nullable(),
  resourceName: z.string().nullable(),
  /** create, delete, update, restart, resize_volume, ... ; `status` for a transition. */
  action: z.string(),
  /** The request body with every secret replaced by "***" (never the secret itself). */
  summary: z.unknown().nullable(),
  /** HTTP status of the answer (requests). */
  status: z.number().int().nullable(),
  requestId: z.string().nullable(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  /** How long the resource stayed in `fromStatus` (transitions), in ms. */
  previousMs: z.number().nullable(),
  datastore: z.string().nullable(),
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
  nextCursor: z.string().nullable(),
  coverage: journalCoverageSchema,
})
export type JournalPage = z.infer<typeof journalPageSchema>

const optionalText = z.string().trim().max(200).optional()
const optionalTime = z
  .string()
  .trim()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 time')
  .optional()

/** Outcome filter: HTTP classes for requests, or a status a transition reached (e.g. ERROR). */
export const JOURNAL_STATUS_FILTER = /^(2xx|3xx|4xx|5xx|[A-Za-z_]{1,40})$/

/** The journal's query string (`GET /console-api/v1/journal`). Unknown parameters are ignored. */
export const journalQuerySchema = z.object({
  project: optionalText,
  region: optionalText,
  kind: z.enum(JOURNAL_RESOURCE_KINDS).optional(),
  /** A resource id (or service name). */
  resource: optionalText,
  /** A user name or id. */
  actor: optionalText,
  action: optionalText,
  status: z
    .string()
    .trim()
    .regex(JOURNAL_STATUS_FILTER, 'must be 2xx, 4xx, 5xx or a status')
    .optional(),
  /** Only requests or only transitions. */
  type: journalEntryKindSchema.optional(),
  from: optionalTime,
  to: optionalTime,
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, 'must be a cursor this API returned')
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
})
export type JournalQuery = z.infer<typeof journalQuerySchema>

/** A resource in a transitional state for longer than its usual time (stuck detection). */
export const stuckFlagSchema = z.object({
  resourceKind: z.enum(JOURNAL_RESOURCE_KINDS),
  resourceId: z.string(),
  resourceName: z.string().nullable(),
  region: z.string().nullable(),
  projectId: z.string().nullable(),
  status: z.string(),
  datastore: z.string().nullable(),
  /** When it entered `status` (ISO 8601). */
  since: z.string(),
  forMs: z.number(),
  /** Median and p95 time in `status` for this datastore, from the journal's own history. */
  medianMs: z.number().nullable(),
  p95Ms: z.number().nullable(),
  /** Past this it counts as stuck: the p95, never below the floor. */
  thresholdMs: z.number(),
  samples: z.number().int(),
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
  datastore: z.string().nullable(),
  basis: z.enum(['datastore', 'all', 'none']),
  medianMs: z.number().nullable(),
  p95Ms: z.number().nullable(),
  samples: z.number().int(),
})
export type UsualDurationBody = z.infer<typeof usualDurationSchema>

export const durationsQuerySchema = z.object({
  kind: z.enum(JOURNAL_RESOURCE_KINDS),
  status: z
    .string()
    .trim()
    .regex(/^[A-Za-z_]{1,40}$/),
  datastore: optionalText,
})
