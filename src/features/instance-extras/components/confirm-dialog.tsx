import type { ComponentProps, FormEvent, ReactNode } from 'react'
import { ActionDialog } from '@/components/action-dialog'

/** A confirmation (or small form) dialog: the shared action frame, confirmed by `onConfirm`. */
export function ConfirmDialog({
  onConfirm,
  description,
  ...props
}: Omit<ComponentProps<typeof ActionDialog>, 'onSubmit' | 'description'> & {
  description: ReactNode
  onConfirm: () => void
}) {
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    onConfirm()
  }
  return <ActionDialog {...props} description={description} onSubmit={submit} />
}
