import { useState, type ReactNode } from 'react'
import { useSuspenseQuery } from '@tanstack/react-query'
import { Link, getRouteApi } from '@tanstack/react-router'
import { Pencil, Trash2 } from 'lucide-react'
import {
  configurationInstancesQueryOptions,
  configurationQueryOptions,
} from '@/api/configurations/queries'
import { parametersQueryOptions } from '@/api/parameters/queries'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { PageHeader } from '@/components/ui/page-header'
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
import { DeleteConfigurationDialog } from '../components/delete-configuration-dialog'
import { EditValuesForm } from '../components/edit-values-form'
import { RESTART_BADGE, formatValue } from '../lib/parameters-to-specs'

const route = getRouteApi('/_app/configurations/$configurationId')

function Dl({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-4 gap-y-2 text-sm">
      {items.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-muted-foreground">{term}</dt>
          <dd className="min-w-0 break-words">{value}</dd>
        </div>
      ))}
    </dl>
  )
}

export function ConfigurationDetailPage() {
  const scope = useScope()
  const { configurationId } = route.useParams()
  const { data: group } = useSuspenseQuery(
    configurationQueryOptions({ ...scope, id: configurationId }),
  )
  const parameters = useSuspenseQuery(
    parametersQueryOptions({ ...scope, versionId: group.datastore_version_id }),
  )
  const instances = useSuspenseQuery(
    configurationInstancesQueryOptions({ ...scope, id: configurationId }),
  )
  const [editing, setEditing] = useState(false)
  const [deleting, setDeleting] = useState(false)

  const restartNames = new Set(parameters.data.filter((p) => p.restart_required).map((p) => p.name))
  const names = Object.keys(group.values).sort()
  const attached = instances.data
  const ds = `${group.datastore_name ?? 'unknown'} ${group.datastore_version_name ?? ''}`.trim()

  return (
    <div className="mx-auto grid max-w-5xl gap-6">
      <PageHeader
        title={group.name}
        description={group.description ?? undefined}
        breadcrumbs={
          <nav aria-label="Breadcrumb" className="text-sm">
            <Link to="/configurations" className="text-link hover:underline">
              Configuration groups
            </Link>
          </nav>
        }
        actions={
          <Button variant="outline" onClick={() => setDeleting(true)}>
            <Trash2 aria-hidden="true" />
            Delete
          </Button>
        }
      />

      <Card>
        <CardHeader>
          <CardTitle>Details</CardTitle>
        </CardHeader>
        <CardContent>
          <Dl
            items={[
              ['Datastore', ds],
              ['Version number', group.datastore_version_number ?? '—'],
              ['Instances', String(group.instance_count ?? attached.length)],
              [
                'Created',
                group.created ? (
                  <time dateTime={toIsoString(group.created)}>{formatDateTime(group.created)}</time>
                ) : (
                  '—'
                ),
              ],
              [
                'Updated',
                group.updated ? (
                  <time dateTime={toIsoString(group.updated)}>{formatDateTime(group.updated)}</time>
                ) : (
                  '—'
                ),
              ],
              [
                'ID',
                <code key="id" className="text-xs">
                  {group.id}
                </code>,
              ],
            ]}
          />
        </CardContent>
      </Card>

      <Card>
        <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2">
          <div className="grid gap-1">
            <CardTitle>Values</CardTitle>
            <CardDescription>
              {names.length} value{names.length === 1 ? '' : 's'} set; everything else keeps the
              datastore default.
            </CardDescription>
          </div>
          {!editing ? (
            <Button variant="outline" size="sm" onClick={() => setEditing(true)}>
              <Pencil aria-hidden="true" />
              Edit values
            </Button>
          ) : null}
        </CardHeader>
        <CardContent>
          {editing ? (
            <EditValuesForm
              scope={scope}
              group={group}
              parameters={parameters.data}
              attachedNames={attached.map((i) => i.name)}
              onDone={() => setEditing(false)}
            />
          ) : names.length === 0 ? (
            <p className="text-sm text-muted-foreground">No values set.</p>
          ) : (
            <Table>
              <TableCaption className="sr-only">Values of {group.name}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>Parameter</TableHead>
                  <TableHead>Value</TableHead>
                  <TableHead>Applies</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {names.map((n) => (
                  <TableRow key={n}>
                    <TableCell className="font-mono text-xs">{n}</TableCell>
                    <TableCell className="font-mono text-xs">
                      {formatValue(group.values[n])}
                    </TableCell>
                    <TableCell>
                      {restartNames.has(n) ? (
                        <Badge variant="warning">{RESTART_BADGE}</Badge>
                      ) : (
                        <span className="text-sm text-muted-foreground">Live</span>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Instances using this group</CardTitle>
          <CardDescription>
            Attach or detach from an instance&apos;s Configuration tab (same datastore version
            only).
          </CardDescription>
        </CardHeader>
        <CardContent>
          {attached.length === 0 ? (
            <p className="text-sm text-muted-foreground">Not attached to any instance.</p>
          ) : (
            <ul className="grid gap-1 text-sm">
              {attached.map((i) => (
                <li key={i.id}>
                  <Link
                    to="/instances/$instanceId/configuration"
                    params={{ instanceId: i.id }}
                    className="text-link hover:underline"
                  >
                    {i.name}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>

      <DeleteConfigurationDialog
        scope={scope}
        group={group}
        attached={attached.length}
        open={deleting}
        onOpenChange={setDeleting}
      />
    </div>
  )
}
