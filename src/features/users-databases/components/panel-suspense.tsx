import type { ReactNode } from 'react'
import { Suspense } from 'react'
import { DataTableSkeleton } from '@/components/data-table/data-table-skeleton'

/**
 * Where a panel reads its list while the page already shows (another instance was picked, or the
 * instance became ready): the table's skeleton, not the whole page's pending view.
 */
export function PanelSuspense({ label, children }: { label: string; children: ReactNode }) {
  return <Suspense fallback={<DataTableSkeleton label={label} />}>{children}</Suspense>
}
