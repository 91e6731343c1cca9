import { createFileRoute } from '@tanstack/react-router'
import { ResourceActivity } from '@/components/activity/resource-activity'

function InstanceActivityTab() {
  const { instanceId } = Route.useParams()
  return <ResourceActivity kind="instance" id={instanceId} name={instanceId} />
}

export const Route = createFileRoute('/_app/instances/$instanceId/activity')({
  head: () => ({ meta: [{ title: 'Activity · Instance · DBaaS Console' }] }),
  component: InstanceActivityTab,
})
