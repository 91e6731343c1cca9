import { Link, getRouteApi, useNavigate } from '@tanstack/react-router'
import { useQuery } from '@tanstack/react-query'
import { ArrowLeft, Boxes, RotateCw } from 'lucide-react'
import { datastoresQueryOptions } from '@/api/datastores/queries'
import { describeError } from '@/api/errors'
import { parametersQueryOptions } from '@/api/parameters/queries'
import { Alert } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { PageHeader } from '@/components/ui/page-header'
import { Skeleton } from '@/components/ui/skeleton'
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table'
import { useScope } from '@/hooks/use-session'
import { filterDatastores, filterParameters, findDatastoreVersion } from './datastore-search'

const listRoute = getRouteApi('/_app/datastores/')
const datastoreRoute = getRouteApi('/_app/datastores/$datastore/')
const versionRoute = getRouteApi('/_app/datastores/$datastore/versions/$version')

function LoadError({ error, retry, what }: { error: unknown; retry: () => void; what: string }) {
  return (
    <Alert
      variant="error"
      title={`The ${what} could not be loaded`}
      action={
        <Button variant="outline" size="sm" onClick={retry}>
          <RotateCw aria-hidden="true" className="size-4" />
          Retry
        </Button>
      }
    >
      {describeError(error)}
    </Alert>
  )
}

function Back({
  to,
  params,
  label,
}: {
  to: string
  params?: Record<string, string>
  label: string
}) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm">
      <Link
        to={to as '/datastores'}
        params={params as never}
        className="inline-flex items-center gap-1 text-muted-foreground hover:text-foreground"
      >
        <ArrowLeft aria-hidden="true" className="size-4" />
        {label}
      </Link>
    </nav>
  )
}

