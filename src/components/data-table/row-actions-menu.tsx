import { MoreHorizontal } from 'lucide-react'
import { Button } from '@/components/ui/button'
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu'

/** One entry of a row's actions menu. */
export interface RowAction<T> {
  label: string
  onSelect: (row: T) => void
  /** Shown in the danger colour (deletes). */
  destructive?: boolean
  /** Why the action is not available for this row now; undefined = available. */
  disabledReason?: (row: T) => string | undefined
}

/**
 * The "…" menu at the end of a row: the shared dropdown menu, which stays a plain button until
 * its pointer comes over it or it is used (so a list's rows hold no mounted menus).
 */
export function RowActionsMenu<T>({
  row,
  label,
  actions,
}: {
  row: T
  /** The row's name, for the button's accessible name ("Actions for db1"). */
  label: string
  actions: readonly RowAction<T>[]
}) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon-sm" aria-label={`Actions for ${label}`}>
          <MoreHorizontal aria-hidden="true" className="size-4" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        {actions.map((a) => {
          const reason = a.disabledReason?.(row)
          return (
            <DropdownMenuItem
              key={a.label}
              variant={a.destructive ? 'destructive' : 'default'}
              disabled={reason !== undefined}
              title={reason}
              onSelect={() => a.onSelect(row)}
            >
              {a.label}
            </DropdownMenuItem>
          )
        })}
      </DropdownMenuContent>
    </DropdownMenu>
  )
}
