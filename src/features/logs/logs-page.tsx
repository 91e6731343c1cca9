import { useMemo, useRef, useState, type FormEvent } from 'react'
import { useQuery, useSuspenseInfiniteQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useVirtualizer } from '@tanstack/react-virtual'
import { Download, ScrollText } from 'lucide-react'
import { logPagesQueryOptions, logTailQueryOptions } from '@/api/dbaas/queries'
import type { LogEntry, Service } from '@/api/dbaas/schemas'
import { describeError } from '@/api/errors'
import { CopyButton } from '@/components/copy-button'
import { NoServicesNotice } from '@/components/dbaas/no-services-notice'
import { RequireDbaas } from '@/components/dbaas/require-dbaas'
import { ServicePicker } from '@/components/dbaas/service-picker'
import { Button } from '@/components/ui/button'
import { CheckboxField } from '@/components/ui/checkbox'
import { EmptyState } from '@/components/ui/empty-state'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { PageHeader } from '@/components/ui/page-header'
import { useChosenService } from '@/hooks/use-chosen-service'
import { useScope } from '@/hooks/use-session'
import type { LogOrder, LogsSearch } from './lib/logs-search'
import { highlightParts } from '@/lib/text-search'
import { arrangeLines, asText } from './lib/log-text'

const route = getRouteApi('/_app/logs')

export function LogsPage() {
  return (
    <RequireDbaas title="Logs">
      <LogsView />
    </RequireDbaas>
  )
}

function LogsView() {
  const scope = useScope()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const onSearch = (next: Partial<LogsSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...next }), replace: true })
  const { services, name } = useChosenService(search.service)

  return (
    <div className="mx-auto flex h-full max-w-7xl flex-col">
      <PageHeader
        title="Logs"
        description="What a service and its engine logged. Search the whole log, load older lines, or follow new ones live."
      />
      {!name ? (
        <NoServicesNotice
          icon={ScrollText}
          description="Logs are kept for database services (your instances). Launch an instance, then come back."
        />
      ) : (
        <ServiceLogs
          key={`${scope.projectId}/${scope.region}/${name}`}
          name={name}
          services={services}
          filter={search.q ?? ''}
          order={search.order ?? 'desc'}
          onSearch={onSearch}
        />
      )}
    </div>
  )
}

function ServiceLogs({
  name,
  services,
  filter,
  order,
  onSearch,
}: {
  name: string
  services: Service[]
  filter: string
  order: LogOrder
  onSearch: (next: Partial<LogsSearch>) => void
}) {
  const scope = useScope()
  const [tail, setTail] = useState(false)
  // The server searches the whole log for `filter`; these are the matching lines, newest first.
  const older = useSuspenseInfiniteQuery(logPagesQueryOptions(scope, name, filter))
  // Lines newer than the first page: everything after its newest line, asked again while tailing.
  const since = older.data.pages[0]?.['first-log-offset'] ?? undefined
  const newer = useQuery({ ...logTailQueryOptions(scope, name, since, filter), enabled: tail })

  const shown = useMemo(
    () =>
      arrangeLines(
        tail && newer.data ? newer.data.logs : [],
        older.data.pages.flatMap((p) => p.logs),
        order,
      ),
    [older.data, newer.data, tail, order],
  )

  const download = () => {
    const blob = new Blob([asText(shown)], { type: 'text/plain' })
    const url = URL.createObjectURL(blob)
    const a = document.createElement('a')
    a.href = url
    a.download = `${name}-logs.txt`
    a.click()
    URL.revokeObjectURL(url)
  }
  const submitFilter = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const text = new FormData(e.currentTarget).get('q')
    const q = typeof text === 'string' ? text.trim().slice(0, 200) : ''
    onSearch({ q: q || undefined })
  }
  const loadOlder = (
    <Button
      variant="outline"
      onClick={() => void older.fetchNextPage()}
      disabled={!older.hasNextPage || older.isFetchingNextPage}
    >
      {older.isFetchingNextPage ? 'Loading…' : older.hasNextPage ? 'Load older' : 'No older lines'}
    </Button>
  )

  return (
    <div className="grid min-h-0 flex-1 grid-rows-[auto_1fr_auto] gap-3">
      <div className="flex flex-wrap items-end gap-4">
        <ServicePicker
          services={services}
          value={name}
          onChange={(service) => onSearch({ service })}
        />
        <form
          role="search"
          aria-label="Search the log"
          onSubmit={submitFilter}
          className="flex min-w-0 flex-1 items-end gap-2 sm:min-w-64"
        >
          <Field label="Search the whole log" className="min-w-0 flex-1">
            <Input
              key={filter}
              type="search"
              name="q"
              defaultValue={filter}
              maxLength={200}
              placeholder="Text in message, unit or node"
            />
          </Field>
          <Button type="submit" variant="outline">
            Search
          </Button>
        </form>
        <Field label="Order">
          <Select
            value={order}
            onChange={(e) => onSearch({ order: e.target.value === 'asc' ? 'asc' : undefined })}
          >
            <option value="desc">Newest first</option>
            <option value="asc">Oldest first</option>
          </Select>
        </Field>
        <CheckboxField
          label="Live tail"
          checked={tail}
          onChange={(e) => setTail(e.target.checked)}
        />
        <CopyButton text={asText(shown)} label={`Copy ${shown.length} lines`} variant="outline" />
        <Button variant="outline" onClick={download} disabled={shown.length === 0}>
          <Download aria-hidden="true" /> Download
        </Button>
      </div>
      <LogTable entries={shown} filter={filter} />
      <div className="flex flex-wrap items-center gap-3 text-sm text-muted-foreground">
        <span aria-live="polite" data-testid="log-count">
          {shown.length} {filter ? `lines containing "${filter}"` : 'lines'}
          {older.hasNextPage ? ' read so far' : ''}
          {tail ? ' · following new lines' : ''}
          {newer.isError ? ` · live tail failed: ${describeError(newer.error)}` : ''}
        </span>
        {loadOlder}
      </div>
    </div>
  )
}

