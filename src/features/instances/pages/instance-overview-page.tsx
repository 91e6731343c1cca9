import type { ReactNode } from 'react'
import { Link, getRouteApi } from '@tanstack/react-router'
import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { findFlavor, flavorsQueryOptions } from '@/api/flavors/queries'
import { instanceQueryOptions } from '@/api/instances/queries'
import type { Instance } from '@/api/instances/schemas'
import { isTransitional } from '@/api/instances/status'
import { statusGuide } from '@/api/instances/status-guide'
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'
import { useNow } from '@/hooks/use-now'
import { useScope } from '@/hooks/use-session'
import { formatGb, formatRamMb } from '@/lib/format'
import { CopyButton } from '@/components/copy-button'
import { DateTimeAgo } from '@/components/date-time-ago'
import { DetailsList } from '@/components/details-list'
import { connectionCommands, connectionHost, defaultPort } from '../lib/connection-info'

const route = getRouteApi('/_app/instances/$instanceId')

function VolumeBar({ size, used }: { size: number; used: number | undefined }) {
  if (used === undefined) return <span data-testid="volume-size">{formatGb(size)}</span>
  const pct = size > 0 ? Math.min(100, Math.max(0, (used / size) * 100)) : 0
  const tone = pct >= 90 ? 'bg-danger' : pct >= 75 ? 'bg-warning' : 'bg-primary'
  return (
    <div className="grid max-w-xs gap-1">
      <span data-testid="volume-size">
        {formatGb(used)} of {formatGb(size)} used ({Math.round(pct)}%)
      </span>
      <div
        role="meter"
        aria-label="Volume used"
        aria-valuemin={0}
        aria-valuemax={size}
        aria-valuenow={used}
        aria-valuetext={`${formatGb(used)} of ${formatGb(size)}`}
        className="h-2 overflow-hidden rounded-full bg-muted"
      >
        <div className={`h-full ${tone}`} style={{ width: `${pct}%` }} />
      </div>
    </div>
  )
}

/** The Overview tab: what the instance is, where it lives, how to connect. */
export function InstanceOverviewPage() {
  const { instanceId } = route.useParams()
  const scope = useScope()
  const { data: instance } = useSuspenseQuery(instanceQueryOptions({ ...scope, id: instanceId }))
  const flavors = useQuery(flavorsQueryOptions(scope))
  const now = useNow(isTransitional(instance) ? 5000 : 60_000)
  const flavor = findFlavor(flavors.data, instance.flavor.id)

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card>
        <CardHeader>
          <CardTitle>Overview</CardTitle>
        </CardHeader>
        <CardContent>
          <DetailsList
            items={[
              ['ID', <span className="font-mono text-xs">{instance.id}</span>],
              [
                'Datastore',
                `${instance.datastore.type} ${instance.datastore.version}${
                  instance.datastore.version_number &&
                  instance.datastore.version_number !== instance.datastore.version
                    ? ` (${instance.datastore.version_number})`
                    : ''
                }`,
              ],
              [
                'Flavor',
                flavor
                  ? `${flavor.name} · ${flavor.vcpus ?? '?'} vCPU · ${formatRamMb(flavor.ram)} RAM`
                  : String(instance.flavor.id),
              ],
              [
                'Volume',
                instance.volume ? (
                  <VolumeBar size={instance.volume.size} used={instance.volume.used} />
                ) : (
                  'No volume (local storage)'
                ),
              ],
              ['Region', instance.region ?? scope.region],
              ['Created', <DateTimeAgo value={instance.created} now={now} />],
              ['Updated', <DateTimeAgo value={instance.updated} now={now} />],
              ...(instance.locality
                ? [['Locality', instance.locality] as [string, ReactNode]]
                : []),
              ...(instance.configuration
                ? [
                    [
                      'Configuration group',
                      <span className="font-mono text-xs">
                        {instance.configuration.name ?? instance.configuration.id}
                      </span>,
                    ] as [string, ReactNode],
                  ]
                : []),
              ...(instance.replica_of
                ? [
                    [
                      'Replica of',
                      <Link
                        to="/instances/$instanceId"
                        params={{ instanceId: instance.replica_of.id }}
                        className="text-primary hover:underline"
                      >
                        {instance.replica_of.id}
                      </Link>,
                    ] as [string, ReactNode],
                  ]
                : []),
              ...(instance.replicas && instance.replicas.length > 0
                ? [
                    [
                      'Replicas',
                      <ul className="grid gap-1">
                        {instance.replicas.map((r) => (
                          <li key={r.id}>
                            <Link
                              to="/instances/$instanceId"
                              params={{ instanceId: r.id }}
                              className="text-primary hover:underline"
                            >
                              {typeof r.name === 'string' ? r.name : r.id}
                            </Link>
                          </li>
                        ))}
                      </ul>,
                    ] as [string, ReactNode],
                  ]
                : []),
            ]}
          />
        </CardContent>
      </Card>

      <div className="grid content-start gap-4">
        <NetworkCard instance={instance} />
        <ConnectionCard instance={instance} />
      </div>
    </div>
  )
}

