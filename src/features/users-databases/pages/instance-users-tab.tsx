import { getRouteApi } from '@tanstack/react-router'
import { useSuspenseQuery } from '@tanstack/react-query'
import { instanceQueryOptions } from '@/api/instances/queries'
import { useScope } from '@/hooks/use-session'
import { InstanceGate } from '../components/instance-gate'
import { RootPanel } from '../components/root-panel'
import { UsersPanel } from '../components/users-panel'

const route = getRouteApi('/_app/instances/$instanceId/users')

/** The instance page's Users tab: database users, then the root user. */
export function InstanceUsersTab() {
  const { instanceId } = route.useParams()
  const scope = useScope()
  const { data: instance } = useSuspenseQuery(instanceQueryOptions({ ...scope, id: instanceId }))
  const iscope = { ...scope, instanceId }
  return (
    <InstanceGate instance={instance}>
      <div className="grid gap-8">
        <UsersPanel scope={iscope} instance={instance} />
        <RootPanel scope={iscope} instance={instance} />
      </div>
    </InstanceGate>
  )
}
