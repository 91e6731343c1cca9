import type { FormEvent, ReactNode } from 'react'
import type { MutationRequest } from '@/api/cli-twin/mutation-request'
import { CliTwin } from '@/components/cli-twin'
import { RequestErrorAlert } from '@/components/request-error-alert'
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
 * The frame every action dialog uses (instances, backups, replication, logs, users and databases): a titled dialog holding a form, the server's error (if
 * the last attempt failed) at the top, Cancel and the confirm button.
 */
export function ActionDialog({
  open,
  onOpenChange,
  title,
  description,
  submitLabel,
  submitVariant = 'default',
  submitDisabled,
  pending,
  error,
  onSubmit,
  children,
  wide,
  twin,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description?: ReactNode
  submitLabel: string
  submitVariant?: ButtonVariant
  submitDisabled?: boolean
  pending: boolean
  error: unknown
  onSubmit: (e: FormEvent<HTMLFormElement>) => void
  children?: ReactNode
  /** A wider dialog, for forms with several columns. */
  wide?: boolean
  /** The request the dialog sends: shown as its openstack and curl commands (CLI twin). */
  twin?: MutationRequest
}) {
  return (
    <Dialog open={open} onOpenChange={(o) => (pending ? undefined : onOpenChange(o))}>
      <DialogContent className={wide ? 'max-w-2xl' : undefined}>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{title}</DialogTitle>
            {description ? <DialogDescription>{description}</DialogDescription> : null}
          </DialogHeader>
          {error ? <RequestErrorAlert error={error} /> : null}
          {children}
          {twin ? <CliTwin request={twin} /> : null}
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
