import * as z from 'zod/mini'
import { JOURNAL_RESOURCE_KINDS, JOURNAL_STATUS_FILTER } from '@/api/rules/journal-filters'
import type { JournalFilters } from '@/api/journal/keys'
import { tableSearchDefaults, tableSearchFields } from '@/components/data-table/search'
import { JOURNAL_SORT_COLUMNS, type JournalSort } from '@/components/activity/journal-sort'

const text = z.catch(z._default(z.string().check(z.trim(), z.maxLength(200)), ''), '')
/** `datetime-local` value (YYYY-MM-DDTHH:MM), or ''. */
const localTime = z.catch(
  z._default(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)), ''),
  '',
)

/** The Activity page's URL: the table's state and the journal filters (sent to the server). */
export const activitySearchSchema = z.object({
  ...tableSearchFields(JOURNAL_SORT_COLUMNS, 'at', 'desc'),
  kind: z.catch(z._default(z.enum(['', ...JOURNAL_RESOURCE_KINDS]), ''), ''),
  resource: text,
  actor: text,
  action: text,
  status: z.catch(
    z._default(z.union([z.string().check(z.regex(JOURNAL_STATUS_FILTER)), z.literal('')]), ''),
    '',
  ),
  type: z.catch(z._default(z.enum(['', 'request', 'transition']), ''), ''),
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
