import { z } from 'zod'
import type { MgmtInstance } from '@/api/mgmt/schemas'

/** URL state of the all-projects instance list. */
export const adminInstancesSearchSchema = z.object({
  project: z.string().catch('').default(''),
  q: z.string().catch('').default(''),
  status: z.string().catch('').default(''),
  deleted: z.enum(['live', 'deleted', 'all']).catch('live').default('live'),
})
export type AdminInstancesSearch = z.infer<typeof adminInstancesSearchSchema>
export const adminInstancesSearchDefaults: AdminInstancesSearch = {
  project: '',
  q: '',
  status: '',
  deleted: 'live',
}

/** Trove's `deleted` filter for the list view's choice. */
export function deletedFilter(v: AdminInstancesSearch['deleted']): boolean | undefined {
  return v === 'live' ? false : v === 'deleted' ? true : undefined
}

/** Name/id/project text and status filters, applied to what the cloud returned. */
export function filterMgmtInstances(
  rows: readonly MgmtInstance[],
  s: Pick<AdminInstancesSearch, 'q' | 'status'>,
): MgmtInstance[] {
  const q = s.q.trim().toLowerCase()
  return rows.filter((i) => {
    if (s.status && i.status !== s.status) return false
    if (!q) return true
    return [i.name, i.id, i.tenant_id, i.server_id ?? '', i.volume_id ?? '', i.server?.host ?? '']
      .join(' ')
      .toLowerCase()
      .includes(q)
  })
}

/** URL state of the quotas page and the all-projects backups page. */
export const projectSearchSchema = z.object({
  project: z.string().catch('').default(''),
})
