import { Suspense, useCallback, useMemo, useState } from 'react'
import { useSuspenseQuery } from '@tanstack/react-query'
import { Link, getRouteApi } from '@tanstack/react-router'
import { RotateCcw } from 'lucide-react'
import { toast } from '@/lib/toast'
import { useAttachConfiguration } from '@/api/configurations/mutations'
import {
  configurationQueryOptions,
  configurationsQueryOptions,
  instanceDefaultsQueryOptions,
} from '@/api/configurations/queries'
import { describeError } from '@/api/errors'
import { parametersQueryOptions } from '@/api/parameters/queries'
import { useRestartInstance } from '@/api/instances/mutations'
import { instanceQueryOptions } from '@/api/instances/queries'
import type { Instance } from '@/api/instances/schemas'
import { InstanceChangePreview } from '@/components/change-preview'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { DataTable } from '@/components/data-table/data-table'
import { mutationDialogProps } from '@/components/form-dialog'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { Field } from '@/components/ui/field'
import { Select } from '@/components/ui/select'
import { Spinner } from '@/components/ui/spinner'
import { useScope } from '@/hooks/use-session'
import { DetachConfigurationDialog } from '../components/detach-configuration-dialog'
import { valueDiffColumns } from '../components/value-diff-columns'
import type { DiffSearch } from '../lib/configuration-search'
import { formatValue } from '../lib/parameters-to-specs'
import { diffValues, parameterTypes, type DiffRow } from '../lib/values-diff'

const route = getRouteApi('/_app/instances/$instanceId/configuration')

const READY = new Set(['ACTIVE', 'HEALTHY', 'RESTART_REQUIRED'])

function RestartBanner({ instance }: { instance: Instance }) {
  const scope = useScope()
  const restart = useRestartInstance(scope)
  const [confirming, setConfirming] = useState(false)
  if (instance.status === 'REBOOT') {
    return (
      <Alert variant="info" title="Restarting" role="status">
        {instance.name} is restarting to apply its configuration.
      </Alert>
    )
  }
  if (instance.status !== 'RESTART_REQUIRED') return null
  return (
    <Alert
      variant="warning"
      title="Restart required"
      action={
        <Button size="sm" onClick={() => setConfirming(true)} disabled={restart.isPending}>
          <RotateCcw aria-hidden="true" />
          {restart.isPending ? 'Restarting…' : 'Restart now'}
        </Button>
      }
    >
      Some configuration values take effect only after the database restarts. Restarting drops
      connections for a moment.
      <ConfirmDialog
        {...mutationDialogProps(restart, setConfirming)}
        open={confirming}
        title={`Restart ${instance.name}?`}
        description={`The database on ${instance.name} restarts to apply its configuration values: open connections are dropped and it is unavailable for a moment.`}
        confirmLabel={`Restart ${instance.name}`}
        confirmVariant="default"
        onConfirm={() =>
          restart.mutate(
            { instance },
            {
              onSuccess: () => {
                setConfirming(false)
                toast.success(`Restarting ${instance.name}.`)
              },
            },
          )
        }
      >
        <InstanceChangePreview
          scope={scope}
          action="restart"
          instance={instance}
          open={confirming}
        />
      </ConfirmDialog>
    </Alert>
  )
}

function AttachCard({ instance }: { instance: Instance }) {
  const scope = useScope()
  const { data: groups } = useSuspenseQuery(configurationsQueryOptions(scope))
  const attach = useAttachConfiguration(scope)
  const [choice, setChoice] = useState('')
  const matching = groups.filter(
    (g) =>
      g.datastore_name === instance.datastore.type &&
      g.datastore_version_name === instance.datastore.version,
  )
  const ready = READY.has(instance.status)
  const ds = `${instance.datastore.type} ${instance.datastore.version}`
  return (
    <Card>
      <CardHeader>
        <CardTitle>No configuration group attached</CardTitle>
        <CardDescription>
          The instance runs with the datastore defaults below. Only groups for {ds} can be attached.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {matching.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            There is no configuration group for {ds} yet.{' '}
            <Link
              to="/configurations/new"
              search={{ datastore: instance.datastore.type }}
              className="text-link hover:underline"
            >
              Create one
            </Link>
            .
          </p>
        ) : (
          <form
            className="flex flex-wrap items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault()
              if (!choice) return
              attach.mutate(
                { instance, configurationId: choice },
                {
                  onSuccess: () => {
                    toast.success(`Configuration group attached to ${instance.name}.`)
                    setChoice('')
                  },
                },
              )
            }}
          >
            <Field
              label="Configuration group"
              className="w-72"
              description={
                ready ? undefined : `Not available while the instance is ${instance.status}.`
              }
            >
              <Select
                value={choice}
                onChange={(e) => setChoice(e.target.value)}
                disabled={!ready || attach.isPending}
              >
                <option value="">Choose a group…</option>
                {matching.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Button type="submit" disabled={!choice || !ready || attach.isPending}>
              {attach.isPending ? 'Attaching…' : 'Attach'}
            </Button>
          </form>
        )}
        {choice ? (
          <InstanceChangePreview
            scope={scope}
            action="attach-configuration"
            instance={instance}
            open
          />
        ) : null}
        {attach.error ? (
          <Alert variant="error" title="The cloud refused to attach the group">
            {describeError(attach.error)}
          </Alert>
        ) : null}
      </CardContent>
    </Card>
  )
}

