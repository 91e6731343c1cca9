import { useState } from 'react'
import { uuidString } from '@/api/instances/schemas'
import type { MgmtAction } from '@/api/mgmt/schemas'
import { useMgmtAction } from '@/api/mgmt/mutations'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { useScope } from '@/hooks/use-session'

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

/**
 * Confirms one admin action (with its host or image input) in the one confirm dialog, sends it,
 * and shows the cloud's refusal inline. Mount it with a key per instance and action.
 */
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

  const confirm = () => {
    if (!action) return
    if (action === 'rebuild' && !uuidString.safeParse(imageId.trim()).success) {
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
    <ConfirmDialog
      open={action !== null}
      onOpenChange={(open) => (open ? undefined : close())}
      title={text?.title ?? ''}
      description={`${instance.name} (${instance.id}). ${text?.body ?? ''}`}
      confirmLabel={`Confirm ${text?.label.toLowerCase() ?? ''}`}
      confirmVariant={action === 'reboot' || action === 'migrate' ? 'default' : 'destructive'}
      pending={mutation.isPending}
      error={mutation.error}
      onConfirm={confirm}
    >
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
    </ConfirmDialog>
  )
}
