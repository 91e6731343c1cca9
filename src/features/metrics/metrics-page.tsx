import { lazy, Suspense } from 'react'
import { useQuery } from '@tanstack/react-query'
import { ChartLine, RefreshCw } from 'lucide-react'
import { hasDbaas, metricsQueryOptions, servicesQueryOptions } from '@/api/dbaas/queries'
import { METRIC_PERIODS, type MetricPeriod } from '@/api/dbaas/schemas'
import { describeError } from '@/api/errors'
import { NoDbaasNotice } from '@/components/dbaas/no-dbaas-notice'
import { ServicePicker } from '@/components/dbaas/service-picker'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { Skeleton } from '@/components/ui/skeleton'
import { useScope, useSession } from '@/hooks/use-session'
import { cn } from '@/lib/cn'

const MetricCharts = lazy(() => import('./metric-charts'))

const PERIOD_LABELS: Record<MetricPeriod, string> = {
  hour: 'Hour',
  day: 'Day',
  week: 'Week',
  month: 'Month',
  year: 'Year',
}

export interface MetricsSearch {
  service?: string | undefined
  period: MetricPeriod
}

function ChartsSkeleton() {
  return (
    <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" aria-hidden="true">
      {Array.from({ length: 9 }, (_, i) => (
        <Skeleton key={i} className="h-52" />
      ))}
    </div>
  )
}

/** Service metrics: period pills, one chart per metric, refreshed while the page is open. */
export function MetricsPage({
  search,
  onSearch,
}: {
  search: MetricsSearch
  onSearch: (next: Partial<MetricsSearch>) => void
}) {
  const session = useSession()
  if (!hasDbaas(session)) return <NoDbaasNotice title="Metrics" />
  return <MetricsView search={search} onSearch={onSearch} />
}

function MetricsView({
  search,
  onSearch,
}: {
  search: MetricsSearch
  onSearch: (next: Partial<MetricsSearch>) => void
}) {
  const scope = useScope()
  const services = useQuery(servicesQueryOptions(scope))
  const list = services.data ?? []
  const name =
    search.service && list.some((s) => s.name === search.service) ? search.service : list[0]?.name
  const metrics = useQuery({
    ...metricsQueryOptions(scope, name ?? '', search.period),
    enabled: name !== undefined,
  })

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title="Metrics"
        description="CPU, memory, disk and network of a service’s nodes. The charts refresh every 30 seconds while this page is open."
        actions={
          <Button
            variant="outline"
            onClick={() => void metrics.refetch()}
            disabled={!name || metrics.isFetching}
          >
            <RefreshCw aria-hidden="true" className={cn(metrics.isFetching && 'animate-spin')} />
            Refresh
          </Button>
        }
      />
      {services.isPending ? (
        <ChartsSkeleton />
      ) : services.isError ? (
        <Alert
          variant="error"
          title="The services could not be loaded"
          action={
            <Button variant="outline" onClick={() => void services.refetch()}>
              Retry
            </Button>
          }
        >
          {describeError(services.error)}
        </Alert>
      ) : list.length === 0 ? (
        <EmptyState
          icon={ChartLine}
          title="No services in this region"
          description="Metrics are shown for database services (your instances). Launch an instance, then come back."
        />
      ) : (
        <div className="grid gap-4">
          <div className="flex flex-wrap items-end gap-4">
            <ServicePicker
              services={list}
              value={name}
              onChange={(service) => onSearch({ service })}
            />
            <div role="radiogroup" aria-label="Period" className="flex gap-1 rounded-lg border p-1">
              {METRIC_PERIODS.map((p) => (
                <button
                  key={p}
                  type="button"
                  role="radio"
                  aria-checked={search.period === p}
                  onClick={() => onSearch({ period: p })}
                  className={cn(
                    'rounded-md px-3 py-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-ring',
                    search.period === p
                      ? 'bg-primary text-primary-foreground'
                      : 'text-muted-foreground hover:bg-accent',
                  )}
                >
                  {PERIOD_LABELS[p]}
                </button>
              ))}
            </div>
          </div>
          {metrics.isError ? (
            <Alert
              variant="error"
              title="The metrics could not be loaded"
              action={
                <Button variant="outline" onClick={() => void metrics.refetch()}>
                  Retry
                </Button>
              }
            >
              {describeError(metrics.error)}
            </Alert>
          ) : !metrics.data ? (
            <ChartsSkeleton />
          ) : (
            <Suspense fallback={<ChartsSkeleton />}>
              <MetricCharts metrics={metrics.data} period={search.period} />
            </Suspense>
          )}
        </div>
      )}
    </div>
  )
}
