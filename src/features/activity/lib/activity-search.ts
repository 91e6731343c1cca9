import { z } from 'zod'
import { JOURNAL_RESOURCE_KINDS, JOURNAL_STATUS_FILTER } from '@/api/journal/schemas'
import type { JournalFilters } from '@/api/journal/keys'
import { tableSearchDefaults, tableSearchFields } from '@/components/data-table/search'
import { JOURNAL_SORT_COLUMNS, type JournalSort } from '@/components/activity/journal-columns'

const text = z.string().trim().max(200).default('').catch('')
/** `datetime-local` value (YYYY-MM-DDTHH:MM), or ''. */
const localTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
  .default('')
  .catch('')

/** The Activity page's URL: the table's state and the journal filters (sent to the server). */
export const activitySearchSchema = z.object({
  ...tableSearchFields(JOURNAL_SORT_COLUMNS, 'at', 'desc'),
  kind: z
    .enum(['', ...JOURNAL_RESOURCE_KINDS])
    .default('')
    .catch(''),
  resource: text,
  actor: text,
  action: text,
  status: z.string().regex(JOURNAL_STATUS_FILTER).or(z.literal('')).default('').catch(''),
  type: z.enum(['', 'request', 'transition']).default('').catch(''),
  from: localTime,
  to: localTime,
})
export type ActivitySearch = z.infer<typeof activitySearchSchema>

export const activitySearchDefaults: ActivitySearch = {
  ...tableSearchDefaults<JournalSort>('at', 'desc'),
  kind: '',
  resource: '',
  actor: '',
  action: '',
  status: '',
  type: '',
  from: '',
  to: '',
}

/** A local `datetime-local` value as the ISO time the API takes ('' stays unset). */
export function localToIso(value: string): string | undefined {
  if (!value) return undefined
  const t = new Date(value)
  return Number.isNaN(t.getTime()) ? undefined : t.toISOString()
}

/** The server-side filters of the page's search. */
export function journalFiltersOf(s: ActivitySearch): JournalFilters {
  return {
    kind: s.kind || undefined,
    resource: s.resource || undefined,
    actor: s.actor || undefined,
    action: s.action || undefined,
    status: s.status || undefined,
    type: s.type || undefined,
    from: localToIso(s.from),
    to: localToIso(s.to),
  }
}
