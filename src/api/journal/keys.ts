import type { ScopeParams } from '../instances/keys'

/** What the journal is asked for besides the scope: the page's filters, or one resource. */
export interface JournalFilters {
  kind?: string
  resource?: string
  actor?: string
  action?: string
  status?: string
  type?: string
  from?: string
  to?: string
}

/** Query keys of the operations journal, per project and region. */
export const journalKeys = {
  all: ['journal'] as const,
  scope: (p: ScopeParams) => [...journalKeys.all, p.projectId, p.region] as const,
  list: (p: ScopeParams, f: JournalFilters) => [...journalKeys.scope(p), 'list', f] as const,
  stuck: (p: ScopeParams) => [...journalKeys.scope(p), 'stuck'] as const,
  durations: (p: ScopeParams, kind: string, status: string, datastore: string) =>
    [...journalKeys.scope(p), 'durations', kind, status, datastore] as const,
}
