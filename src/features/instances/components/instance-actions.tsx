import { useState } from 'react'
import { Link } from '@tanstack/react-router'
import { ArrowUpCircle, CopyPlus } from 'lucide-react'
import { Pencil, Power, RotateCcw, Scaling, Shield, Trash2, HardDrive } from 'lucide-react'
import type { ScopeParams } from '@/api/instances/keys'
import type { Instance } from '@/api/instances/schemas'
import { actionAvailability, type InstanceActionName } from '@/api/instances/status'
import { Button } from '@/components/ui/button'
import { launchLikeSearch } from '../lib/launch-search'
import { ActionButton } from '@/components/action-button'
import {
  DeleteInstanceDialog,
  ForceDeleteDialog,
  RenameDialog,
  ResetStatusDialog,
  ResizeFlavorDialog,
  ResizeVolumeDialog,
  RestartDialog,
  UpdateAccessDialog,
  UpgradeDialog,
} from './lazy-instance-dialogs'

const BUTTONS: { action: InstanceActionName; label: string; icon: typeof Power }[] = [
  { action: 'restart', label: 'Restart', icon: Power },
  { action: 'resize-flavor', label: 'Resize flavor', icon: Scaling },
  { action: 'resize-volume', label: 'Resize volume', icon: HardDrive },
  { action: 'rename', label: 'Rename', icon: Pencil },
  { action: 'update-access', label: 'Update access', icon: Shield },
  { action: 'reset-status', label: 'Reset status', icon: RotateCcw },
  { action: 'delete', label: 'Delete', icon: Trash2 },
  { action: 'force-delete', label: 'Force delete', icon: Trash2 },
]
/** Only an administrator can force a deletion: members are not shown the button at all. */
const ADMIN_ONLY: ReadonlySet<InstanceActionName> = new Set(['force-delete'])

/** The instance's action buttons (each says why when unavailable) and their dialogs. */
export function InstanceActions({
  instance,
  scope,
  isAdmin,
  onDeleted,
}: {
  instance: Instance
  scope: ScopeParams
  isAdmin: boolean
  onDeleted: () => void
}) {
  const [open, setOpen] = useState<InstanceActionName | null>(null)
  // Upgrade (instance-extras area): same availability as a restart (validate_can_perform_action).
  const [upgrading, setUpgrading] = useState(false)
  const dialog = (action: InstanceActionName) => ({
    instance,
    scope,
    open: open === action,
    onOpenChange: (o: boolean) => setOpen(o ? action : null),
  })
  return (
    <>
      <div className="flex flex-wrap gap-2" role="group" aria-label="Instance actions">
        {BUTTONS.filter((b) => isAdmin || !ADMIN_ONLY.has(b.action)).map(
          ({ action, label, icon: Icon }) => (
            <ActionButton
              key={action}
              size="sm"
              variant={action === 'delete' || action === 'force-delete' ? 'destructive' : 'outline'}
              availability={actionAvailability(instance, action, { isAdmin })}
              onClick={() => setOpen(action)}
            >
              <Icon aria-hidden="true" className="size-4" />
              {label}
            </ActionButton>
          ),
        )}
        <ActionButton
          size="sm"
          variant="outline"
          availability={actionAvailability(instance, 'restart', { isAdmin })}
          onClick={() => setUpgrading(true)}
        >
          <ArrowUpCircle aria-hidden="true" className="size-4" />
          Upgrade
        </ActionButton>
        <Button asChild size="sm" variant="outline">
          <Link to="/instances/new" search={launchLikeSearch(instance)}>
            <CopyPlus aria-hidden="true" className="size-4" />
            Launch another like this
          </Link>
        </Button>
      </div>
      <RestartDialog {...dialog('restart')} />
      <ResizeFlavorDialog {...dialog('resize-flavor')} />
      <ResizeVolumeDialog {...dialog('resize-volume')} />
      <RenameDialog {...dialog('rename')} />
      <UpdateAccessDialog {...dialog('update-access')} />
      <ResetStatusDialog {...dialog('reset-status')} />
      <DeleteInstanceDialog {...dialog('delete')} onDeleted={onDeleted} />
      <ForceDeleteDialog {...dialog('force-delete')} onDeleted={onDeleted} />
      <UpgradeDialog
        instance={instance}
        scope={scope}
        open={upgrading}
        onOpenChange={setUpgrading}
      />
    </>
  )
}
