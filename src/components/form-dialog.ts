import { useEffect, useRef } from 'react'
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form'
import { ApiError } from '@/api/errors'

/** What an action dialog needs of the mutation it runs. */
export interface DialogMutation {
  isPending: boolean
  error: unknown
  reset: () => void
}

/**
 * The props an `ActionDialog` / `ConfirmDialog` takes from its mutation: pending and the last
 * refusal, and closing forgets that refusal (so the dialog opens clean next time).
 *
 *   const m = useRenameInstance(scope)
 *   <ActionDialog {...mutationDialogProps(m, onOpenChange)} open={open} title=… onSubmit=… />
 */
export function mutationDialogProps(m: DialogMutation, onOpenChange: (open: boolean) => void) {
  return {
    pending: m.isPending,
    error: m.error,
    onOpenChange: (o: boolean) => {
      if (!o) m.reset()
      onOpenChange(o)
    },
  }
}

/** Resets a dialog's form to `values` each time the dialog opens (values of that moment). */
export function useResetOnOpen<T extends FieldValues>(
  form: UseFormReturn<T>,
  open: boolean,
  values: T,
): void {
  const latest = useRef(values)
  useEffect(() => {
    latest.current = values
  })
  useEffect(() => {
    if (open) form.reset(latest.current)
  }, [open, form])
}

/**
 * An `onError` that puts the cloud's refusal on a field when its message is about that field
 * (`matches`); other refusals stay in the dialog's alert.
 */
export function refusalOnField<T extends FieldValues>(
  form: UseFormReturn<T>,
  field: Path<T>,
  matches: RegExp,
): (e: unknown) => void {
  return (e) => {
    if (e instanceof ApiError && matches.test(e.message))
      form.setError(field, { message: e.message })
  }
}
