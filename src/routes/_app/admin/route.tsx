import { createFileRoute, Outlet, type ErrorComponentProps } from '@tanstack/react-router'
import { ApiError } from '@/api/errors'
import { isAdmin } from '@/api/session/session-store'
import { AdminRequiredPage } from '@/features/admin/components/admin-shell'
import { RouteError } from '@/components/route-error/route-error'

/**
 * The admin section. A token without the admin role is refused here, before any /mgmt request,
 * with a page that explains why (no redirect: the URL stays, nothing loops).
 */
export const Route = createFileRoute('/_app/admin')({
  beforeLoad: ({ context: { session } }) => {
    if (!isAdmin(session)) {
      throw new ApiError({
        status: 401,
        kind: 'admin-required',
        message: 'User does not have admin privileges.',
      })
    }
  },
  head: () => ({ meta: [{ title: 'Admin · DBaaS Console' }] }),
  errorComponent: AdminError,
  component: Outlet,
})

function AdminError(props: ErrorComponentProps) {
  if (props.error instanceof ApiError && props.error.kind === 'admin-required') {
    return <AdminRequiredPage />
  }
  return <RouteError {...props} />
}
