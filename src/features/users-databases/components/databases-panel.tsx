import { useMemo, useState } from 'react'
import { useSuspenseQuery } from '@tanstack/react-query'
import { Database as DatabaseIcon, Plus } from 'lucide-react'
import { toast } from '@/lib/toast'
import type { InstanceScope } from '@/api/databases/keys'
import { useDeleteDatabase } from '@/api/databases/mutations'
import { databasesQueryOptions } from '@/api/databases/queries'
import type { Database } from '@/api/databases/schemas'
import { datastoreFamily } from '@/api/rules/datastore-family'
import type { Instance } from '@/api/instances/schemas'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { databaseTwins } from '@/api/databases/twin-requests'
import { DataTable } from '@/components/data-table/data-table'
import type { RowAction } from '@/components/data-table/row-actions-menu'
import type { TableSearch } from '@/components/data-table/search'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { databaseName, type DatabaseSortColumn } from '../lib/user-database-list'
import { CreateDatabaseDialog } from './create-database-dialog'
import { databaseColumns } from './database-columns'
import { PanelHeader } from './panel-header'

const NOUN = { one: 'database', other: 'databases' }

/** An instance's databases: list, create, delete (type the name to confirm). */
export function DatabasesPanel({
  scope,
  instance,
  search,
  onSearchChange,
}: {
  scope: InstanceScope
  instance: Instance
  search: TableSearch<DatabaseSortColumn>
  onSearchChange: (patch: Partial<TableSearch<DatabaseSortColumn>>) => void
}) {
  const { data: databases } = useSuspenseQuery(databasesQueryOptions(scope))
  const [creating, setCreating] = useState(false)
  const [deleting, setDeleting] = useState<string | null>(null)
  const del = useDeleteDatabase(scope, instance)
  const family = datastoreFamily(instance.datastore.type)
  const names = useMemo(() => databases.map(databaseName), [databases])
  const columns = useMemo(() => databaseColumns(), [])
  const rowActions = useMemo<RowAction<Database>[]>(
    () => [
      {
        label: 'Delete',
        destructive: true,
        onSelect: (d) => {
          del.reset()
          setDeleting(d.name)
        },
      },
    ],
    // `del.reset` is stable (TanStack Query's mutation observer).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  )

  return (
    <section aria-labelledby="databases-heading" className="grid gap-3">
      <PanelHeader
        id="databases-heading"
        title="Databases"
        description={`The databases of ${instance.name}; system databases are not listed.`}
      >
        <Button onClick={() => setCreating(true)}>
          <Plus aria-hidden="true" />
          Create database
        </Button>
      </PanelHeader>

      <DataTable
        label={`Databases of ${instance.name}`}
        idPrefix="databases"
        columns={columns}
        rows={databases}
        getRowId={databaseName}
        rowLabel={databaseName}
        search={search}
        onSearchChange={onSearchChange}
        noun={NOUN}
        minWidth={320}
        csvName={`databases-${instance.name}`}
        rowActions={rowActions}
        empty={
          <EmptyState
            icon={DatabaseIcon}
            headingLevel={3}
            title="No databases yet"
            description="Create one, then give users access to it."
          />
        }
      />

      <CreateDatabaseDialog
        scope={scope}
        instance={instance}
        family={family}
        existing={names}
        open={creating}
        onOpenChange={setCreating}
      />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(o) => (o ? undefined : setDeleting(null))}
        title={`Delete database ${deleting ?? ''}?`}
        description={`All its tables and data on ${instance.name} are deleted, and users lose their access to it. This cannot be undone.`}
        confirmLabel="Delete database"
        twin={deleting ? databaseTwins.delete(scope, deleting) : undefined}
        typeToConfirm={
          deleting ? { name: deleting, label: 'Type the database name to confirm' } : undefined
        }
        pending={del.isPending}
        error={del.error}
        onConfirm={() => {
          if (!deleting) return
          const name = deleting
          del.mutate(name, {
            onSuccess: () => {
              toast.success(`Database ${name} deleted from ${instance.name}`)
              setDeleting(null)
            },
          })
        }}
      />
    </section>
  )
}
