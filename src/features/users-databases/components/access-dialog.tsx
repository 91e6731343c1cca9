import { useEffect, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { toast } from '@/lib/toast'
import { RequestErrorAlert } from '@/components/request-error-alert'
import type { InstanceScope } from '@/api/databases/keys'
import type { InstanceRef } from '@/api/databases/mutations'
import { useGrantAccess, useRevokeAccess } from '@/api/users/mutations'
import { userAccessQueryOptions } from '@/api/users/queries'
import { userTwins } from '@/api/users/twin-requests'
import { CliTwin } from '@/components/cli-twin'
import { Field } from '@/components/ui/field'
import { Select } from '@/components/ui/select'
import type { DbUser } from '@/api/users/schemas'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog'
import { Spinner } from '@/components/ui/spinner'

/** Grant or revoke a user's access, one database at a time (each change applies at once). */
export function AccessDialog({
  scope,
  instance,
  user,
  databases,
  onClose,
}: {
  scope: InstanceScope
  instance: InstanceRef
  /** The user as in the (live) list, so the dialog follows each change. */
  user: DbUser | null
  databases: readonly string[]
  onClose: () => void
}) {
  const grant = useGrantAccess(scope, instance)
  const revoke = useRevokeAccess(scope, instance)
  useEffect(() => {
    grant.reset()
    revoke.reset()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- clear errors for each user
  }, [user?.name, user?.host])
  // The access endpoint decides; the list's copy shows until it answers.
  const access = useQuery({
    ...userAccessQueryOptions(scope, user ?? { name: '' }),
    enabled: user !== null,
  })
  const has = new Set(access.data ?? (user?.databases ?? []).map((d) => d.name))
  // The CLI twin shows the change one database's button makes: grant, or revoke if it has access.
  const [twinDb, setTwinDb] = useState<string>()
  const shownDb = twinDb !== undefined && databases.includes(twinDb) ? twinDb : databases[0]
  const pending = grant.isPending || revoke.isPending
  const error = grant.error ?? revoke.error
  const busyWith = grant.isPending
    ? grant.variables?.databases[0]
    : revoke.isPending
      ? revoke.variables?.database
      : undefined

  return (
    <Dialog open={user !== null} onOpenChange={(o) => (o || pending ? undefined : onClose())}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Database access of {user?.name}</DialogTitle>
          <DialogDescription>
            Access means all privileges on the database. Changes apply at once.
          </DialogDescription>
        </DialogHeader>
        {error ? <RequestErrorAlert error={error} /> : null}
        {databases.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            {instance.name} has no databases yet. Create one first.
          </p>
        ) : (
          <ul className="grid max-h-96 gap-1 overflow-y-auto" aria-label="Databases">
            {databases.map((db) => {
              const granted = has.has(db)
              return (
                <li
                  key={db}
                  className="flex items-center justify-between gap-3 rounded-md border px-3 py-2"
                >
                  <span className="flex items-center gap-2">
                    <span className="font-mono text-sm">{db}</span>
                    <Badge variant={granted ? 'success' : 'outline'}>
                      {granted ? 'Has access' : 'No access'}
                    </Badge>
                  </span>
                  {granted ? (
                    <Button
                      variant="outline"
                      size="sm"
                      disabled={pending}
                      aria-label={`Revoke access to ${db}`}
                      onClick={() =>
                        user &&
                        revoke.mutate(
                          { user, database: db },
                          {
                            onSuccess: () => toast.success(`${user.name} can no longer use ${db}`),
                          },
                        )
                      }
                    >
                      {busyWith === db ? <Spinner className="size-4" /> : null}
                      Revoke
                    </Button>
                  ) : (
                    <Button
                      variant="secondary"
                      size="sm"
                      disabled={pending}
                      aria-label={`Grant access to ${db}`}
                      onClick={() =>
                        user &&
                        grant.mutate(
                          { user, databases: [db] },
                          { onSuccess: () => toast.success(`${user.name} can now use ${db}`) },
                        )
                      }
                    >
                      {busyWith === db ? <Spinner className="size-4" /> : null}
                      Grant
                    </Button>
                  )}
                </li>
              )
            })}
          </ul>
        )}
        {user && shownDb !== undefined ? (
          <div className="grid gap-2">
            <Field label="Command line for the button of" className="max-w-xs">
              <Select value={shownDb} onChange={(e) => setTwinDb(e.target.value)}>
                {databases.map((db) => (
                  <option key={db} value={db}>
                    {db} ({has.has(db) ? 'revoke' : 'grant'})
                  </option>
                ))}
              </Select>
            </Field>
            <CliTwin
              request={
                has.has(shownDb)
                  ? userTwins.revokeAccess(scope, user, shownDb)
                  : userTwins.grantAccess(scope, user, [shownDb])
              }
            />
          </div>
        ) : null}
        <div className="flex justify-end">
          <Button variant="outline" disabled={pending} onClick={onClose}>
            Done
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  )
}
