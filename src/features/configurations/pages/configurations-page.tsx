import { useQuery } from '@tanstack/react-query'
import { Link, getRouteApi } from '@tanstack/react-router'
import { Plus, SlidersHorizontal } from 'lucide-react'
import { configurationsQueryOptions } from '@/api/configurations/queries'
import { describeError } from '@/api/errors'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { Field } from '@/components/ui/field'
import { PageHeader } from '@/components/ui/page-header'
import { Select } from '@/components/ui/select'
import { Skeleton } from '@/components/ui/skeleton'
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table'
import { useScope } from '@/hooks/use-session'
import { formatDateTime, toIsoString } from '@/lib/format'

const route = getRouteApi('/_app/configurations/')

export function ConfigurationsListSkeleton() {
  return (
    <div className="mx-auto grid max-w-5xl gap-4" aria-busy="true">
      <Skeleton className="h-8 w-64" />
      <Skeleton className="h-48" />
    </div>
  )
}

export function ConfigurationsPage() {
  const scope = useScope()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const groups = useQuery(configurationsQueryOptions(scope))

  const all = groups.data ?? []
  const datastores = [...new Set(all.map((g) => g.datastore_name ?? 'unknown'))].sort()
  const shown = search.datastore ? all.filter((g) => g.datastore_name === search.datastore) : all
  const sorted = [...shown].sort((a, b) => a.name.localeCompare(b.name))

  const createButton = (
    <Button asChild>
      <Link
        to="/configurations/new"
        search={search.datastore ? { datastore: search.datastore } : {}}
      >
        <Plus aria-hidden="true" />
        Create group
      </Link>
    </Button>
  )

  return (
    <div className="mx-auto grid max-w-5xl gap-4">
      <PageHeader
        title="Configuration groups"
        description="Parameter values for a datastore version, attached to its instances."
        actions={all.length > 0 ? createButton : undefined}
      />
      {groups.isPending ? (
        <Skeleton className="h-48" />
      ) : groups.isError ? (
        <Alert
          variant="error"
          title="Configuration groups could not be loaded"
          action={
            <Button size="sm" variant="outline" onClick={() => void groups.refetch()}>
              Retry
            </Button>
          }
        >
          {describeError(groups.error)}
        </Alert>
      ) : all.length === 0 ? (
        <EmptyState
          icon={SlidersHorizontal}
          title="No configuration groups yet"
          description="Create one from a datastore version's parameters, then attach it to instances of that version."
          action={createButton}
        />
      ) : (
        <>
          <div className="flex flex-wrap items-end gap-4">
            <Field label="Datastore" className="w-56">
              <Select
                value={search.datastore}
                onChange={(e) =>
                  void navigate({ search: { datastore: e.target.value }, replace: true })
                }
              >
                <option value="">All datastores</option>
                {datastores.map((d) => (
                  <option key={d} value={d}>
                    {d}
                  </option>
                ))}
                {search.datastore && !datastores.includes(search.datastore) ? (
                  <option value={search.datastore}>{search.datastore}</option>
                ) : null}
              </Select>
            </Field>
          </div>
          {sorted.length === 0 ? (
            <EmptyState
              title={`No ${search.datastore} configuration groups`}
              description="None of the groups in this project and region is for that datastore."
              action={
                <Button
                  variant="outline"
                  onClick={() => void navigate({ search: { datastore: '' }, replace: true })}
                >
                  Show all datastores
                </Button>
              }
            />
          ) : (
            <Table>
              <TableCaption className="sr-only">
                Configuration groups{search.datastore ? ` for ${search.datastore}` : ''}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>Name</TableHead>
                  <TableHead>Datastore</TableHead>
                  <TableHead>Description</TableHead>
                  <TableHead>Updated</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {sorted.map((g) => (
                  <TableRow key={g.id}>
                    <TableCell className="font-medium">
                      <Link
                        to="/configurations/$configurationId"
                        params={{ configurationId: g.id }}
                        className="text-link hover:underline"
                      >
                        {g.name}
                      </Link>
                    </TableCell>
                    <TableCell>
                      {g.datastore_name ?? '—'} {g.datastore_version_name ?? ''}
                    </TableCell>
                    <TableCell className="max-w-xs truncate text-muted-foreground">
                      {g.description ?? '—'}
                    </TableCell>
                    <TableCell>
                      {g.updated ? (
                        <time dateTime={toIsoString(g.updated)}>{formatDateTime(g.updated)}</time>
                      ) : (
                        '—'
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      )}
    </div>
  )
}