function AttachedCard({
  instance,
  configurationId,
}: {
  instance: Instance
  configurationId: string
}) {
  const scope = useScope()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const { data: group } = useSuspenseQuery(
    configurationQueryOptions({ ...scope, id: configurationId }),
  )
  const { data: defaults } = useSuspenseQuery(
    instanceDefaultsQueryOptions({ ...scope, instanceId: instance.id }),
  )
  const { data: parameters } = useSuspenseQuery(
    parametersQueryOptions({ ...scope, versionId: group.datastore_version_id }),
  )
  const [detaching, setDetaching] = useState(false)
  const rows = useMemo(
    () => diffValues(group.values, defaults, parameterTypes(parameters)),
    [group.values, defaults, parameters],
  )
  const columns = useMemo(() => valueDiffColumns(), [])
  const setSearch = useCallback(
    (patch: Partial<DiffSearch>) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  )
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2">
        <div className="grid gap-1">
          <CardTitle>
            Attached group:{' '}
            <Link
              to="/configurations/$configurationId"
              params={{ configurationId }}
              className="text-link hover:underline"
            >
              {group.name}
            </Link>
          </CardTitle>
          <CardDescription>
            Its values next to the defaults for this instance&apos;s flavor.
          </CardDescription>
        </div>
        <Button
          variant="outline"
          size="sm"
          disabled={!READY.has(instance.status)}
          title={
            READY.has(instance.status)
              ? undefined
              : `Not available while the instance is ${instance.status}.`
          }
          onClick={() => setDetaching(true)}
        >
          Detach
        </Button>
      </CardHeader>
      <CardContent>
        <DataTable
          label="Group values compared with the defaults"
          idPrefix="config-diff"
          csvName={`${instance.name}-${group.name}-values`}
          columns={columns}
          rows={rows}
          getRowId={diffName}
          rowLabel={diffName}
          search={search}
          onSearchChange={setSearch}
          noun={{ one: 'value', other: 'values' }}
          filterPlaceholder="Parameter or difference"
          minWidth={560}
          empty={<p className="text-sm text-muted-foreground">This group sets no values.</p>}
        />
      </CardContent>
      <DetachConfigurationDialog
        scope={scope}
        instance={instance}
        group={group}
        open={detaching}
        onOpenChange={setDetaching}
      />
    </Card>
  )
}

const diffName = (r: DiffRow) => r.name

function DefaultsCard({ instance }: { instance: Instance }) {
  const scope = useScope()
  const { data: defaults } = useSuspenseQuery(
    instanceDefaultsQueryOptions({ ...scope, instanceId: instance.id }),
  )
  const entries = Object.entries(defaults)
  return (
    <Card>
      <CardHeader>
        <CardTitle>Datastore defaults</CardTitle>
        <CardDescription>The configuration template rendered for this flavor.</CardDescription>
      </CardHeader>
      <CardContent>
        {entries.length === 0 ? (
          <p className="text-sm text-muted-foreground">The cloud reports no defaults.</p>
        ) : (
          <details>
            <summary className="cursor-pointer text-sm font-medium">
              Show all {entries.length} defaults
            </summary>
            <dl className="mt-3 grid grid-cols-[minmax(10rem,auto)_1fr] gap-x-4 gap-y-1 font-mono text-xs">
              {entries.map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="text-muted-foreground">{k}</dt>
                  <dd className="break-all">{formatValue(v)}</dd>
                </div>
              ))}
            </dl>
          </details>
        )}
      </CardContent>
    </Card>
  )
}

/** The instance page's Configuration tab. */
export function InstanceConfigurationTab() {
  const scope = useScope()
  const { instanceId } = route.useParams()
  const { data: instance } = useSuspenseQuery(instanceQueryOptions({ ...scope, id: instanceId }))
  const configurationId = instance.configuration?.id
  return (
    <div className="grid gap-4">
      <RestartBanner instance={instance} />
      {/* Attaching or detaching switches cards: the other card's data loads in place. */}
      <Suspense fallback={<Spinner label="Loading configuration…" />}>
        {configurationId ? (
          <AttachedCard instance={instance} configurationId={configurationId} />
        ) : (
          <AttachCard instance={instance} />
        )}
      </Suspense>
      <DefaultsCard instance={instance} />
    </div>
  )
}
