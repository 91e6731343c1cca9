import { getRouteApi } from '@tanstack/react-router'
import { useSuspenseQuery } from '@tanstack/react-query'
import { instanceQueryOptions } from '@/api/instances/queries'
import { useScope } from '@/hooks/use-session'
import { DatabasesPanel } from '../components/databases-panel'
import { InstanceGate } from '../components/instance-gate'

const route = getRouteApi('/_app/instances/$instanceId/databases')

/** The instance page's Databases tab. */
export function InstanceDatabasesTab() {
  const { instanceId } = route.useParams()
  const scope = useScope()
  const { data: instance } = useSuspenseQuery(instanceQueryOptions({ ...scope, id: instanceId }))
  return (
    <InstanceGate instance={instance}>
      <DatabasesPanel scope={{ ...scope, instanceId }} instance={instance} />
    </InstanceGate>
  )
}
