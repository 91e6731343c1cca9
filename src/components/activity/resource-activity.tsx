import { useMemo } from 'react'
import type { JournalResourceKind } from '@/api/journal/schemas'
import { useLocalTableSearch } from '@/components/data-table/use-local-table-search'
import type { JournalSort } from './journal-sort'
import { JournalView } from './journal-view'

/** The Activity of one instance, backup or service: its journal entries, live while shown. */
export function ResourceActivity({
  kind,
  id,
  name,
}: {
  kind: JournalResourceKind
  /** The resource id (a service: its name). */
  id: string
  /** For the export's file name. */
  name: string
}) {
  const [search, setSearch] = useLocalTableSearch<JournalSort>('at', 'desc')
  const filters = useMemo(() => ({ kind, resource: id }), [kind, id])
  return (
    <section aria-labelledby={`activity-${id}`} className="grid gap-3">
      <h2 id={`activity-${id}`} className="text-base font-semibold">
        Activity
      </h2>
      <JournalView
        filters={filters}
        search={search}
        onSearchChange={setSearch}
        showResource={false}
        idPrefix="resource-activity"
        label={`Activity of ${name}`}
        exportName={`activity-${kind}-${name}`}
      />
    </section>
  )
}
