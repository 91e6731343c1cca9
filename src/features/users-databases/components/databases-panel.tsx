import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Database as DatabaseIcon, Plus, RefreshCw, Trash2 } from 'lucide-react'
import { toast } from 'sonner'
import type { InstanceScope } from '@/api/databases/keys'
import { useDeleteDatabase } from '@/api/databases/mutations'
import { databasesQueryOptions } from '@/api/databases/queries'
import { datastoreFamily } from '@/api/rules/datastore-family'
import { describeError } from '@/api/errors'
import type { Instance } from '@/api/instances/schemas'
import { Alert } from '@/components/ui/alert'
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
import { ConfirmDialog } from '@/components/confirm-dialog'
import { CreateDatabaseDialog } from './create-database-dialog'

/** An instance's databases: list, create, delete (with confirmation). */
export function DatabasesPanel({ scope, instance }: { scope: InstanceScope; instance: Instance }) {
  const q = useQuery(databasesQueryOptions(scope))
  const [creating, setCreating] = useState(false)
  const [deleting, setDeleting] = useState<string | null>(null)
  const del = useDeleteDatabase(scope, instance)
  const family = datastoreFamily(instance.datastore.type)
  const names = (q.data ?? []).map((d) => d.name)

  return (
    <section aria-labelledby="databases-heading" className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 id="databases-heading" className="text-lg font-semibold">
            Databases
          </h2>
          <p className="text-sm text-muted-foreground">
            The databases of {instance.name}; system databases are not listed.
          </p>
        </div>
        <Button onClick={() => setCreating(true)} disabled={!q.data}>
          <Plus aria-hidden="true" />
          Create database
        </Button>
      </div>

      {q.isPending ? (
        <div className="grid gap-2" aria-busy="true" aria-label="Loading databases">
          <Skeleton className="h-9" />
          <Skeleton className="h-9" />
        </div>
      ) : q.isError ? (
        <Alert
          variant="error"
          title="The databases could not be read"
          action={
            <Button variant="outline" size="sm" onClick={() => void q.refetch()}>
              <RefreshCw aria-hidden="true" />
              Retry
            </Button>
          }
        >
          {describeError(q.error)}
        </Alert>
      ) : names.length === 0 ? (
        <EmptyState
          icon={DatabaseIcon}
          headingLevel={3}
          title="No databases yet"
          description="Create one, then give users access to it."
        />
      ) : (
        <Table aria-labelledby="databases-heading">
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead className="w-0 text-right">
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {names.map((name) => (
              <TableRow key={name}>
                <TableCell className="font-mono">{name}</TableCell>
                <TableCell className="text-right">
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={`Delete database ${name}`}
                    onClick={() => {
                      del.reset()
                      setDeleting(name)
                    }}
                  >
                    <Trash2 aria-hidden="true" />
                    Delete
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}

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
