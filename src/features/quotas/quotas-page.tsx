import { useSuspenseQueries, useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { backupsQueryOptions } from '@/api/backups/queries'
import { flavorsQueryOptions } from '@/api/flavors/queries'
import { instancesQueryOptions } from '@/api/instances/queries'
import { limitsQueryOptions } from '@/api/limits/queries'
import { QUOTA_LABELS, quotaLines, quotaUsage, type QuotaLine } from '@/api/limits/quota'
import type { Scope } from '@/api/session/scope'
import { Alert } from '@/components/ui/alert'
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'
import { PageHeader } from '@/components/ui/page-header'
import { useRequiredSession } from '@/hooks/use-session'
import { cn } from '@/lib/cn'

const route = getRouteApi('/_app/quotas')

/**
 * Quotas: per region, how much of each absolute limit (`GET /limits`) the project uses, counted
 * from its instance and backup lists. The route's loader reads them for every region; its
 * pending and error components cover loading and failure.
 */
export function QuotasPage() {
  const session = useRequiredSession()
  const { regions } = route.useLoaderData()
  const { projectId } = route.useRouteContext({ select: (c) => c.scope })
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Quotas"
        description={`How much of its limits project ${session.project.name} uses, in each region. Administrators change quotas.`}
      />
      {regions.length === 0 ? (
        <Alert variant="info" title="No database service">
          The catalog of this session lists no database endpoint, so there are no quotas to show.
        </Alert>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {regions.map((region) => (
            <RegionQuotas key={region} scope={{ projectId, region }} />
          ))}
        </div>
      )}
    </div>
  )
}

function RegionQuotas({ scope }: { scope: Scope }) {
  const [limits, instances, backups] = useSuspenseQueries({
    queries: [limitsQueryOptions(scope), instancesQueryOptions(scope), backupsQueryOptions(scope)],
  })
  // Flavors only refine the volume count of old instances: not worth failing the page for.
  const flavors = useQuery(flavorsQueryOptions(scope))
  const usage = quotaUsage(instances.data, backups.data, flavors.data)
  const headingId = `quota-${scope.region}`
  return (
    <Card aria-labelledby={headingId}>
      <CardHeader>
        <CardTitle id={headingId}>{scope.region}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        {quotaLines(usage, limits.data.absolute).map((line) => (
          <UsageBar key={line.resource} line={line} region={scope.region} />
        ))}
      </CardContent>
    </Card>
  )
}

function UsageBar({ line, region }: { line: QuotaLine; region: string }) {
  const { label, unit } = QUOTA_LABELS[line.resource]
  const u = unit ? ` ${unit}` : ''
  const limited = line.fraction !== undefined
  const pct = Math.round((line.fraction ?? 0) * 100)
  const text = limited
    ? `${line.used}${u} of ${line.limit}${u} (${pct}%)`
    : `${line.used}${u} used, unlimited`
  const level = !limited ? 'none' : pct >= 100 ? 'full' : pct >= 80 ? 'high' : 'ok'
  return (
    <div className="grid gap-1">
      <div className="flex justify-between gap-2 text-sm">
        <span className="font-medium">{label}</span>
        <span className="text-muted-foreground">
          {text}
          {level === 'full' ? ' — limit reached' : level === 'high' ? ' — nearly full' : ''}
        </span>
      </div>
      {limited ? (
        <div
          role="meter"
          aria-label={`${label} in ${region}`}
          aria-valuemin={0}
          aria-valuemax={line.limit}
          aria-valuenow={Math.min(line.used, line.limit)}
          aria-valuetext={text}
          className="h-2 overflow-hidden rounded-full bg-muted"
        >
          <div
            className={cn(
              'h-full rounded-full',
              level === 'full'
                ? 'bg-danger'
                : level === 'high'
                  ? 'bg-warning-soft-foreground'
                  : 'bg-primary',
            )}
            style={{ width: `${pct}%` }}
          />
        </div>
      ) : null}
    </div>
  )
}
