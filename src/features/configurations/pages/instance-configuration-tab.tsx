import { useState } from 'react'
import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { Link, getRouteApi } from '@tanstack/react-router'
import { RotateCcw } from 'lucide-react'
import { toast } from 'sonner'
import { useAttachConfiguration, useDetachConfiguration } from '@/api/configurations/mutations'
import {
  configurationQueryOptions,
  configurationsQueryOptions,
  instanceDefaultsQueryOptions,
} from '@/api/configurations/queries'
import { describeError } from '@/api/errors'
import { useRestartInstance } from '@/api/instances/mutations'
import { instanceQueryOptions } from '@/api/instances/queries'
import type { Instance } from '@/api/instances/schemas'
import { Alert } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { Field } from '@/components/ui/field'
import { Select } from '@/components/ui/select'
import { Spinner } from '@/components/ui/spinner'
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
import { formatValue } from '../lib/parameters-to-specs'
import { diffValues, type DiffState } from '../lib/values-diff'

const route = getRouteApi('/_app/instances/$instanceId')

const READY = new Set(['ACTIVE', 'HEALTHY', 'RESTART_REQUIRED'])

const STATE_LABEL: Record<DiffState, { text: string; variant: 'warning' | 'neutral' | 'info' }> = {
  changed: { text: 'Overrides default', variant: 'warning' },
  same: { text: 'Same as default', variant: 'neutral' },
  added: { text: 'Not in template', variant: 'info' },
}

function RestartBanner({ instance }: { instance: Instance }) {
  const scope = useScope()
  const restart = useRestartInstance(scope)
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
        <Button
          size="sm"
          onClick={() =>
            restart.mutate(
              { instance },
              { onSuccess: () => toast.success(`Restarting ${instance.name}.`) },
            )
          }
          disabled={restart.isPending}
        >
          <RotateCcw aria-hidden="true" />
          {restart.isPending ? 'Restarting…' : 'Restart now'}
        </Button>
      }
    >
      Some configuration values take effect only after the database restarts. Restarting drops
      connections for a moment.
      {restart.error ? (
        <span className="mt-1 block font-medium">
          The restart was refused: {describeError(restart.error)}
        </span>
      ) : null}
    </Alert>
  )
}

function AttachCard({ instance }: { instance: Instance }) {
  const scope = useScope()
  const groups = useQuery(configurationsQueryOptions(scope))
  const attach = useAttachConfiguration(scope)
  const [choice, setChoice] = useState('')
  const matching = (groups.data ?? []).filter(
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
        {groups.isPending ? (
          <Spinner label="Loading configuration groups…" />
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
        ) : matching.length === 0 ? (
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
  const group = useQuery(configurationQueryOptions({ ...scope, id: configurationId }))
  const defaults = useQuery(instanceDefaultsQueryOptions({ ...scope, instanceId: instance.id }))
  const detach = useDetachConfiguration(scope)
  const name = group.data?.name ?? instance.configuration?.name ?? configurationId
  const rows = group.data && defaults.data ? diffValues(group.data.values, defaults.data) : []
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
              {name}
            </Link>
          </CardTitle>
          <CardDescription>
            Its values next to the defaults for this instance&apos;s flavor.
          </CardDescription>
        </div>
        <Button
          variant="outline"
          size="sm"
          disabled={detach.isPending || !READY.has(instance.status)}
          onClick={() =>
            detach.mutate(
              { instance, configurationId },
              {
                onSuccess: () =>
                  toast.success(`Configuration group detached from ${instance.name}.`),
              },
            )
          }
        >
          {detach.isPending ? 'Detaching…' : 'Detach'}
        </Button>
      </CardHeader>
      <CardContent className="grid gap-3">
        {detach.error ? (
          <Alert variant="error" title="The cloud refused to detach the group">
            {describeError(detach.error)}
          </Alert>
        ) : null}
        {group.isPending || defaults.isPending ? (
          <Spinner label="Loading values…" />
        ) : group.isError || defaults.isError ? (
          <Alert variant="error" title="Values could not be loaded">
            {describeError(group.error ?? defaults.error)}
          </Alert>
        ) : rows.length === 0 ? (
          <p className="text-sm text-muted-foreground">This group sets no values.</p>
        ) : (
          <Table>
            <TableCaption className="sr-only">Group values compared with the defaults</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>Parameter</TableHead>
                <TableHead>Default</TableHead>
                <TableHead>Group value</TableHead>
                <TableHead>Difference</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.name}>
                  <TableCell className="font-mono text-xs">{r.name}</TableCell>
                  <TableCell className="font-mono text-xs">{formatValue(r.defaultValue)}</TableCell>
                  <TableCell className="font-mono text-xs">{formatValue(r.value)}</TableCell>
                  <TableCell>
                    <Badge variant={STATE_LABEL[r.state].variant}>
                      {STATE_LABEL[r.state].text}
                    </Badge>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  )
}

function DefaultsCard({ instance }: { instance: Instance }) {
  const scope = useScope()
  const defaults = useQuery(instanceDefaultsQueryOptions({ ...scope, instanceId: instance.id }))
  const entries = Object.entries(defaults.data ?? {})
  return (
    <Card>
      <CardHeader>
        <CardTitle>Datastore defaults</CardTitle>
        <CardDescription>The configuration template rendered for this flavor.</CardDescription>
      </CardHeader>
      <CardContent>
        {defaults.isPending ? (
          <Spinner label="Loading defaults…" />
        ) : defaults.isError ? (
          <Alert
            variant="error"
            title="Defaults could not be loaded"
            action={
              <Button size="sm" variant="outline" onClick={() => void defaults.refetch()}>
                Retry
              </Button>
            }
          >
            {describeError(defaults.error)}
          </Alert>
        ) : entries.length === 0 ? (
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
      {configurationId ? (
        <AttachedCard instance={instance} configurationId={configurationId} />
      ) : (
        <AttachCard instance={instance} />
      )}
      <DefaultsCard instance={instance} />
    </div>
  )
}
