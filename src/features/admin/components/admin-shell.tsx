import type { ReactNode } from 'react'
import { Link } from '@tanstack/react-router'
import { RotateCw, ShieldCheck } from 'lucide-react'
import { ApiError, describeError } from '@/api/errors'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'

const SECTIONS = [
  { to: '/admin', label: 'Overview', exact: true },
  { to: '/admin/instances', label: 'All instances', exact: false },
  { to: '/admin/datastore-versions', label: 'Datastore versions', exact: false },
  { to: '/admin/quotas', label: 'Quotas', exact: false },
  { to: '/admin/backups', label: 'All backups', exact: false },
] as const

/** The admin section's own navigation (a row of links; the current one is marked). */
export function AdminNav() {
  return (
    <nav aria-label="Admin sections" className="mb-6 flex flex-wrap gap-1 border-b pb-2">
      {SECTIONS.map((s) => (
        <Link
          key={s.to}
          to={s.to}
          activeOptions={{ exact: s.exact }}
          className="rounded-md px-3 py-1.5 text-sm text-muted-foreground hover:bg-accent hover:text-foreground data-[status=active]:bg-accent data-[status=active]:font-medium data-[status=active]:text-foreground"
        >
          {s.label}
        </Link>
      ))}
    </nav>
  )
}

/** Page frame of every admin page: header, the admin navigation, the content. */
export function AdminPage({
  title,
  description,
  actions,
  children,
}: {
  title: ReactNode
  description?: ReactNode
  actions?: ReactNode
  children: ReactNode
}) {
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title={title} description={description} actions={actions} />
      <AdminNav />
      {children}
    </div>
  )
}

/** What a member sees on an admin page: why it is not offered, and what to do. */
export function AdminRequiredPage() {
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader title="Admin" />
      <EmptyState
        icon={ShieldCheck}
        title="This page is for cloud administrators"
        description="It uses Trove's management (/mgmt) API, which the cloud only answers for a token with the admin role. Your role in this project is not admin: ask a cloud administrator, or sign in with an administrator account."
      />
    </div>
  )
}

/**
 * A failed admin read: Trove's 401 "User does not have admin privileges." says the action needs
 * an administrator (it is not an expired session, so no re-login dialog); other errors say what
 * went wrong, with Retry.
 */
export function AdminQueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (error instanceof ApiError && error.kind === 'admin-required') {
    return (
      <Alert variant="warning" title="This needs an administrator">
        The cloud refused it because your token does not have the admin role (Trove answered:
        &ldquo;{error.message}&rdquo;). Sign in with an administrator account to use it.
      </Alert>
    )
  }
  return (
    <Alert
      variant="error"
      title="The cloud refused to load this"
      action={
        onRetry ? (
          <Button size="sm" variant="outline" onClick={onRetry}>
            <RotateCw aria-hidden="true" /> Retry
          </Button>
        ) : undefined
      }
    >
      {describeError(error)}
    </Alert>
  )
}

/** The message a failed admin mutation shows in its dialog. */
export function mutationErrorText(error: unknown): string {
  if (error instanceof ApiError && error.kind === 'admin-required') {
    return 'This needs an administrator: the cloud refused it because your token does not have the admin role.'
  }
  return describeError(error)
}

export function AdminMutationError({ error }: { error: unknown }) {
  if (!error) return null
  return <Alert variant="error">{mutationErrorText(error)}</Alert>
}
