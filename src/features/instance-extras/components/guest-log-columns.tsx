import type { GuestLog, GuestLogAction } from '@/api/logs/schemas'
import {
  LOG_STATUS_DESCRIPTIONS,
  formatBytes,
  hasPublished,
  logActionAvailable,
} from '@/api/logs/status'
import type { DataTableColumn } from '@/components/data-table/columns'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { logHaystack, logSortValue } from '../lib/guest-log-list'

const ACTION_LABELS: Record<GuestLogAction, string> = {
  enable: 'Enable',
  disable: 'Disable',
  publish: 'Publish',
  discard: 'Discard',
}
const ACTIONS = ['enable', 'disable', 'publish', 'discard'] as const

/**
 * The guest logs table's columns. The actions stay buttons in their own column (a log has at
 * most three, and each is one click): `run` starts one, `onView` toggles the viewer.
 */
export function guestLogColumns({
  run,
  busy,
  viewing,
  onView,
}: {
  run: (log: GuestLog, action: GuestLogAction) => void
  busy: boolean
  viewing: string | null
  onView: (name: string) => void
}): DataTableColumn<GuestLog>[] {
  return [
    {
      id: 'name',
      header: 'Name',
      hideable: false,
      className: 'w-[18%]',
      sortValue: (l) => logSortValue(l, 'name'),
      filterText: logHaystack,
      cell: (l) => <span className="font-mono">{l.name}</span>,
    },
    { id: 'type', header: 'Type', sortValue: (l) => logSortValue(l, 'type'), cell: (l) => l.type },
    {
      id: 'status',
      header: 'Status',
      sortValue: (l) => logSortValue(l, 'status'),
      cell: (l) => (
        <Badge variant="outline" title={LOG_STATUS_DESCRIPTIONS[l.status] ?? l.status}>
          {l.status}
        </Badge>
      ),
    },
    {
      id: 'published',
      header: 'Published',
      sortValue: (l) => logSortValue(l, 'published'),
      cell: (l) => formatBytes(l.published),
    },
    {
      id: 'pending',
      header: 'Pending',
      sortValue: (l) => logSortValue(l, 'pending'),
      cell: (l) => formatBytes(l.pending),
    },
    {
      id: 'actions',
      header: 'Actions',
      hideable: false,
      className: 'w-[34%]',
      csv: () => undefined,
      cell: (l) => (
        <div className="flex flex-wrap gap-1">
          {ACTIONS.filter((a) => logActionAvailable(l, a)).map((a) => (
            <Button
              key={a}
              size="sm"
              variant="outline"
              aria-label={`${ACTION_LABELS[a]} ${l.name}`}
              disabled={busy}
              onClick={() => run(l, a)}
            >
              {ACTION_LABELS[a]}
            </Button>
          ))}
          {hasPublished(l) ? (
            <Button
              size="sm"
              variant={viewing === l.name ? 'secondary' : 'ghost'}
              aria-label={`View ${l.name}`}
              aria-pressed={viewing === l.name}
              onClick={() => onView(l.name)}
            >
              View
            </Button>
          ) : null}
        </div>
      ),
    },
  ]
}
