import { useState, type FormEvent } from 'react'
import type { MgmtAction } from '@/api/mgmt/schemas'
import { useMgmtAction } from '@/api/mgmt/mutations'
import { Button } from '@/components/ui/button'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { useScope } from '@/hooks/use-session'
import { AdminMutationError } from './admin-shell'

const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/

export const ACTION_TEXT: Record<MgmtAction, { label: string; title: string; body: string }> = {
  stop: {
    label: 'Stop database',
    title: 'Stop the database service?',
    body: 'The guest stops the database at once. Its clients lose their connections; the server keeps running. A reboot starts the database again.',
  },
  reboot: {
    label: 'Reboot',
    title: 'Reboot the instance?',
    body: 'The database is stopped, the server rebooted and the database started again. The instance is unavailable for a few seconds.',
  },
  migrate: {
    label: 'Cold migrate',
    title: 'Cold migrate the instance?',
    body: 'The database is stopped and the server moved to another compute host, then started there. Leave the host empty to let the cloud choose.',
  },
  'reset-task-status': {
    label: 'Reset task status',
    title: 'Reset the task status?',
    body: 'Marks the current task as finished (task status NONE) and any running backup of the instance as FAILED. Use it only for a task that is stuck.',
  },
  rebuild: {
    label: 'Rebuild',
    title: 'Rebuild the server from another image?',
    body: "Rebuilds the server's operating system from the guest image you name; the database goes offline meanwhile. The data on the volume is kept.",
  },
}

/** Confirms one admin action (with its host or image input), sends it, reports errors inline. */
export function MgmtActionDialog({
  instance,
  action,
  onClose,
}: {
  instance: { id: string; name: string }
  action: MgmtAction | null
  onClose: () => void
}) {
  const scope = useScope()
  const mutation = useMgmtAction(scope)
  const [host, setHost] = useState('')
  const [imageId, setImageId] = useState('')
  const [imageError, setImageError] = useState<string | undefined>()
  const text = action ? ACTION_TEXT[action] : undefined

  const close = () => {
    mutation.reset()
    setHost('')
    setImageId('')
    setImageError(undefined)
    onClose()
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!action) return
    if (action === 'rebuild' && !UUID_RE.test(imageId.trim())) {
      setImageError('Enter the image id as a UUID (8-4-4-4-12 hexadecimal digits).')
      return
    }
    setImageError(undefined)
    mutation.mutate(
      { id: instance.id, action, host: host.trim() || undefined, imageId: imageId.trim() },
      { onSuccess: close },
    )
  }

  return (
    <Dialog open={action !== null} onOpenChange={(open) => (open ? undefined : close())}>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>{text?.title}</DialogTitle>
            <DialogDescription>
              {instance.name} ({instance.id}). {text?.body}
            </DialogDescription>
          </DialogHeader>
          {action === 'migrate' ? (
            <Field label="Target host" description="Optional. Empty: the cloud picks a host.">
              <Input value={host} onChange={(e) => setHost(e.target.value)} autoComplete="off" />
            </Field>
          ) : null}
          {action === 'rebuild' ? (
            <Field label="Image id" required error={imageError}>
              <Input
                value={imageId}
                onChange={(e) => setImageId(e.target.value)}
                autoComplete="off"
                placeholder="00000000-0000-0000-0000-000000000000"
              />
            </Field>
          ) : null}
          <AdminMutationError error={mutation.error} />
          <DialogFooter>
            <Button type="button" variant="outline" onClick={close}>
              Cancel
            </Button>
            <Button
              type="submit"
              variant={action === 'reboot' || action === 'migrate' ? 'default' : 'destructive'}
              disabled={mutation.isPending}
            >
              {mutation.isPending ? 'Sending…' : `Confirm ${text?.label.toLowerCase() ?? ''}`}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  )
}
