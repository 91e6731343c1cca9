import type { ReactNode } from 'react'
import { Link } from '@tanstack/react-router'
import { ShieldCheck } from 'lucide-react'
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
