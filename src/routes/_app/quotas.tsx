import { createFileRoute } from '@tanstack/react-router'
import { Gauge } from 'lucide-react'
import { NotBuiltPage } from '@/features/shell/not-built-page'

export const Route = createFileRoute('/_app/quotas')({
  head: () => ({ meta: [{ title: 'Quotas · DBaaS Console' }] }),
  component: Page,
})

function Page() {
  return (
    <NotBuiltPage
      title="Quotas"
      icon={Gauge}
      purpose="It will show your project's limits and usage (instances, volumes, backups) and let administrators change quotas."
    />
  )
}
