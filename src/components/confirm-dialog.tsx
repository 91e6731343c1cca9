import { useId, useState, type FormEvent, type ReactNode } from 'react'
import type { MutationRequest } from '@/api/cli-twin/mutation-request'
import { CliTwin } from '@/components/cli-twin'
import { RequestErrorAlert } from '@/components/request-error-alert'
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from '@/components/ui/alert-dialog'
import { Button, type ButtonVariant } from '@/components/ui/button'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import { Spinner } from '@/components/ui/spinner'

/**
 * The one confirmation dialog. It stays open while the request runs (no closing mid-request) and
 * shows the cloud's refusal if it fails; the caller closes it on success. `typeToConfirm` asks for
 * the resource's name before a destructive action on an important resource. `children` hold a
 * few extra fields (Enter confirms).
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  confirmVariant = 'destructive',
  confirmDisabled,
  pending,
  error,
  onConfirm,
  typeToConfirm,
  children,
  twin,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description: ReactNode
  confirmLabel: string
  confirmVariant?: ButtonVariant
  confirmDisabled?: boolean
  pending: boolean
  error: unknown
  onConfirm: () => void
  /** The name to type, and the field's label (e.g. "Type the instance name to confirm"). */
  typeToConfirm?: { name: string; label: string }
  children?: ReactNode
  /** The request the dialog sends: shown as its openstack and curl commands (CLI twin). */
  twin?: MutationRequest
}) {
  const [typed, setTyped] = useState('')
  const typedId = useId()
  const nameMatches = !typeToConfirm || typed === typeToConfirm.name
  const close = (o: boolean) => {
    if (pending) return
    if (!o) setTyped('')
    onOpenChange(o)
  }
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    if (pending || confirmDisabled || !nameMatches) return
    onConfirm()
  }
  return (
    <AlertDialog open={open} onOpenChange={close}>
      <AlertDialogContent>
        <form onSubmit={submit} noValidate className="grid gap-4">
          <AlertDialogHeader>
            <AlertDialogTitle>{title}</AlertDialogTitle>
            <AlertDialogDescription>{description}</AlertDialogDescription>
          </AlertDialogHeader>
          {error ? <RequestErrorAlert error={error} /> : null}
          {children}
          {typeToConfirm ? (
            <div className="grid gap-1.5">
              <Label htmlFor={typedId}>{typeToConfirm.label}</Label>
              <Input
                id={typedId}
                value={typed}
                autoComplete="off"
                spellCheck={false}
                placeholder={typeToConfirm.name}
                onChange={(e) => setTyped(e.target.value)}
              />
            </div>
          ) : null}
          {twin ? <CliTwin request={twin} /> : null}
          <AlertDialogFooter>
            <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
            {/* A submit button, not AlertDialogAction: the dialog closes on success, not on click. */}
            <Button
              type="submit"
              variant={confirmVariant}
              disabled={pending || confirmDisabled || !nameMatches}
            >
              {pending ? <Spinner className="size-4" /> : null}
              {confirmLabel}
            </Button>
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  )
}
