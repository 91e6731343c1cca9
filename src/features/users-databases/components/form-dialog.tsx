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

/**
 * A titled dialog holding a form: the cloud's error from the last attempt (when no field took
 * it) at the top, then the fields, Cancel and the submit button. Closing is blocked while the
 * request runs.
 */
export function FormDialog({
  open,
  onOpenChange,
  title,
  description,
  submitLabel,
  submitVariant = 'default',
  pending,
  error,
  onSubmit,
  children,
  wide,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description?: ReactNode
  submitLabel: string
  submitVariant?: ButtonVariant
  pending: boolean
  /** An error to show above the form (one that no field took). */
  error: unknown
  onSubmit: (e: FormEvent<HTMLFormElement>) => void
  children?: ReactNode
  wide?: boolean
}) {
  return (
    <Dialog open={open} onOpenChange={(o) => (pending ? undefined : onOpenChange(o))}>
      <DialogContent className={wide ? 'max-w-2xl' : undefined}>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{title}</DialogTitle>
            {description ? <DialogDescription>{description}</DialogDescription> : null}
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
            <Button type="submit" variant={submitVariant} disabled={pending}>
              {pending ? <Spinner className="size-4" /> : null}
              {submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  )
}
