import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { uuidString } from '@/api/instances/schemas'
import type { MgmtAction, MgmtInstance } from '@/api/mgmt/schemas'
import { useMgmtAction } from '@/api/mgmt/mutations'
import { mgmtHostsQueryOptions, mgmtVersionsQueryOptions } from '@/api/mgmt/queries'
import { mgmtActionRequest } from '@/api/mgmt/requests'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { useScope } from '@/hooks/use-session'
import { hostChoices, imageChoices } from '../lib/mgmt-action-choices'

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
    body: 'The database is stopped and the server moved to another compute host, then started there.',
  },
  'reset-task-status': {
    label: 'Reset task status',
    title: 'Reset the task status?',
    body: 'Marks the current task as finished (task status NONE) and any running backup of the instance as FAILED. Use it only for a task that is stuck.',
  },
  rebuild: {
    label: 'Rebuild',
    title: 'Rebuild the server from another image?',
    body: "Rebuilds the server's operating system from the guest image you pick; the database goes offline meanwhile. The data on the volume is kept.",
  },
}

/** The instance a dialog acts on: its id and name, and its host (left out of the host choices). */
export type MgmtActionTarget = Pick<MgmtInstance, 'id' | 'name' | 'server'>

const OTHER_IMAGE = 'other'

/**
 * Confirms one admin action in the one confirm dialog, with the host picked from the hosts the
 * cloud reports (migrate) or the image from those it has registered (rebuild), shows the request
 * as its CLI twin, sends it, and shows the cloud's refusal inline. Once accepted, the task tray
 * follows the instance until it settles. Mount it with a key per instance and action.
 */
export function MgmtActionDialog({
  instance,
  action,
  onClose,
}: {
  instance: MgmtActionTarget
  action: MgmtAction | null
  onClose: () => void
}) {
  const scope = useScope()
  const mutation = useMgmtAction(scope)
  const [host, setHost] = useState('')
  const [image, setImage] = useState('')
  const [otherImage, setOtherImage] = useState('')
  const [imageError, setImageError] = useState<string | undefined>()
  const text = action ? ACTION_TEXT[action] : undefined
  const imageId = (image === OTHER_IMAGE ? otherImage : image).trim()

  const close = () => {
    mutation.reset()
    onClose()
  }

  const confirm = () => {
    if (!action) return
    if (action === 'rebuild' && !uuidString.safeParse(imageId).success) {
      setImageError(
        imageId
          ? 'Enter the image id as a UUID (8-4-4-4-12 hexadecimal digits).'
          : 'Pick the image to rebuild from.',
      )
      return
    }
    setImageError(undefined)
    mutation.mutate(
      { instance, action, host: host.trim() || undefined, imageId },
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
      twin={
        action
          ? mgmtActionRequest(instance.id, action, {
              host: host.trim() || undefined,
              imageId: imageId || '<image-id>',
            })
          : undefined
      }
    >
      {action === 'migrate' ? (
        <HostField current={instance.server?.host} value={host} onChange={setHost} />
      ) : null}
      {action === 'rebuild' ? (
        <ImageField
          value={image}
          onChange={(v) => {
            setImage(v)
            setImageError(undefined)
          }}
          other={otherImage}
          onOtherChange={setOtherImage}
          error={imageError}
        />
      ) : null}
    </ConfirmDialog>
  )
}

/** The target host: a list of the hosts the cloud reports, or free text when it reports none. */
function HostField({
  current,
  value,
  onChange,
}: {
  current: string | null | undefined
  value: string
  onChange: (v: string) => void
}) {
  const scope = useScope()
  const hosts = useQuery(mgmtHostsQueryOptions(scope))
  const where = current ? ` It runs on ${current} now.` : ''
  if (hosts.isPending) {
    return <p className="text-sm text-muted-foreground">Reading the compute hosts…</p>
  }
  if (hosts.isError || hosts.data === null) {
    return (
      <Field
        label="Target host"
        description={`This cloud does not list its compute hosts (GET /mgmt/hosts${hosts.isError ? ' failed' : ' is not offered'}): type a host name, or leave it empty to let the cloud pick one.${where}`}
      >
        <Input value={value} onChange={(e) => onChange(e.target.value)} autoComplete="off" />
      </Field>
    )
  }
  const choices = hostChoices(hosts.data, current)
  return (
    <Field label="Target host" description={`The hosts this cloud reports.${where}`}>
      <Select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Let the cloud pick a host</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </Select>
    </Field>
  )
}

/**
 * The image to rebuild from: the images the cloud's datastore versions use, or another id typed
 * in. (The console does not read an image service: its catalogs here have none.)
 */
function ImageField({
  value,
  onChange,
  other,
  onOtherChange,
  error,
}: {
  value: string
  onChange: (v: string) => void
  other: string
  onOtherChange: (v: string) => void
  error: string | undefined
}) {
  const scope = useScope()
  const versions = useQuery(mgmtVersionsQueryOptions(scope))
  const choices = versions.data ? imageChoices(versions.data) : []
  const note = versions.isError
    ? 'The datastore versions could not be read: enter the image id.'
    : choices.length === 0 && !versions.isPending
      ? 'No datastore version names an image: enter the image id.'
      : "The images this cloud's datastore versions use, or another image id."
  return (
    <>
      <Field
        label="Image"
        required
        description={note}
        error={value === OTHER_IMAGE ? undefined : error}
      >
        <Select value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{versions.isPending ? 'Reading the images…' : 'Pick an image'}</option>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
          <option value={OTHER_IMAGE}>Another image id…</option>
        </Select>
      </Field>
      {value === OTHER_IMAGE ? (
        <Field label="Image id" required error={error}>
          <Input
            value={other}
            onChange={(e) => onOtherChange(e.target.value)}
            autoComplete="off"
            placeholder="00000000-0000-0000-0000-000000000000"
          />
        </Field>
      ) : null}
    </>
  )
}
