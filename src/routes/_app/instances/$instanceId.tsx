import { createFileRoute, type ErrorComponentProps } from '@tanstack/react-router'
import { ApiError } from '@/api/errors'
import { flavorsQueryOptions } from '@/api/flavors/queries'
import { instanceQueryOptions } from '@/api/instances/queries'
import {
  InstanceDetailPage,
  InstanceNotFound,
} from '@/features/instances/pages/instance-detail-page'
import { RouteError } from '@/components/route-error/route-error'

export const Route = createFileRoute('/_app/instances/$instanceId')({
  loader: async ({ context: { queryClient, scope }, params }) => {
    void queryClient.prefetchQuery(flavorsQueryOptions(scope))
    await queryClient.ensureQueryData(instanceQueryOptions({ ...scope, id: params.instanceId }))
  },
  head: () => ({ meta: [{ title: 'Instance · DBaaS Console' }] }),
  errorComponent: DetailError,
  component: InstanceDetailPage,
})

function DetailError(props: ErrorComponentProps) {
  if (props.error instanceof ApiError && props.error.kind === 'not-found')
    return <InstanceNotFound />
  return <RouteError {...props} />
}
