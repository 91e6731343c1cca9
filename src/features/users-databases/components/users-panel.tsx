import { useMemo, useState } from 'react'
import { useSuspenseQuery } from '@tanstack/react-query'
import { KeyRound, Plus, UserRound } from 'lucide-react'
import { toast } from '@/lib/toast'
import type { InstanceScope } from '@/api/databases/keys'
import { databasesQueryOptions } from '@/api/databases/queries'
import { datastoreFamily } from '@/api/rules/datastore-family'
import type { Instance } from '@/api/instances/schemas'
import { useDeleteUser } from '@/api/users/mutations'
import { userTwins } from '@/api/users/twin-requests'
import { usersQueryOptions } from '@/api/users/queries'
import type { DbUser } from '@/api/users/schemas'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { DataTable } from '@/components/data-table/data-table'
import type { RowAction } from '@/components/data-table/row-actions-menu'
import type { TableSearch } from '@/components/data-table/search'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { userRowId, type UserSortColumn } from '../lib/user-database-list'
import { AccessDialog } from './access-dialog'
import { CreateUserDialog } from './create-user-dialog'
import { EditUserDialog } from './edit-user-dialog'
import { PanelHeader } from './panel-header'
import { PasswordsDialog } from './passwords-dialog'
import { userColumns } from './user-columns'

const NOUN = { one: 'user', other: 'users' }

/** An instance's database users: list (host, databases), create, edit, passwords, access, delete. */
export function UsersPanel({
  scope,
  instance,
  search,
  onSearchChange,
}: {
  scope: InstanceScope
  instance: Instance
  search: TableSearch<UserSortColumn>
  onSearchChange: (patch: Partial<TableSearch<UserSortColumn>>) => void
}) {
  const { data: users } = useSuspenseQuery(usersQueryOptions(scope))
  const { data: databases } = useSuspenseQuery(databasesQueryOptions(scope))
  const family = datastoreFamily(instance.datastore.type)
  const [creating, setCreating] = useState(false)
  const [changing, setChanging] = useState(false)
  const [editing, setEditing] = useState<DbUser | null>(null)
  const [accessId, setAccessId] = useState<string | null>(null)
  const [deleting, setDeleting] = useState<DbUser | null>(null)
  const del = useDeleteUser(scope, instance)
  const ids = useMemo(() => users.map(userRowId), [users])
  const databaseNames = useMemo(() => databases.map((d) => d.name), [databases])
  // By id, so the access dialog follows the user's row as grants change it.
  const accessUser = users.find((u) => userRowId(u) === accessId) ?? null
  const columns = useMemo(() => userColumns(), [])
  const rowActions = useMemo<RowAction<DbUser>[]>(
    () => [
      { label: 'Edit', onSelect: setEditing },
      { label: 'Database access', onSelect: (u) => setAccessId(userRowId(u)) },
      {
        label: 'Delete',
        destructive: true,
        onSelect: (u) => {
          del.reset()
          setDeleting(u)
        },
      },
    ],
    // `del.reset` is stable (TanStack Query's mutation observer).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  )

  return (
    <section aria-labelledby="users-heading" className="grid gap-3">
      <PanelHeader
        id="users-heading"
        title="Users"
        description={`Database users of ${instance.name}, where they may connect from, and what they can use.`}
      >
        <Button variant="outline" onClick={() => setChanging(true)} disabled={users.length === 0}>
          <KeyRound aria-hidden="true" />
          Change passwords
        </Button>
        <Button onClick={() => setCreating(true)}>
          <Plus aria-hidden="true" />
          Create user
        </Button>
      </PanelHeader>

      <DataTable
        label={`Users of ${instance.name}`}
        idPrefix="users"
        columns={columns}
        rows={users}
        getRowId={userRowId}
        rowLabel={userRowId}
        search={search}
        onSearchChange={onSearchChange}
        noun={NOUN}
        minWidth={560}
        csvName={`users-${instance.name}`}
        rowActions={rowActions}
        empty={
          <EmptyState
            icon={UserRound}
            headingLevel={3}
            title="No users yet"
            description="Create a user for each application or person that connects to the databases."
          />
        }
      />

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
        description={`${deleting ? userRowId(deleting) : ''} can no longer connect to ${instance.name}. Its databases stay.`}
        confirmLabel="Delete user"
        twin={deleting ? userTwins.delete(scope, deleting) : undefined}
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
