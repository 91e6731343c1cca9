import type { FormEvent, ReactNode } from 'react'
import { describeError } from '@/api/errors'
import { Alert } from '@/components/ui/alert'
import { Button, type ButtonVariant } from '@/components/ui/button'
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog'
import { Spinner } from '@/components/ui/spinner'

/** A confirmation (or small form) dialog: title, what will happen, the cloud's error, buttons. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  submitLabel,
  submitVariant = 'default',
  submitDisabled,
  pending,
  error,
  onConfirm,
  children,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description: ReactNode
  submitLabel: string
  submitVariant?: ButtonVariant
  submitDisabled?: boolean
  pending: boolean
  error: unknown
  onConfirm: () => void
  children?: ReactNode
}) {
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    onConfirm()
  }
  return (
    <Dialog open={open} onOpenChange={(o) => (pending ? undefined : onOpenChange(o))}>
      <DialogContent>
        <form onSubmit={submit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{title}</DialogTitle>
            <DialogDescription>{description}</DialogDescription>
          </DialogHeader>
          {error ? (
            <Alert variant="error" title="The cloud refused this">
              {describeError(error)}
            </Alert>
          ) : null}
          {children}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline" disabled={pending}>
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" variant={submitVariant} disabled={pending || submitDisabled}>
              {pending ? <Spinner className="size-4" /> : null}
              {submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  )
}
