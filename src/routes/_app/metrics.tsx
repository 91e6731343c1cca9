import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { z } from 'zod'
import { METRIC_PERIODS } from '@/api/dbaas/schemas'
import { MetricsPage } from '@/features/metrics/metrics-page'

const searchSchema = z.object({
  service: z.string().optional().catch(undefined),
  period: z.enum(METRIC_PERIODS).default('hour').catch('hour'),
})

export const Route = createFileRoute('/_app/metrics')({
  validateSearch: searchSchema,
  search: { middlewares: [stripSearchParams({ period: 'hour' })] },
  head: () => ({ meta: [{ title: 'Metrics · DBaaS Console' }] }),
  component: Page,
})

function Page() {
  const search = Route.useSearch()
  const navigate = Route.useNavigate()
  return (
    <MetricsPage
      search={search}
      onSearch={(next) =>
        void navigate({ search: (prev) => ({ ...prev, ...next }), replace: true })
      }
    />
  )
}
