import { createFileRoute } from '@tanstack/react-router'
import { InstanceOverviewPage } from '@/features/instances/pages/instance-overview-page'

export const Route = createFileRoute('/_app/instances/$instanceId/')({
  component: InstanceOverviewPage,
})
