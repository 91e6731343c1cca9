import { lazy, Suspense } from 'react'
import { useSuspenseQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { ChartLine, RefreshCw } from 'lucide-react'
import { metricsQueryOptions } from '@/api/dbaas/queries'
import type { MetricPeriod, Service } from '@/api/dbaas/schemas'
import { METRIC_PERIODS } from '@/api/rules/metric-periods'
import { NoServicesNotice } from '@/components/dbaas/no-services-notice'
import { RequireDbaas } from '@/components/dbaas/require-dbaas'
import { ServicePicker } from '@/components/dbaas/service-picker'
import { Button } from '@/components/ui/button'
import { PageHeader } from '@/components/ui/page-header'
import { Skeleton } from '@/components/ui/skeleton'
import { useChosenService } from '@/hooks/use-chosen-service'
import { useScope } from '@/hooks/use-session'
import { cn } from '@/lib/cn'
import type { MetricsSearch } from './lib/metrics-search'

const route = getRouteApi('/_app/metrics')

const MetricCharts = lazy(() => import('./metric-charts'))

const PERIOD_LABELS: Record<MetricPeriod, string> = {
  hour: 'Hour',
  day: 'Day',
  week: 'Week',
  month: 'Month',
  year: 'Year',
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
export function MetricsPage() {
  return (
    <RequireDbaas title="Metrics">
      <MetricsView />
    </RequireDbaas>
  )
}

function MetricsView() {
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const onSearch = (next: Partial<MetricsSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...next }), replace: true })
  const { services, name } = useChosenService(search.service)
  return (
    <div className="mx-auto max-w-7xl">
      {name === undefined ? (
        <>
          <PageHeader title="Metrics" description={DESCRIPTION} />
          <NoServicesNotice
            icon={ChartLine}
            description="Metrics are shown for database services (your instances). Launch an instance, then come back."
          />
        </>
      ) : (
        <ServiceMetrics
          name={name}
          services={services}
          period={search.period}
          onSearch={onSearch}
        />
      )}
    </div>
  )
}

const DESCRIPTION =
  'CPU, memory, disk and network of a service’s nodes. The charts refresh every 30 seconds while this page is open.'

function ServiceMetrics({
  name,
  services,
  period,
  onSearch,
}: {
  name: string
  services: Service[]
  period: MetricPeriod
  onSearch: (next: Partial<MetricsSearch>) => void
}) {
  const scope = useScope()
  const metrics = useSuspenseQuery(metricsQueryOptions(scope, name, period))
  return (
    <>
      <PageHeader
        title="Metrics"
        description={DESCRIPTION}
        actions={
          <Button
            variant="outline"
            onClick={() => void metrics.refetch()}
            disabled={metrics.isFetching}
          >
            <RefreshCw aria-hidden="true" className={cn(metrics.isFetching && 'animate-spin')} />
            Refresh
          </Button>
        }
      />
      <div className="grid gap-4">
        <div className="flex flex-wrap items-end gap-4">
          <ServicePicker
            services={services}
            value={name}
            onChange={(service) => onSearch({ service })}
          />
          <div
            role="radiogroup"
            aria-label="Period"
            className="flex flex-wrap gap-1 rounded-lg border p-1"
          >
            {METRIC_PERIODS.map((p) => (
              <button
                key={p}
                type="button"
                role="radio"
                aria-checked={period === p}
                onClick={() => onSearch({ period: p })}
                className={cn(
                  'rounded-md px-3 py-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-ring',
                  period === p
                    ? 'bg-primary text-primary-foreground'
                    : 'text-muted-foreground hover:bg-accent',
                )}
              >
                {PERIOD_LABELS[p]}
              </button>
            ))}
          </div>
        </div>
        <Suspense fallback={<ChartsSkeleton />}>
          <MetricCharts metrics={metrics.data} period={period} />
        </Suspense>
      </div>
    </>
  )
}
