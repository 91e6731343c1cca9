import { createFileRoute } from '@tanstack/react-router'
import { ChartLine } from 'lucide-react'
import { NotBuiltPage } from '@/features/shell/not-built-page'

export const Route = createFileRoute('/_app/metrics')({
  head: () => ({ meta: [{ title: 'Metrics · DBaaS Console' }] }),
  component: Page,
})

function Page() {
  return (
    <NotBuiltPage
      title="Metrics"
      icon={ChartLine}
      purpose="It will chart your database services' CPU, memory, disk and connection metrics over time."
    />
  )
}
