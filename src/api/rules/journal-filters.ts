/*
 * What the operations journal can be filtered by, in their own module so the Activity page's URL
 * schema can name them without loading the journal's wire schemas (src/api/journal/schemas.ts).
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

/** Outcome filter: HTTP classes for requests, or a status a transition reached (e.g. ERROR). */
export const JOURNAL_STATUS_FILTER = /^(2xx|3xx|4xx|5xx|[A-Za-z_]{1,40})$/
