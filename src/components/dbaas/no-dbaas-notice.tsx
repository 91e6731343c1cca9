import { CloudOff } from 'lucide-react'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'

/** What DBaaS pages say on a cloud whose catalog has no `dbaas` service in this region. */
export function NoDbaasNotice({ title }: { title: string }) {
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader title={title} />
      <EmptyState
        icon={CloudOff}
        title="This cloud has no DBaaS management API"
        description="The service catalog of this cloud (in this region) lists no “dbaas” service, so service metrics, logs, plans and integrations are not available here. Instances, backups and configuration groups work as usual through Trove."
      />
    </div>
  )
}
