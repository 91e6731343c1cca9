import { useState } from 'react'
import { useSuspenseQuery } from '@tanstack/react-query'
import { AlertTriangle, ShieldAlert, ShieldOff } from 'lucide-react'
import { toast } from '@/lib/toast'
import type { InstanceScope } from '@/api/databases/keys'
import type { Instance } from '@/api/instances/schemas'
import { useDisableRoot, useEnableRoot } from '@/api/root/mutations'
import { rootStatusQueryOptions } from '@/api/root/queries'
import { rootTwins } from '@/api/root/twin-requests'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { RootPasswordDialog } from './root-password-dialog'

/**
 * The administrative (root) user: whether it is enabled, enable (the password is shown once, in
 * a dialog), disable. Enabling root lets its holder change the database outside the console.
 */
export function RootPanel({ scope, instance }: { scope: InstanceScope; instance: Instance }) {
  const { data: root } = useSuspenseQuery(rootStatusQueryOptions(scope))
  const enable = useEnableRoot(scope, instance)
  const disable = useDisableRoot(scope, instance)
  const [confirmEnable, setConfirmEnable] = useState(false)
  const [confirmDisable, setConfirmDisable] = useState(false)
  const enabled = root.rootEnabled
  // Trove's guest agents name the administrative user root on every datastore.
  const rootName = 'root'

  return (
    <section aria-labelledby="root-heading" className="grid gap-3 rounded-lg border p-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="grid gap-1">
          <h2 id="root-heading" className="flex items-center gap-2 text-lg font-semibold">
            Root user
            <Badge variant={enabled ? 'warning' : 'neutral'}>
              {enabled ? 'Enabled' : 'Disabled'}
            </Badge>
          </h2>
          <p className="max-w-2xl text-sm text-muted-foreground">
            The datastore's administrative user ({rootName}) can change anything, including settings
            the cloud manages. Enable it only when a task needs it; the cloud records who enabled it
            and when.
          </p>
        </div>
        {enabled ? (
          <div className="flex flex-wrap gap-2">
            <Button
              variant="outline"
              onClick={() => {
                enable.reset()
                setConfirmEnable(true)
              }}
            >
              <ShieldAlert aria-hidden="true" />
              Reset root password
            </Button>
            <Button
              variant="destructive"
              onClick={() => {
                disable.reset()
                setConfirmDisable(true)
              }}
            >
              <ShieldOff aria-hidden="true" />
              Disable root
            </Button>
          </div>
        ) : (
          <Button
            onClick={() => {
              enable.reset()
              setConfirmEnable(true)
            }}
          >
            <ShieldAlert aria-hidden="true" />
            Enable root
          </Button>
        )}
      </div>

      <ConfirmDialog
        open={confirmEnable && !enable.data}
        onOpenChange={(o) => (o ? undefined : setConfirmEnable(false))}
        title={
          enabled ? `Set a new ${rootName} password?` : `Enable ${rootName} on ${instance.name}?`
        }
        description={
          <span className="flex gap-2">
            <AlertTriangle aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
            <span>
              The cloud generates a password and shows it once.
              {enabled ? ' The current root password stops working.' : ''} Anyone with it has full
              control of the datastore.
            </span>
          </span>
        }
        confirmLabel={enabled ? 'Set new password' : 'Enable root'}
        pending={enable.isPending}
        error={enable.error}
        twin={rootTwins.enable(scope)}
        onConfirm={() => enable.mutate(undefined)}
      />
      <RootPasswordDialog
        credentials={enable.data ?? null}
        instanceName={instance.name}
        onClose={() => {
          // Forget the password: it was shown once, and now it is gone from the console.
          enable.reset()
          setConfirmEnable(false)
        }}
      />
      <ConfirmDialog
        open={confirmDisable}
        onOpenChange={setConfirmDisable}
        title={`Disable ${rootName} on ${instance.name}?`}
        description="Connections as root stop working. Enabling it again gives a new password."
        confirmLabel="Disable root"
        twin={rootTwins.disable(scope)}
        pending={disable.isPending}
        error={disable.error}
        onConfirm={() =>
          disable.mutate(undefined, {
            onSuccess: () => {
              toast.success(`Root disabled on ${instance.name}`)
              setConfirmDisable(false)
            },
          })
        }
      />
    </section>
  )
}
