import { useState } from 'react'
import { toast } from '@/lib/toast'
import { useCopyBackup } from '@/api/backups/mutations'
import type { Backup } from '@/api/backups/schemas'
import type { ScopeParams } from '@/api/instances/keys'
import { regionsFor } from '@/api/session/session-store'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { useRequiredSession } from '@/hooks/use-session'
import { backupRequests } from '@/api/backups/requests'
import { ActionDialog } from '@/components/action-dialog'

/**
 * Copy a completed backup to another region of the catalog (Rackspace `copy-backup`), e.g. for
 * disaster recovery. An incremental needs its parent copied there first.
 */
export function CopyBackupDialog({
  scope,
  backup,
  open,
  onOpenChange,
}: {
  scope: ScopeParams
  backup: Backup
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const session = useRequiredSession()
  const regions = regionsFor(session.catalog, 'database').filter((r) => r !== scope.region)
  const copy = useCopyBackup(scope)
  const [region, setRegion] = useState(regions[0] ?? '')
  const [name, setName] = useState('')
  const close = (o: boolean) => {
    if (!o) {
      copy.reset()
      setName('')
    }
    onOpenChange(o)
  }
  const noRegion = regions.length === 0
  return (
    <ActionDialog
      open={open}
      onOpenChange={close}
      title={`Copy ${backup.name} to another region`}
      description={
        backup.parent_id
          ? 'This is an incremental backup: its parent must already have been copied to the target region.'
          : 'The copy appears in the target region as a new backup of this project.'
      }
      submitLabel="Copy backup"
      twin={backupRequests.copy(backup.id, {
        'copy-backup': {
          target_backup_region: region || '<region>',
          ...(name.trim() ? { name: name.trim() } : {}),
        },
      })}
      submitDisabled={noRegion || !region}
      pending={copy.isPending}
      error={copy.error}
      onSubmit={(e) => {
        e.preventDefault()
        if (!region) return
        const trimmed = name.trim()
        copy.mutate(
          {
            backup,
            body: {
              'copy-backup': {
                target_backup_region: region,
                ...(trimmed ? { name: trimmed } : {}),
              },
            },
          },
          {
            onSuccess: () => {
              toast.success(`Copying ${backup.name} to ${region}`)
              close(false)
            },
          },
        )
      }}
    >
      {noRegion ? (
        <p className="text-sm text-muted-foreground">
          The catalog lists no other region with a database service.
        </p>
      ) : (
        <>
          <Field label="Target region" required>
            <Select value={region} onChange={(e) => setRegion(e.target.value)}>
              {regions.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Name of the copy" description={`Optional; defaults to ${backup.name}.`}>
            <Input
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoComplete="off"
              maxLength={64}
            />
          </Field>
        </>
      )}
    </ActionDialog>
  )
}
