import { createFileRoute } from '@tanstack/react-router'
import { ShieldCheck } from 'lucide-react'
import { isAdmin } from '@/api/session/session-store'
import { useSession } from '@/hooks/use-session'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { NotBuiltPage } from '@/features/shell/not-built-page'

export const Route = createFileRoute('/_app/admin')({
  head: () => ({ meta: [{ title: 'Admin · DBaaS Console' }] }),
  component: Page,
})

function Page() {
  const session = useSession()
  if (!isAdmin(session)) {
    return (
      <div className="mx-auto max-w-5xl">
        <PageHeader title="Admin" />
        <EmptyState
          icon={ShieldCheck}
          title="This page is for cloud administrators"
          description="Your role in this project is not admin. Ask a cloud administrator, or sign in with an administrator account."
        />
      </div>
    )
  }
  return (
    <NotBuiltPage
      title="Admin"
      icon={ShieldCheck}
      purpose="It will manage every project's instances through Trove's management (/mgmt) API, plus datastore versions and quotas."
    />
  )
}
