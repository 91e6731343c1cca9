import type { ReactNode } from 'react'
import { cn } from '@/lib/cn'

/**
 * A list in a table cell (a user's databases, a datastore's versions): its items inline on the
 * cell's one line, comma-separated, so the table's rule for a cell cut short applies as to any
 * text: what fits is shown and the rest ends in the ellipsis, the pointer's title and the
 * keyboard-focused row show the whole list. Badges or flex boxes here would be clipped mid-letter
 * instead (a box wider than the cell is cut, not ellipsed). It costs an element per item: a column
 * drawn on every row of a list of thousands whose items are plain text and need no list role (an
 * instance's addresses) joins them into one text node instead.
 */
export function CellList<T>({
  items,
  itemKey,
  render,
  label,
  className,
}: {
  items: readonly T[]
  itemKey: (item: T) => string
  render: (item: T) => ReactNode
  /** The list's accessible name ("Databases of appuser"). */
  label?: string
  className?: string
}) {
  return (
    <ul className={cn('inline', className)} aria-label={label}>
      {items.map((item, i) => (
        <li key={itemKey(item)} className="inline">
          {i > 0 ? ', ' : null}
          {render(item)}
        </li>
      ))}
    </ul>
  )
}
