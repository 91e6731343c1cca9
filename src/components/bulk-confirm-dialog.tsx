import { useState, type ReactNode } from 'react'
import { ConfirmDialog } from '@/components/confirm-dialog'

/**
 * Confirms a bulk action on the selected rows (the user types "N things"), then runs it on each
 * row one after the other; it stops at the first refusal and shows it (the rows before it are
 * done). Open while `items` is not empty. `run` is usually a mutation's `mutateAsync`.
 */
export function BulkConfirmDialog<T>({
  items,
  noun,
  verb,
  description,
  run,
  onReset,
  onClose,
  typeToConfirm = true,
  confirmName,
  children,
}: {
  items: readonly T[]
  noun: { one: string; other: string }
  /** "Delete": the title says "Delete 3 backups?", the button "Delete 3 backups". */
  verb: string
  description: ReactNode
  run: (item: T) => Promise<unknown>
  /** Forgets the last refusal (the mutation's `reset`). */
  onReset: () => void
  /** Closes the dialog: after success, or on Cancel. */
  onClose: () => void
  typeToConfirm?: boolean
  /** What to type instead of "N things" (e.g. the names of the important ones). */
  confirmName?: { name: string; label: string } | undefined
  /** Shown above the confirmation field (e.g. the change preview). */
  children?: ReactNode
}) {
  const [running, setRunning] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const n = items.length
  const what = `${n} ${n === 1 ? noun.one : noun.other}`
  return (
    <ConfirmDialog
      open={n > 0}
      onOpenChange={(o) => {
        if (o) return
        setError(null)
        onReset()
        onClose()
      }}
      title={`${verb} ${what}?`}
      description={description}
      confirmLabel={`${verb} ${what}`}
      typeToConfirm={
        confirmName ??
        (typeToConfirm ? { name: what, label: `Type “${what}” to confirm` } : undefined)
      }
      pending={running}
      error={error}
      {...(children ? { children } : {})}
      onConfirm={() => {
        setRunning(true)
        setError(null)
        void (async () => {
          try {
            for (const item of items) await run(item)
            onClose()
          } catch (e) {
            setError(e)
          } finally {
            setRunning(false)
          }
        })()
      }}
    />
  )
}
