import { createFileRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { LogsPage } from '@/features/logs/logs-page'

const searchSchema = z.object({
  service: z.string().optional().catch(undefined),
  q: z.string().optional().catch(undefined),
})

export const Route = createFileRoute('/_app/logs')({
  validateSearch: searchSchema,
  head: () => ({ meta: [{ title: 'Logs · DBaaS Console' }] }),
  component: Page,
})

function Page() {
  const search = Route.useSearch()
  const navigate = Route.useNavigate()
  return (
    <LogsPage
      search={search}
      onSearch={(next) =>
        void navigate({ search: (prev) => ({ ...prev, ...next }), replace: true })
      }
    />
  )
}