function NetworkCard({ instance }: { instance: Instance }) {
  const addresses =
    instance.addresses ?? (instance.ip ?? []).map((address) => ({ address, type: undefined }))
  const cidrs = instance.access?.allowed_cidrs ?? []
  return (
    <Card>
      <CardHeader>
        <CardTitle>Network and access</CardTitle>
      </CardHeader>
      <CardContent>
        <DetailsList
          items={[
            [
              'Public',
              instance.access?.is_public === undefined
                ? 'Not reported'
                : instance.access.is_public
                  ? 'Yes'
                  : 'No',
            ],
            [
              'Allowed CIDRs',
              cidrs.length > 0 ? (
                <ul className="font-mono text-xs">
                  {cidrs.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              ) : (
                'Any (no restriction)'
              ),
            ],
            [
              'Addresses',
              addresses.length > 0 ? (
                <ul className="font-mono text-xs">
                  {addresses.map((a) => (
                    <li key={a.address}>
                      {a.address}
                      {a.type ? (
                        <span className="font-sans text-muted-foreground"> ({a.type})</span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="text-muted-foreground">None yet</span>
              ),
            ],
            ...(instance.hostname
              ? [
                  ['Hostname', <span className="font-mono text-xs">{instance.hostname}</span>] as [
                    string,
                    ReactNode,
                  ],
                ]
              : []),
          ]}
        />
      </CardContent>
    </Card>
  )
}

function ConnectionCard({ instance }: { instance: Instance }) {
  const commands = connectionCommands(instance)
  const host = connectionHost(instance)
  const port = defaultPort(instance.datastore.type)
  // No commands while the database cannot take connections (a failed or building instance).
  const guide = statusGuide(instance, { isAdmin: false })
  return (
    <Card>
      <CardHeader>
        <CardTitle>Connect</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3">
        {!guide.canConnect ? (
          <p className="text-sm text-muted-foreground" data-testid="connect-blocked">
            {guide.connectBlocked}
          </p>
        ) : !host ? (
          <p className="text-sm text-muted-foreground">The instance has no address yet.</p>
        ) : (
          <>
            <p className="text-sm">
              Host <span className="font-mono">{host}</span>
              {port ? (
                <>
                  , port <span className="font-mono">{port}</span>
                </>
              ) : null}
              . Replace <span className="font-mono">&lt;user&gt;</span> with a database user.
            </p>
            {commands.length === 0 ? (
              <p className="text-sm text-muted-foreground">
                No client command is known for {instance.datastore.type}.
              </p>
            ) : (
              commands.map((c) => (
                <div key={c.label} className="grid gap-1">
                  <span className="text-xs text-muted-foreground">{c.label}</span>
                  <div className="flex items-center gap-2 rounded-md bg-muted px-3 py-1.5">
                    <code className="w-0 min-w-0 flex-1 overflow-x-auto font-mono text-xs whitespace-nowrap">
                      {c.command}
                    </code>
                    <CopyButton text={c.command} label={`Copy ${c.label} command`} />
                  </div>
                </div>
              ))
            )}
          </>
        )}
      </CardContent>
    </Card>
  )
}
