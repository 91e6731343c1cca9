import { createFileRoute, type ErrorComponentProps } from '@tanstack/react-router'
import { configurationQueryOptions } from '@/api/configurations/queries'
import { ApiError } from '@/api/errors'
import { sessionStore } from '@/api/session/session-store'
import {
  ConfigurationDetailPage,
  ConfigurationNotFound,
} from '@/features/configurations/pages/configuration-detail-page'
import { RouteError } from '@/features/shell/route-error'

export const Route = createFileRoute('/_app/configurations/$configurationId')({
  loader: async ({ context: { queryClient }, params }) => {
    const session = sessionStore.get()
    if (!session) return
    const scope = { projectId: session.project.id, region: session.region }
    await queryClient.ensureQueryData(
      configurationQueryOptions({ ...scope, id: params.configurationId }),
    )
  },
  head: () => ({ meta: [{ title: 'Configuration group · DBaaS Console' }] }),
  errorComponent: DetailError,
  component: ConfigurationDetailPage,
})

function DetailError(props: ErrorComponentProps) {
  if (props.error instanceof ApiError && props.error.kind === 'not-found')
    return <ConfigurationNotFound />
  return <RouteError {...props} />
}
