import { useInfiniteQuery } from '@tanstack/react-query'
import { History, Info } from 'lucide-react'
import { useMemo, useState, type ReactNode } from 'react'
import type { JournalFilters } from '@/api/journal/keys'
import { journalQueryOptions } from '@/api/journal/queries'
import type { JournalEntry } from '@/api/journal/schemas'
import { journalTwinRequest } from '@/api/journal/twin'
import { DataTable } from '@/components/data-table/data-table'
import type { RowAction } from '@/components/data-table/row-actions-menu'
import type { TableSearch } from '@/components/data-table/search'
import { RequestErrorAlert } from '@/components/request-error-alert'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { useNow } from '@/hooks/use-now'
import { useScope } from '@/hooks/use-session'
import {
  journalColumns,
  journalEntryId,
  journalEntryLabel,
  journalTieBreak,
} from './journal-columns'
import type { JournalSort } from './journal-sort'
import { JournalTwinDialog } from './journal-twin-dialog'

/**
 * A list of journal entries of the current scope, newest first, read again every few seconds
 * while shown; "Load older" pages back; the table's CSV and JSON export of the loaded entries
 * it shows. Says what the server could not have seen (gateway mode).
 */
export function JournalView({
  filters,
  search,
  onSearchChange,
  filterBar,
  onClearFilters,
  showResource,
  idPrefix,
  label,
  exportName,
}: {
  filters: JournalFilters
  search: TableSearch<JournalSort>
  onSearchChange: (patch: Partial<TableSearch<JournalSort>>) => void
  filterBar?: ReactNode
  onClearFilters?: () => void
  showResource: boolean
  idPrefix: string
  label: string
  exportName: string
}) {
  const scope = useScope()
  const now = useNow(15_000)
  const query = useInfiniteQuery(journalQueryOptions(scope, filters))
  const entries = useMemo<JournalEntry[] | undefined>(
    () => query.data?.pages.flatMap((p) => p.entries),
    [query.data],
  )
  const coverage = query.data?.pages[0]?.coverage
  const columns = useMemo(() => journalColumns(now, { showResource }), [now, showResource])
  const [twinOf, setTwinOf] = useState<JournalEntry | null>(null)
  const rowActions = useMemo<RowAction<JournalEntry>[]>(
    () => [
      {
        label: 'Command line equivalent',
        onSelect: setTwinOf,
        disabledReason: (e) =>
          journalTwinRequest(e)
            ? undefined
            : 'A status change the cloud made: there is no request to repeat.',
      },
    ],
    [],
  )

  return (
    <div className="grid gap-3">
      {coverage ? (
        <p
          className="flex items-start gap-2 text-sm text-muted-foreground"
          data-testid="journal-coverage"
        >
          <Info aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>
            {coverage.note} Entries are kept {coverage.retentionDays} days. Secrets (passwords,
            tokens, credentials) are never recorded.
          </span>
        </p>
      ) : null}
      {query.error ? <RequestErrorAlert error={query.error} /> : null}
      <DataTable
        label={label}
        idPrefix={idPrefix}
        columns={columns}
        rows={query.error ? [] : entries}
        getRowId={journalEntryId}
        rowLabel={journalEntryLabel}
        tieBreak={journalTieBreak}
        search={search}
        onSearchChange={onSearchChange}
        noun={{ one: 'entry', other: 'entries' }}
        filters={filterBar}
        onClearFilters={onClearFilters}
        filterPlaceholder="Filter loaded entries"
        csvName={exportName}
        exportJson
        rowActions={rowActions}
        minWidth={820}
        empty={
          <EmptyState
            icon={History}
            title="Nothing recorded yet"
            description="Changes made through this console, and status changes, appear here as they happen."
            headingLevel={3}
          />
        }
      />
      <JournalTwinDialog entry={twinOf} onClose={() => setTwinOf(null)} />
      {query.hasNextPage ? (
        <div>
          <Button
            variant="outline"
            size="sm"
            disabled={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {query.isFetchingNextPage ? 'Loading…' : 'Load older entries'}
          </Button>
        </div>
      ) : null}
    </div>
  )
}
