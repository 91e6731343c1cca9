import { memo, useRef } from 'react'
import { Link } from '@tanstack/react-router'
import { useVirtualizer } from '@tanstack/react-virtual'
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react'
import type { Flavor } from '@/api/flavors/schemas'
import type { Instance } from '@/api/instances/schemas'
import { TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'
import {
  formatDateTime,
  formatGb,
  formatRamMb,
  formatRelativeTime,
  toIsoString,
} from '@/lib/format'
import type { FlavorLookup, SortColumn, SortDir } from '../lib/instance-list'
import { InstanceStatusBadges } from '@/components/status/instance-status-badge'

/** Estimated row height; rows are measured once rendered. */
const ROW_HEIGHT = 45

const COLUMNS: { id: SortColumn; label: string; className?: string }[] = [
  { id: 'name', label: 'Name', className: 'w-[19%]' },
  { id: 'status', label: 'Status', className: 'w-[24%]' },
  { id: 'datastore', label: 'Datastore', className: 'w-[13%]' },
  { id: 'flavor', label: 'Flavor', className: 'w-[11%]' },
  { id: 'volume', label: 'Volume', className: 'w-[10%]' },
  { id: 'region', label: 'Region', className: 'w-[11%]' },
  { id: 'created', label: 'Created', className: 'w-[12%]' },
]

/**
 * The instances as a real <table>, virtualized: only the visible rows (plus overscan) are in the
 * DOM, with spacer rows above and below, so thousands of rows scroll smoothly. The header is
 * sticky and every sortable column says its state with aria-sort. Memoized: the page's renders
 * that change no prop (a URL write after a keystroke) skip it.
 */
export const InstancesTable = memo(function InstancesTable({
  rows,
  total,
  flavor,
  sort,
  dir,
  onSort,
  now,
}: {
  rows: Instance[]
  total: number
  flavor: FlavorLookup
  sort: SortColumn
  dir: SortDir
  onSort: (col: SortColumn) => void
  now: number
}) {
  const scrollRef = useRef<HTMLDivElement>(null)
  // The React Compiler skips this component (useVirtualizer returns unstable functions); fine.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // Six rows (250 px) each way cover a wheel step; more only adds rows to render per frame
    // (measured: a top-to-bottom flick had twice the frames over 50 ms with 12).
    overscan: 6,
    getItemKey: (index) => rows[index]?.id ?? index,
  })
  const items = virtualizer.getVirtualItems()
  const padTop = items[0]?.start ?? 0
  const padBottom =
    items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0

  return (
    <div
      ref={scrollRef}
      className="relative max-h-[calc(100dvh-17rem)] min-h-64 overflow-auto rounded-lg border"
      data-testid="instances-scroll"
    >
      <table
        className="w-full table-fixed border-collapse text-sm"
        aria-label="Instances"
        aria-rowcount={rows.length + 1}
      >
        <TableHeader className="sticky top-0 z-10 shadow-[0_1px_0_var(--color-border)]">
          <TableRow aria-rowindex={1} className="hover:bg-transparent">
            {COLUMNS.map((c) => {
              const active = c.id === sort
              const Icon = active ? (dir === 'asc' ? ArrowUp : ArrowDown) : ArrowUpDown
              return (
                <TableHead
                  key={c.id}
                  className={c.className}
                  aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button
                    type="button"
                    onClick={() => onSort(c.id)}
                    className="-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
                  >
                    {c.label}
                    <Icon
                      aria-hidden="true"
                      className={active ? 'size-3.5' : 'size-3.5 opacity-40'}
                    />
                  </button>
                </TableHead>
              )
            })}
          </TableRow>
        </TableHeader>
        <tbody>
          {padTop > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={COLUMNS.length} style={{ height: padTop, padding: 0 }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const i = rows[item.index]
            if (!i) return null
            return (
              <InstanceRow
                key={item.key}
                instance={i}
                flavor={flavor(i.flavor.id)}
                index={item.index}
                now={now}
                measure={virtualizer.measureElement}
              />
            )
          })}
          {padBottom > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={COLUMNS.length} style={{ height: padBottom, padding: 0 }} />
            </tr>
          ) : null}
        </tbody>
      </table>
      {rows.length === 0 && total > 0 ? (
        <p className="p-6 text-center text-sm text-muted-foreground">
          No instance matches these filters.
        </p>
      ) : null}
    </div>
  )
})

/**
 * One row; memoized, so scrolling renders only the rows that come into view and a refetch only the
 * rows whose instance changed (rows keep their identity through Query's structural sharing).
 */
const InstanceRow = memo(function InstanceRow({
  instance: i,
  flavor: f,
  index,
  now,
  measure,
}: {
  instance: Instance
  flavor: Flavor | undefined
  index: number
  now: number
  measure: (el: HTMLTableRowElement | null) => void
}) {
  return (
    <TableRow ref={measure} data-index={index} aria-rowindex={index + 2}>
      <TableCell className="truncate font-medium">
        <Link
          to="/instances/$instanceId"
          params={{ instanceId: i.id }}
          className="text-primary hover:underline focus-visible:outline-2 focus-visible:outline-ring"
          title={i.name}
        >
          {i.name}
        </Link>
      </TableCell>
      <TableCell className="overflow-hidden">
        <InstanceStatusBadges status={i.status} operatingStatus={i.operating_status} nowrap />
      </TableCell>
      <TableCell className="truncate">
        {i.datastore.type} {i.datastore.version}
      </TableCell>
      <TableCell
        className="truncate"
        title={f ? `${f.name}: ${f.vcpus ?? '?'} vCPU, ${formatRamMb(f.ram)} RAM` : undefined}
      >
        {f ? f.name : <span className="text-muted-foreground">{String(i.flavor.id)}</span>}
      </TableCell>
      <TableCell className="truncate">
        {i.volume ? (
          <>
            {formatGb(i.volume.size)}
            {i.volume.used !== undefined ? (
              <span className="text-muted-foreground"> ({formatGb(i.volume.used)} used)</span>
            ) : null}
          </>
        ) : (
          <span className="text-muted-foreground">—</span>
        )}
      </TableCell>
      <TableCell className="truncate">{i.region ?? '—'}</TableCell>
      <TableCell className="truncate">
        {i.created ? (
          <time dateTime={toIsoString(i.created)} title={formatDateTime(i.created)}>
            {formatRelativeTime(i.created, now)}
          </time>
        ) : (
          '—'
        )}
      </TableCell>
    </TableRow>
  )
})
