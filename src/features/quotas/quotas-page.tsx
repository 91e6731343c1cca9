import { RotateCw } from 'lucide-react'
import { describeError } from '@/api/errors'
import { QUOTA_LABELS, quotaLines, type QuotaLine } from '@/api/limits/quota'
import { regionsFor } from '@/api/session/session-store'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'
import { PageHeader } from '@/components/ui/page-header'
import { Skeleton } from '@/components/ui/skeleton'
import { useQuotaUsage } from '@/hooks/use-quota-usage'
import { useRequiredSession } from '@/hooks/use-session'
import { cn } from '@/lib/cn'

/**
 * Quotas: per region, how much of each absolute limit (`GET /limits`) the project uses, counted
 * from its instance and backup lists.
 */
export function QuotasPage() {
  const session = useRequiredSession()
  const regions = regionsFor(session.catalog, 'database')
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
            <RegionQuotas key={region} projectId={session.project.id} region={region} />
          ))}
        </div>
      )}
    </div>
  )
}

function RegionQuotas({ projectId, region }: { projectId: string; region: string }) {
  const q = useQuotaUsage({ projectId, region })
  const headingId = `quota-${region}`
  return (
    <Card aria-labelledby={headingId}>
      <CardHeader>
        <CardTitle id={headingId}>{region}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        {q.isPending ? (
          <Skeleton className="h-40 w-full" />
        ) : q.error && !q.usage ? (
          <Alert
            variant="error"
            title={`The quotas of ${region} could not be loaded`}
            action={
              <Button variant="outline" size="sm" onClick={q.refetch}>
                <RotateCw aria-hidden="true" className="size-4" />
                Retry
              </Button>
            }
          >
            {describeError(q.error)}
          </Alert>
        ) : q.usage ? (
          quotaLines(q.usage, q.limits).map((line) => (
            <UsageBar key={line.resource} line={line} region={region} />
          ))
        ) : null}
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