function Highlighted({ text, filter }: { text: string; filter: string }) {
  const parts = highlightParts(text, filter)
  return (
    <>
      {parts.map((p, i) =>
        i % 2 === 1 ? (
          <mark key={i} className="rounded-sm bg-warning-soft px-0.5 text-foreground">
            {p}
          </mark>
        ) : (
          p
        ),
      )}
    </>
  )
}

/** A virtualized table: thousands of lines render only what is on screen. */
function LogTable({ entries, filter }: { entries: LogEntry[]; filter: string }) {
  const parent = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library
  const rows = useVirtualizer({
    count: entries.length,
    getScrollElement: () => parent.current,
    estimateSize: () => 28,
    overscan: 20,
  })
  if (entries.length === 0) {
    return (
      <EmptyState
        icon={ScrollText}
        title={filter ? `No line contains "${filter}"` : 'No log lines yet'}
        description={
          filter
            ? 'The whole retained log (7 days) was searched. Change or clear the search.'
            : 'The service has not logged anything in the retention window (7 days).'
        }
      />
    )
  }
  return (
    <div
      ref={parent}
      className="min-h-80 overflow-auto rounded-lg border font-mono text-xs"
      style={{ height: 'calc(100vh - 22rem)' }}
      role="table"
      aria-label="Log lines"
      aria-rowcount={entries.length + 1}
      tabIndex={0}
    >
      <div role="rowgroup" className="sticky top-0 z-10 bg-muted">
        <div
          role="row"
          className="grid grid-cols-[13rem_8rem_10rem_1fr] gap-2 px-3 py-1.5 font-sans font-medium"
        >
          <span role="columnheader">Time (UTC)</span>
          <span role="columnheader">Node</span>
          <span role="columnheader">Unit</span>
          <span role="columnheader">Message</span>
        </div>
      </div>
      <div role="rowgroup" style={{ height: rows.getTotalSize(), position: 'relative' }}>
        {rows.getVirtualItems().map((v) => {
          const e = entries[v.index]
          if (!e) return null
          return (
            <div
              key={v.key}
              role="row"
              aria-rowindex={v.index + 2}
              data-index={v.index}
              ref={rows.measureElement}
              className="absolute left-0 grid w-full grid-cols-[13rem_8rem_10rem_1fr] gap-2 border-b px-3 py-1"
              style={{ transform: `translateY(${v.start}px)` }}
            >
              <span role="cell" className="tabular-nums text-muted-foreground">
                {e.time}
              </span>
              <span role="cell" className="truncate">
                {e.node ?? '-'}
              </span>
              <span role="cell" className="truncate">
                {e.unit ?? '-'}
              </span>
              <span role="cell" className="break-words whitespace-pre-wrap">
                <Highlighted text={e.message} filter={filter} />
              </span>
            </div>
          )
        })}
      </div>
    </div>
  )
}
