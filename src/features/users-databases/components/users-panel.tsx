import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { KeyRound, Pencil, Plus, RefreshCw, ShieldCheck, Trash2, UserRound } from 'lucide-react'
import { toast } from 'sonner'
import type { InstanceScope } from '@/api/databases/keys'
import { databasesQueryOptions } from '@/api/databases/queries'
import { datastoreFamily } from '@/api/rules/datastore-family'
import { describeError } from '@/api/errors'
import type { Instance } from '@/api/instances/schemas'
import { useDeleteUser } from '@/api/users/mutations'
import { usersQueryOptions } from '@/api/users/queries'
import { userId, type DbUser } from '@/api/users/schemas'
import { Alert } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { Skeleton } from '@/components/ui/skeleton'
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table'
import { AccessDialog } from './access-dialog'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { CreateUserDialog } from './create-user-dialog'
import { EditUserDialog } from './edit-user-dialog'
import { PasswordsDialog } from './passwords-dialog'

const idOf = (u: DbUser) => userId(u.name, u.host)

/** An instance's database users: list (host, databases), create, edit, passwords, access, delete. */
export function UsersPanel({ scope, instance }: { scope: InstanceScope; instance: Instance }) {
  const q = useQuery(usersQueryOptions(scope))
  const dbs = useQuery(databasesQueryOptions(scope))
  const family = datastoreFamily(instance.datastore.type)
  const [creating, setCreating] = useState(false)
  const [changing, setChanging] = useState(false)
  const [editing, setEditing] = useState<DbUser | null>(null)
  const [accessId, setAccessId] = useState<string | null>(null)
  const [deleting, setDeleting] = useState<DbUser | null>(null)
  const del = useDeleteUser(scope, instance)
  const users = q.data ?? []
  const ids = users.map(idOf)
  const databaseNames = (dbs.data ?? []).map((d) => d.name)
  const accessUser = users.find((u) => idOf(u) === accessId) ?? null

  return (
    <section aria-labelledby="users-heading" className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 id="users-heading" className="text-lg font-semibold">
            Users
          </h2>
          <p className="text-sm text-muted-foreground">
            Database users of {instance.name}, where they may connect from, and what they can use.
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" onClick={() => setChanging(true)} disabled={users.length === 0}>
            <KeyRound aria-hidden="true" />
            Change passwords
          </Button>
          <Button onClick={() => setCreating(true)} disabled={!q.data}>
            <Plus aria-hidden="true" />
            Create user
          </Button>
        </div>
      </div>

      {q.isPending ? (
        <div className="grid gap-2" aria-busy="true" aria-label="Loading users">
          <Skeleton className="h-9" />
          <Skeleton className="h-9" />
        </div>
      ) : q.isError ? (
        <Alert
          variant="error"
          title="The users could not be read"
          action={
            <Button variant="outline" size="sm" onClick={() => void q.refetch()}>
              <RefreshCw aria-hidden="true" />
              Retry
            </Button>
          }
        >
          {describeError(q.error)}
        </Alert>
      ) : users.length === 0 ? (
        <EmptyState
          icon={UserRound}
          headingLevel={3}
          title="No users yet"
          description="Create a user for each application or person that connects to the databases."
        />
      ) : (
        <Table aria-labelledby="users-heading">
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Host</TableHead>
              <TableHead>Databases</TableHead>
              <TableHead className="w-0 text-right">
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {users.map((u) => {
              const id = idOf(u)
              return (
                <TableRow key={id}>
                  <TableCell className="font-mono">{u.name}</TableCell>
                  <TableCell className="font-mono">{u.host ?? '%'}</TableCell>
                  <TableCell>
                    {u.databases?.length ? (
                      <ul className="flex flex-wrap gap-1" aria-label={`Databases of ${u.name}`}>
                        {u.databases.map((d) => (
                          <li key={d.name}>
                            <Badge variant="neutral" className="font-mono">
                              {d.name}
                            </Badge>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="text-muted-foreground">None</span>
                    )}
                  </TableCell>
                  <TableCell>
                    <div className="flex justify-end gap-1">
                      <Button
                        variant="ghost"
                        size="sm"
                        aria-label={`Database access of ${id}`}
                        onClick={() => setAccessId(id)}
                      >
                        <ShieldCheck aria-hidden="true" />
                        Access
                      </Button>
                      <Button
                        variant="ghost"
                        size="sm"
                        aria-label={`Edit user ${id}`}
                        onClick={() => setEditing(u)}
                      >
                        <Pencil aria-hidden="true" />
                        Edit
                      </Button>
                      <Button
                        variant="ghost"
                        size="sm"
                        aria-label={`Delete user ${id}`}
                        onClick={() => {
                          del.reset()
                          setDeleting(u)
                        }}
                      >
                        <Trash2 aria-hidden="true" />
                        Delete
                      </Button>
                    </div>
                  </TableCell>
                </TableRow>
              )
            })}
          </TableBody>
        </Table>
      )}

      <CreateUserDialog
        scope={scope}
        instance={instance}
        family={family}
        existingIds={ids}
        databases={databaseNames}
        open={creating}
        onOpenChange={setCreating}
      />
      <EditUserDialog
        scope={scope}
        instance={instance}
        family={family}
        user={editing}
        existingIds={ids}
        onClose={() => setEditing(null)}
      />
      <PasswordsDialog
        scope={scope}
        instance={instance}
        family={family}
        users={users}
        open={changing}
        onOpenChange={setChanging}
      />
      <AccessDialog
        scope={scope}
        instance={instance}
        user={accessUser}
        databases={databaseNames}
        onClose={() => setAccessId(null)}
      />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(o) => (o ? undefined : setDeleting(null))}
        title={`Delete user ${deleting?.name ?? ''}?`}
        description={`${deleting ? idOf(deleting) : ''} can no longer connect to ${instance.name}. Its databases stay.`}
        confirmLabel="Delete user"
        pending={del.isPending}
        error={del.error}
        onConfirm={() => {
          if (!deleting) return
          const user = deleting
          del.mutate(user, {
            onSuccess: () => {
              toast.success(`User ${user.name} deleted from ${instance.name}`)
              setDeleting(null)
            },
          })
        }}
      />
    </section>
  )
}
