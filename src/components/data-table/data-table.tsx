import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { ArrowDown, ArrowUp, ArrowUpDown, Download, Search } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { Checkbox } from '@/components/ui/checkbox'
import { EmptyState } from '@/components/ui/empty-state'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import { TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'
import { cn } from '@/lib/cn'
import type { DataTableColumn } from './columns'
import { ColumnMenu } from './column-menu'
import { downloadText, toCsv } from './csv'
import { DataTableSkeleton } from './data-table-skeleton'
import { RowActionsMenu, type RowAction } from './row-actions-menu'
import { formatCols, nextSort, parseCols, type TableSearch } from './search'
import { SelectionBar, type BulkAction } from './selection-bar'
import { cachedRowText, createRowFilter, sortRows } from './sort-filter'
import { useFilterText } from './use-filter-text'
import { useWarmRowText } from './use-warm-row-text'

/**
 * The first guess of a row's height (px): a row with the actions button. Rows hold one line each
 * (cells truncate), so they are all as tall as the first one rendered, which is measured once
 * per render; the virtualizer does not measure every row (each measurement that differs from
 * its estimate re-computes the positions of all rows: 20,000 rows, 30 times per render).
 */
const ROW_HEIGHT = 53

/** Selected row ids. */
type RowSelection = Record<string, boolean>

const NONE: never[] = []

const isEmpty = (selection: RowSelection): boolean => Object.keys(selection).length === 0

interface DataTableProps<T extends object, S extends string> {
  /** The table's accessible name (e2e finds tables by it). */
  label: string
  /** Column definitions of the resource; keep the array stable (module constant or useMemo). */
  columns: readonly DataTableColumn<T>[]
  /** The rows after the page's own filters (selects); undefined while the first read runs. */
  rows: readonly T[] | undefined
  getRowId: (row: T) => string
  /** The row's name, for "Actions for …" and "Select …". */
  rowLabel: (row: T) => string
  /** The route's search params (sort, dir, q, cols) and how to write them (replace: true). */
  search: TableSearch<S>
  onSearchChange: (patch: Partial<TableSearch<S>>) => void
  /** Order of rows whose sort values are equal (default: the input order). */
  tieBreak?: (a: T, b: T) => number
  /** "instance"/"instances": the count line and the empty texts. */
  noun: { one: string; other: string }
  /** How many exist before the page's own filters (default: rows.length). */
  totalCount?: number
  /** What shows when nothing exists at all (an EmptyState with the create button). */
  empty: ReactNode
  /** The page's own filters (selects), shown beside the filter box. */
  filters?: ReactNode
  /** Clears the page's own filters (the "Clear filters" button clears the text too). */
  onClearFilters?: () => void
  filterPlaceholder?: string
  /** Appended to the count line (e.g. "so far, loading more…"). */
  countSuffix?: ReactNode
  /** Prefix of ids and test ids: `${idPrefix}-filter`, `${idPrefix}-count`, `${idPrefix}-scroll`. */
  idPrefix: string
  rowActions?: readonly RowAction<T>[]
  bulkActions?: readonly BulkAction<T>[]
  /** The export files' name, without extension (default: `idPrefix`). */
  csvName?: string
  /**
   * Also offer "Export JSON": the same rows as the CSV (filtered, sorted), each whole as the API
   * gave it (every field, hidden columns' too). For lists whose rows are records to keep (the
   * journal).
   */
  exportJson?: boolean
  /** Minimum table width, so narrow screens scroll the table, not the page. */
  minWidth?: number
}

/**
 * The one data table: sort, filter text and visible columns live in the URL; rows are virtualised
 * (only what is on screen is in the DOM); the header is sticky; rows are focusable (ArrowUp/Down,
 * Home/End move, Enter opens the row's first link); optional row actions menu, selection with
 * bulk actions, CSV export of what is shown, column menu, and the two empty states.
 */
export function DataTable<T extends object, S extends string>(props: DataTableProps<T, S>) {
  const {
    label,
    columns,
    rows,
    getRowId,
    rowLabel,
    search,
    onSearchChange,
    tieBreak,
    noun,
    totalCount,
    empty,
    filters,
    onClearFilters,
    filterPlaceholder,
    countSuffix,
    idPrefix,
    rowActions,
    bulkActions,
    csvName,
    exportJson = false,
    minWidth = 720,
  } = props

  // The box filters at once (a keystroke compares cached lowercase texts of already sorted rows)
  // and the URL's q follows when typing pauses or the box loses focus: writing it is a router
  // navigation that renders the whole page, which on every keystroke cost more than the filter.
  const filterText = useFilterText(search.q, (q) => onSearchChange({ q }))
  const { text } = filterText

  const visible = useMemo(() => parseCols(search.cols, columns), [search.cols, columns])
  const shown = useMemo(() => columns.filter((c) => visible.has(c.id)), [columns, visible])
  const textOf = useMemo(() => cachedRowText(columns), [columns])
  const sortColumn = columns.find((c) => c.id === search.sort)
  // Sorted once per list or sort order; a keystroke only filters the sorted rows.
  const sorted = useMemo(
    () => (rows ? sortRows(rows, sortColumn?.sortValue, search.dir, tieBreak) : []),
    [rows, sortColumn, search.dir, tieBreak],
  )
  // A keystroke that narrows the text filters the previous result; Backspace finds its rows kept.
  const rowFilter = useMemo(() => createRowFilter(sorted, textOf), [sorted, textOf])
  const filtered = useMemo(() => rowFilter(text), [rowFilter, text])
  useWarmRowText(sorted, textOf)

  // Sorting, filtering, visible columns and selection are this component's own: a table library's
  // row model would build an object per row on every keystroke (20,000 rows: ~60 ms).
  const [rowSelection, setRowSelection] = useState<RowSelection>({})
  // Bulk actions act on the selected rows that are shown, never on rows a filter hides. With
  // nothing selected (nearly always) a keystroke does not look up every shown row's id.
  const selected = useMemo(
    () =>
      isEmpty(rowSelection) ? NONE : filtered.filter((r) => rowSelection[getRowId(r)] === true),
    [filtered, rowSelection, getRowId],
  )
  const toggleRow = useCallback(
    (id: string, on: boolean) =>
      setRowSelection((prev) => {
        const next = { ...prev }
        if (on) next[id] = true
        else delete next[id]
        return next
      }),
    [],
  )

  if (rows === undefined) return <DataTableSkeleton label={`Loading ${noun.other}`} />
  const total = totalCount ?? rows.length
  if (total === 0) return <>{empty}</>

  const clearFilters = () => {
    filterText.clear()
    onClearFilters?.()
  }
  const count =
    filtered.length === total
      ? `${total.toLocaleString()} ${total === 1 ? noun.one : noun.other}`
      : `${filtered.length.toLocaleString()} of ${total.toLocaleString()} ${noun.other}`
  const allShownSelected = filtered.length > 0 && selected.length === filtered.length

  return (
    <div className="grid min-w-0 gap-3">
      <div className="flex flex-wrap items-end gap-3" role="search">
        <div className="grid min-w-48 flex-1 gap-1.5">
          <Label htmlFor={`${idPrefix}-filter`}>Filter</Label>
          <div className="relative">
            <Search
              aria-hidden="true"
              className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
            />
            <Input
              id={`${idPrefix}-filter`}
              type="search"
              className="pl-8"
              placeholder={filterPlaceholder}
              value={text}
              onChange={(e) => filterText.setText(e.target.value)}
              onBlur={filterText.flush}
            />
          </div>
        </div>
        {filters}
        <div className="flex flex-wrap gap-2">
          <ColumnMenu
            columns={columns}
            visible={visible}
            onToggle={(id, show) => {
              const next = new Set(visible)
              if (show) next.add(id)
              else next.delete(id)
              onSearchChange({ cols: formatCols(next, columns) })
            }}
          />
          <Button
            variant="outline"
            size="sm"
            disabled={filtered.length === 0}
            onClick={() => downloadText(`${csvName ?? idPrefix}.csv`, toCsv(shown, filtered))}
          >
            <Download aria-hidden="true" className="size-4" />
            Export CSV
          </Button>
          {exportJson ? (
            <Button
              variant="outline"
              size="sm"
              disabled={filtered.length === 0}
              onClick={() =>
                downloadText(
                  `${csvName ?? idPrefix}.json`,
                  `${JSON.stringify(filtered, null, 2)}\n`,
                  'application/json',
                )
              }
            >
              <Download aria-hidden="true" className="size-4" />
              Export JSON
            </Button>
          ) : null}
        </div>
      </div>
      <p
        className="text-sm text-muted-foreground"
        aria-live="polite"
        data-testid={`${idPrefix}-count`}
      >
        {count}
        {countSuffix}
      </p>
      {bulkActions ? (
        <SelectionBar
          selected={selected}
          actions={bulkActions}
          onClear={() => setRowSelection({})}
        />
      ) : null}
      {filtered.length === 0 ? (
        <EmptyState
          title={`No ${noun.one} matches these filters`}
          action={
            <Button variant="outline" onClick={clearFilters}>
              Clear filters
            </Button>
          }
        />
      ) : (
        <VirtualTable
          label={label}
          idPrefix={idPrefix}
          minWidth={minWidth}
          headers={
            <TableRow aria-rowindex={1} className="hover:bg-transparent">
              {bulkActions ? (
                <TableHead className="w-10">
                  <Checkbox
                    aria-label={`Select all ${filtered.length.toLocaleString()} shown ${noun.other}`}
                    checked={allShownSelected}
                    onChange={(e) =>
                      setRowSelection(
                        e.target.checked
                          ? Object.fromEntries(filtered.map((r) => [getRowId(r), true]))
                          : {},
                      )
                    }
                  />
                </TableHead>
              ) : null}
              {shown.map((c) => (
                <SortHeader
                  key={c.id}
                  column={c}
                  active={c.id === search.sort}
                  dir={search.dir}
                  onSort={() => onSearchChange(nextSort(search, c.id as S))}
                />
              ))}
              {rowActions ? (
                <TableHead className="w-12">
                  <span className="sr-only">Actions</span>
                </TableHead>
              ) : null}
            </TableRow>
          }
          rows={filtered}
          renderRow={(row, index, tabIndex) => {
            const id = getRowId(row)
            // Keyed by position: a keystroke that brings other rows into view updates the rows
            // on screen (their text, links and attributes) instead of removing them and building
            // new ones (DOM nodes, effects, subscriptions). Scrolling keeps the rows still in view.
            return (
              <DataRow
                key={index}
                row={row}
                id={id}
                name={rowLabel(row)}
                index={index}
                tabIndex={tabIndex}
                columns={shown}
                selectable={bulkActions !== undefined}
                selected={rowSelection[id] === true}
                onToggle={toggleRow}
                actions={rowActions}
              />
            )
          }}
          colCount={shown.length + (bulkActions ? 1 : 0) + (rowActions ? 1 : 0)}
        />
      )}
    </div>
  )
}

function SortHeader<T>({
  column: c,
  active,
  dir,
  onSort,
}: {
  column: DataTableColumn<T>
  active: boolean
  dir: 'asc' | 'desc'
  onSort: () => void
}) {
  if (!c.sortValue) return <TableHead className={c.className}>{c.header}</TableHead>
  const Icon = active ? (dir === 'asc' ? ArrowUp : ArrowDown) : ArrowUpDown
  return (
    <TableHead
      className={c.className}
      aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <button
        type="button"
        onClick={onSort}
        className="-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
      >
        {c.header}
        <Icon aria-hidden="true" className={active ? 'size-3.5' : 'size-3.5 opacity-40'} />
      </button>
    </TableHead>
  )
}

/** The scroll box, sticky header, virtual rows and the rows' keyboard navigation. */
function VirtualTable<T>({
  label,
  idPrefix,
  minWidth,
  headers,
  rows,
  renderRow,
  colCount,
}: {
  label: string
  idPrefix: string
  minWidth: number
  headers: ReactNode
  rows: readonly T[]
  renderRow: (row: T, index: number, tabIndex: number) => ReactNode
  colCount: number
}) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const [active, setActive] = useState(0)
  const focusPending = useRef<number | null>(null)
  const [rowHeight, setRowHeight] = useState(ROW_HEIGHT)
  // The React Compiler skips this component (useVirtualizer returns unstable functions); fine.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: useCallback(() => rowHeight, [rowHeight]),
    // Six rows each way cover a wheel step; more only adds rows to render per frame.
    overscan: 6,
  })
  // One row's height, read before paint (the browser lays the rows out for this paint anyway).
  useLayoutEffect(() => {
    const tr = scrollRef.current?.querySelector('tbody tr[data-index]')
    const h = tr?.getBoundingClientRect().height ?? 0
    if (h > 0 && Math.abs(h - rowHeight) > 0.5) setRowHeight(h)
  }, [rowHeight, rows, colCount])
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight])
  const items = virtualizer.getVirtualItems()
  const padTop = items[0]?.start ?? 0
  const padBottom =
    items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0
  const current = Math.min(active, Math.max(0, rows.length - 1))

  // After a key moved the focus to a row that was not rendered yet, focus it once it is.
  useEffect(() => {
    const want = focusPending.current
    if (want === null) return
    const el = scrollRef.current?.querySelector<HTMLElement>(`tbody tr[data-index="${want}"]`)
    if (el) {
      focusPending.current = null
      el.focus()
    }
  })

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const tr = e.target as HTMLElement
    // Keys inside a cell (a link, a checkbox, the actions menu) keep their own meaning.
    if (tr.tagName !== 'TR') return
    const index = Number(tr.dataset.index)
    let next: number | undefined
    if (e.key === 'ArrowDown') next = Math.min(rows.length - 1, index + 1)
    else if (e.key === 'ArrowUp') next = Math.max(0, index - 1)
    else if (e.key === 'Home') next = 0
    else if (e.key === 'End') next = rows.length - 1
    else if (e.key === 'Enter') {
      tr.querySelector<HTMLAnchorElement>('a[href]')?.click()
      e.preventDefault()
      return
    }
    if (next === undefined) return
    e.preventDefault()
    setActive(next)
    focusPending.current = next
    virtualizer.scrollToIndex(next)
    const el = scrollRef.current?.querySelector<HTMLElement>(`tbody tr[data-index="${next}"]`)
    if (el) {
      focusPending.current = null
      el.focus()
    }
  }

  return (
    <div
      ref={scrollRef}
      className="relative max-h-[calc(100dvh-17rem)] min-h-64 overflow-auto rounded-lg border"
      data-testid={`${idPrefix}-scroll`}
    >
      <table
        className="w-full table-fixed border-collapse text-sm"
        style={{ minWidth }}
        aria-label={label}
        aria-rowcount={rows.length + 1}
      >
        <TableHeader className="sticky top-0 z-10 shadow-[0_1px_0_var(--color-border)]">
          {headers}
        </TableHeader>
        <tbody onKeyDown={onKeyDown} onPointerOver={titleTruncatedCell}>
          {padTop > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={colCount} style={{ height: padTop, padding: 0 }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = rows[item.index]
            if (row === undefined) return null
            return renderRow(row, item.index, item.index === current ? 0 : -1)
          })}
          {padBottom > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={colCount} style={{ height: padBottom, padding: 0 }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  )
}

