import type { ReactNode } from 'react'
import { hasDbaas } from '@/api/dbaas/queries'
import { useSession } from '@/hooks/use-session'
import { NoDbaasNotice } from './no-dbaas-notice'

/** A DBaaS page's body, or why it is not available on this cloud (no `dbaas` in the catalog). */
export function RequireDbaas({ title, children }: { title: string; children: ReactNode }) {
  const session = useSession()
  if (!hasDbaas(session)) return <NoDbaasNotice title={title} />
  return <>{children}</>
}
