import { Button } from '@/components/ui/button'

/** An action on the selected rows (e.g. delete them, after a confirmation the caller shows). */
export interface BulkAction<T> {
  label: string
  onRun: (rows: T[]) => void
  destructive?: boolean
}

/** "N selected" and the bulk actions, shown while rows are selected. */
export function SelectionBar<T>({
  selected,
  actions,
  onClear,
}: {
  selected: T[]
  actions: readonly BulkAction<T>[]
  onClear: () => void
}) {
  if (selected.length === 0) return null
  return (
    <div
      role="region"
      aria-label="Selection"
      className="flex flex-wrap items-center gap-2 rounded-md border bg-muted/50 px-3 py-2 text-sm"
    >
      <span aria-live="polite" className="font-medium">
        {selected.length.toLocaleString()} selected
      </span>
      {actions.map((a) => (
        <Button
          key={a.label}
          size="sm"
          variant={a.destructive ? 'destructive' : 'outline'}
          onClick={() => a.onRun(selected)}
        >
          {a.label}
        </Button>
      ))}
      <Button size="sm" variant="ghost" onClick={onClear}>
        Clear selection
      </Button>
    </div>
  )
}