/**
 * A cell cut short (cells truncate to keep rows one line) gets its whole text as its title when
 * the pointer comes over it; one handler on the body, so rows render nothing for it. The focused
 * row shows its cells whole (DataRow's classes).
 */
function titleTruncatedCell(e: PointerEvent<HTMLTableSectionElement>) {
  const td = (e.target as Element).closest('td')
  if (!td || !e.currentTarget.contains(td)) return
  const text = td.textContent?.trim() ?? ''
  if (td.scrollWidth > td.clientWidth && text) td.title = text
  else td.removeAttribute('title')
}

/**
 * One row; memoized, so scrolling renders only the rows that come into view and a refetch only
 * the rows whose object changed (rows keep their identity through Query's structural sharing).
 */
const DataRow = memo(function DataRow<T>({
  row,
  id,
  name,
  index,
  tabIndex,
  columns,
  selectable,
  selected,
  onToggle,
  actions,
}: {
  row: T
  id: string
  name: string
  index: number
  tabIndex: number
  columns: readonly DataTableColumn<T>[]
  selectable: boolean
  selected: boolean
  onToggle: (id: string, on: boolean) => void
  actions: readonly RowAction<T>[] | undefined
}) {
  return (
    <TableRow
      data-index={index}
      aria-rowindex={index + 2}
      aria-selected={selectable ? selected : undefined}
      tabIndex={tabIndex}
      className={cn(
        'focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring',
        // The focused row shows its cells whole: what a cell cut short says, keyboard included.
        '[&:focus-visible>td]:whitespace-normal [&:focus-visible>td]:wrap-anywhere',
        selected && 'bg-muted/60',
      )}
    >
      {selectable ? (
        <TableCell>
          <Checkbox
            aria-label={`Select ${name}`}
            checked={selected}
            onChange={(e) => onToggle(id, e.target.checked)}
          />
        </TableCell>
      ) : null}
      {columns.map((c) => (
        <TableCell key={c.id} className={cn('truncate', c.className)}>
          {c.cell(row)}
        </TableCell>
      ))}
      {actions ? (
        <TableCell className="text-right">
          {/* Keyed by the row: a menu opened on one row never acts on the next one shown here. */}
          <RowActionsMenu key={id} row={row} label={name} actions={actions} />
        </TableCell>
      ) : null}
    </TableRow>
  )
}) as <T>(props: {
  row: T
  id: string
  name: string
  index: number
  tabIndex: number
  columns: readonly DataTableColumn<T>[]
  selectable: boolean
  selected: boolean
  onToggle: (id: string, on: boolean) => void
  actions: readonly RowAction<T>[] | undefined
}) => ReactNode
