import { useCallback, useMemo, useState, type ReactNode } from 'react'
import { useSuspenseQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { Pencil, Trash2 } from 'lucide-react'
import {
  configurationInstancesQueryOptions,
  configurationQueryOptions,
} from '@/api/configurations/queries'
import { parametersQueryOptions } from '@/api/parameters/queries'
import { DataTable } from '@/components/data-table/data-table'
import type { RowAction } from '@/components/data-table/row-actions-menu'
import { useLocalTableSearch } from '@/components/data-table/use-local-table-search'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { PageHeader } from '@/components/ui/page-header'
import { useScope } from '@/hooks/use-session'
import { formatDateTime, toIsoString } from '@/lib/format'
import {
  attachedInstanceColumns,
  type AttachedInstance,
} from '../components/attached-instance-columns'
import { GroupsBreadcrumb } from '../components/groups-breadcrumb'
import { DeleteConfigurationDialog } from '../components/delete-configuration-dialog'
import { DetachConfigurationDialog } from '../components/detach-configuration-dialog'
import { EditValuesForm } from '../components/edit-values-form'
import { valueColumns } from '../components/value-columns'
import {
  datastoreLabel,
  deleteBlockedReason,
  valueRows,
  type ValueRow,
} from '../lib/configuration-list'
import { type ValuesSearch } from '../lib/configuration-search'

const route = getRouteApi('/_app/configurations/$configurationId')

function Dl({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[minmax(7rem,auto)_1fr] gap-x-4 gap-y-2 text-sm">
      {items.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-muted-foreground">{term}</dt>
          <dd className="min-w-0 break-words">{value}</dd>
        </div>
      ))}
    </dl>
  )
}

function When({ at }: { at: string | undefined }) {
  return at ? <time dateTime={toIsoString(at)}>{formatDateTime(at)}</time> : '—'
}

export function ConfigurationDetailPage() {
  const scope = useScope()
  const { configurationId } = route.useParams()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const { data: group } = useSuspenseQuery(
    configurationQueryOptions({ ...scope, id: configurationId }),
  )
  const parameters = useSuspenseQuery(
    parametersQueryOptions({ ...scope, versionId: group.datastore_version_id }),
  )
  const { data: attached } = useSuspenseQuery(
    configurationInstancesQueryOptions({ ...scope, id: configurationId }),
  )
  const [editing, setEditing] = useState(false)
  const [deleting, setDeleting] = useState(false)
  const [detaching, setDetaching] = useState<AttachedInstance | null>(null)
  const deleteBlocked = deleteBlockedReason(Math.max(group.instance_count ?? 0, attached.length))

  const rows = useMemo(
    () =>
      valueRows(
        group.values,
        new Set(parameters.data.filter((p) => p.restart_required).map((p) => p.name)),
      ),
    [group.values, parameters.data],
  )
  const values = useMemo(() => valueColumns(), [])
  const setSearch = useCallback(
    (patch: Partial<ValuesSearch>) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  )
  const instanceCols = useMemo(() => attachedInstanceColumns(), [])
  const [instanceSearch, setInstanceSearch] = useLocalTableSearch('name')
  const instanceActions = useMemo<RowAction<AttachedInstance>[]>(
    () => [
      {
        label: 'Open',
        onSelect: (i) =>
          void navigate({
            to: '/instances/$instanceId/configuration',
            params: { instanceId: i.id },
          }),
      },
      { label: 'Detach', destructive: true, onSelect: setDetaching },
    ],
    [navigate],
  )

  return (
    <div className="mx-auto grid max-w-5xl gap-6">
      <PageHeader
        title={group.name}
        description={group.description ?? undefined}
        breadcrumbs={<GroupsBreadcrumb />}
        actions={
          <div className="grid justify-items-end gap-1">
            <Button
              variant="outline"
              onClick={() => setDeleting(true)}
              disabled={deleteBlocked !== undefined}
              aria-describedby={deleteBlocked ? 'delete-blocked-reason' : undefined}
            >
              <Trash2 aria-hidden="true" />
              Delete
            </Button>
            {deleteBlocked ? (
              <p id="delete-blocked-reason" className="text-xs text-muted-foreground">
                {deleteBlocked}
              </p>
            ) : null}
          </div>
        }
      />

      <Card>
        <CardHeader>
          <CardTitle>Details</CardTitle>
        </CardHeader>
        <CardContent>
          <Dl
            items={[
              ['Datastore', datastoreLabel(group)],
              ['Version number', group.datastore_version_number ?? '—'],
              ['Instances', String(group.instance_count ?? attached.length)],
              ['Created', <When key="created" at={group.created} />],
              ['Updated', <When key="updated" at={group.updated} />],
              [
                'ID',
                <code key="id" className="text-xs break-all">
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
              {rows.length} value{rows.length === 1 ? '' : 's'} set; everything else keeps the
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
          ) : (
            <DataTable
              label={`Values of ${group.name}`}
              idPrefix="values"
              csvName={`${group.name}-values`}
              columns={values}
              rows={rows}
              getRowId={valueName}
              rowLabel={valueName}
              search={search}
              onSearchChange={setSearch}
              noun={{ one: 'value', other: 'values' }}
              filterPlaceholder="Parameter or value"
              minWidth={520}
              empty={<p className="text-sm text-muted-foreground">No values set.</p>}
            />
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Instances using this group</CardTitle>
          <CardDescription>
            Attach from an instance&apos;s Configuration tab (same datastore version only).
          </CardDescription>
        </CardHeader>
        <CardContent>
          <DataTable
            label={`Instances using ${group.name}`}
            idPrefix="group-instances"
            csvName={`${group.name}-instances`}
            columns={instanceCols}
            rows={attached}
            getRowId={instanceId}
            rowLabel={instanceName}
            search={instanceSearch}
            onSearchChange={setInstanceSearch}
            noun={{ one: 'instance', other: 'instances' }}
            rowActions={instanceActions}
            minWidth={480}
            empty={<p className="text-sm text-muted-foreground">Not attached to any instance.</p>}
          />
        </CardContent>
      </Card>

      <DeleteConfigurationDialog
        scope={scope}
        group={group}
        attached={attached.length}
        open={deleting}
        onOpenChange={setDeleting}
        onDeleted={() => void navigate({ to: '/configurations' })}
      />
      {detaching ? (
        <DetachConfigurationDialog
          scope={scope}
          instance={detaching}
          group={group}
          open
          onOpenChange={(o) => (o ? undefined : setDetaching(null))}
        />
      ) : null}
    </div>
  )
}

const valueName = (r: ValueRow) => r.name
const instanceId = (i: AttachedInstance) => i.id
const instanceName = (i: AttachedInstance) => i.name
