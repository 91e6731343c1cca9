import { createFileRoute } from '@tanstack/react-router'
import { Boxes } from 'lucide-react'
import { NotBuiltPage } from '@/features/shell/not-built-page'

export const Route = createFileRoute('/_app/datastores')({
  head: () => ({ meta: [{ title: 'Datastores · DBaaS Console' }] }),
  component: Page,
})

function Page() {
  return (
    <NotBuiltPage
      title="Datastores"
      icon={Boxes}
      purpose="It will list the datastores and versions this cloud offers, with each version's configuration parameters."
    />
  )
}
