import { createFileRoute } from '@tanstack/react-router'
import { ScrollText } from 'lucide-react'
import { NotBuiltPage } from '@/features/shell/not-built-page'

export const Route = createFileRoute('/_app/logs')({
  head: () => ({ meta: [{ title: 'Logs · DBaaS Console' }] }),
  component: Page,
})

function Page() {
  return (
    <NotBuiltPage
      title="Logs"
      icon={ScrollText}
      purpose="It will show and search your database services' logs."
    />
  )
}