/** /datastores: every datastore and its active versions, filterable (`?q=`). */
export function DatastoresPage() {
  const scope = useScope()
  const { q } = listRoute.useSearch()
  const navigate = useNavigate({ from: '/datastores/' })
  const list = useQuery(datastoresQueryOptions(scope))
  const rows = list.data ? filterDatastores(list.data, q) : []
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Datastores"
        description="The database engines and versions this cloud offers, with each version's configuration parameters."
      />
      <Field label="Filter datastores and versions" className="max-w-sm">
        <Input
          type="search"
          value={q}
          onChange={(e) => void navigate({ search: { q: e.target.value }, replace: true })}
        />
      </Field>
      {list.isPending ? (
        <Skeleton className="h-40 w-full" />
      ) : list.isError ? (
        <LoadError error={list.error} retry={() => void list.refetch()} what="datastores" />
      ) : rows.length === 0 ? (
        <EmptyState
          icon={Boxes}
          title={q ? 'No datastore matches the filter' : 'No datastores'}
          description={q ? 'Clear or change the filter.' : 'This cloud offers no datastore yet.'}
        />
      ) : (
        <Table aria-label="Datastores">
          <TableHeader>
            <TableRow>
              <TableHead>Datastore</TableHead>
              <TableHead>Active versions</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((d) => (
              <TableRow key={d.id}>
                <TableCell>
                  <Link
                    to="/datastores/$datastore"
                    params={{ datastore: d.name }}
                    className="font-medium underline-offset-4 hover:underline"
                  >
                    {d.name}
                  </Link>
                </TableCell>
                <TableCell>
                  <ul className="flex flex-wrap gap-2">
                    {d.versions.map((v) => (
                      <li key={v.id}>
                        <Link
                          to="/datastores/$datastore/versions/$version"
                          params={{ datastore: d.name, version: v.name }}
                          aria-label={`${d.name} ${v.name} parameters`}
                          className="underline-offset-4 hover:underline"
                        >
                          {v.name}
                        </Link>
                        {v.id === d.default_version ? (
                          <Badge variant="outline" className="ml-1">
                            default
                          </Badge>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  )
}

/** /datastores/$datastore: its active versions. */
export function DatastorePage() {
  const scope = useScope()
  const { datastore: name } = datastoreRoute.useParams()
  const list = useQuery(datastoresQueryOptions(scope))
  const ds = list.data?.find((d) => d.name === name || d.id === name)
  return (
    <div className="grid gap-6">
      <PageHeader
        breadcrumbs={<Back to="/datastores" label="Datastores" />}
        title={ds?.name ?? name}
        description="Active versions of this datastore. Open one to see its configuration parameters."
      />
      {list.isPending ? (
        <Skeleton className="h-32 w-full" />
      ) : list.isError ? (
        <LoadError error={list.error} retry={() => void list.refetch()} what="datastores" />
      ) : !ds ? (
        <EmptyState
          icon={Boxes}
          title={`No datastore named ${name}`}
          description="It may not exist in this region. Go back to the datastore list."
        />
      ) : (
        <Table aria-label={`Versions of ${ds.name}`}>
          <TableHeader>
            <TableRow>
              <TableHead>Version</TableHead>
              <TableHead>Version number</TableHead>
              <TableHead>Id</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {ds.versions.map((v) => (
              <TableRow key={v.id}>
                <TableCell>
                  <Link
                    to="/datastores/$datastore/versions/$version"
                    params={{ datastore: ds.name, version: v.name }}
                    className="font-medium underline-offset-4 hover:underline"
                  >
                    {v.name}
                  </Link>
                  {v.id === ds.default_version ? (
                    <Badge variant="outline" className="ml-2">
                      default
                    </Badge>
                  ) : null}
                </TableCell>
                <TableCell>{v.version ?? '—'}</TableCell>
                <TableCell className="font-mono text-xs">{v.id}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  )
}

/** /datastores/$datastore/versions/$version: the parameter table, filterable (`?q=`). */
export function DatastoreVersionPage() {
  const scope = useScope()
  const { datastore: dsName, version: versionName } = versionRoute.useParams()
  const { q } = versionRoute.useSearch()
  const navigate = useNavigate({ from: '/datastores/$datastore/versions/$version' })
  const list = useQuery(datastoresQueryOptions(scope))
  const { datastore, version } = findDatastoreVersion(list.data ?? [], dsName, versionName)
  const params = useQuery({
    ...parametersQueryOptions({ ...scope, versionId: version?.id ?? '' }),
    enabled: version !== undefined,
  })
  const rows = params.data ? filterParameters(params.data, q) : []
  return (
    <div className="grid gap-6">
      <PageHeader
        breadcrumbs={
          <Back to="/datastores/$datastore" params={{ datastore: dsName }} label={dsName} />
        }
        title={`${datastore?.name ?? dsName} ${version?.name ?? versionName}`}
        description="Configuration parameters of this version: what a configuration group may set, with their limits."
      />
      {list.isPending ? (
        <Skeleton className="h-40 w-full" />
      ) : list.isError ? (
        <LoadError error={list.error} retry={() => void list.refetch()} what="datastores" />
      ) : !version ? (
        <EmptyState
          icon={Boxes}
          title={`No active version ${versionName} of ${dsName}`}
          description="It may be inactive or not exist in this region."
        />
      ) : (
        <>
          <Field label="Filter parameters" className="max-w-sm">
            <Input
              type="search"
              value={q}
              onChange={(e) => void navigate({ search: { q: e.target.value }, replace: true })}
            />
          </Field>
          {params.isPending ? (
            <Skeleton className="h-40 w-full" />
          ) : params.isError ? (
            <LoadError error={params.error} retry={() => void params.refetch()} what="parameters" />
          ) : params.data.length === 0 ? (
            <EmptyState
              icon={Boxes}
              headingLevel={2}
              title="No parameters"
              description="This version has no configuration parameters: configuration groups are not supported for it."
            />
          ) : (
            <>
              <p className="text-sm text-muted-foreground" aria-live="polite">
                {rows.length} of {params.data.length} parameters
              </p>
              <Table aria-label={`Parameters of ${datastore?.name ?? dsName} ${version.name}`}>
                <TableHeader>
                  <TableRow>
                    <TableHead>Name</TableHead>
                    <TableHead>Type</TableHead>
                    <TableHead>Min</TableHead>
                    <TableHead>Max</TableHead>
                    <TableHead>Restart required</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {rows.map((p) => (
                    <TableRow key={p.name}>
                      <TableCell className="font-mono text-xs">{p.name}</TableCell>
                      <TableCell>{p.type}</TableCell>
                      <TableCell>{p.min ?? '—'}</TableCell>
                      <TableCell>{p.max ?? '—'}</TableCell>
                      <TableCell>{p.restart_required ? 'Yes' : 'No'}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )}
        </>
      )}
    </div>
  )
}
