import type { Plan } from '@/api/dbaas/schemas'
import type { DataTableColumn } from '@/components/data-table/columns'
import { formatBytes } from '@/lib/format'
import { planAvailability, planBackups, planFilterText, planSortValue } from '../lib/plan-list'

const bytes = (v: number | undefined) => (v !== undefined ? formatBytes(v) : '—')

/** One row per plan of an engine, its figures side by side. */
export function planColumns(): DataTableColumn<Plan>[] {
  return [
    {
      id: 'name',
      header: 'Plan',
      className: 'w-[14%]',
      hideable: false,
      sortValue: (p) => planSortValue(p, 'name'),
      filterText: planFilterText,
      cell: (p) => <span className="font-medium">{p.name}</span>,
    },
    {
      id: 'nodes',
      header: 'Nodes',
      className: 'w-[7%]',
      sortValue: (p) => planSortValue(p, 'nodes'),
      cell: (p) => p['node-count'] ?? '—',
    },
    {
      id: 'cpus',
      header: 'vCPUs per node',
      className: 'w-[13%]',
      sortValue: (p) => planSortValue(p, 'cpus'),
      cell: (p) => p['node-cpu-count'] ?? '—',
    },
    {
      id: 'memory',
      header: 'Memory per node',
      className: 'w-[15%]',
      sortValue: (p) => planSortValue(p, 'memory'),
      cell: (p) => bytes(p['node-memory']),
    },
    {
      id: 'disk',
      header: 'Disk',
      className: 'w-[9%]',
      sortValue: (p) => planSortValue(p, 'disk'),
      cell: (p) => bytes(p['disk-space']),
    },
    {
      id: 'backups',
      header: 'Backups',
      className: 'w-[20%]',
      csv: planBackups,
      cell: (p) => planBackups(p) ?? '—',
    },
    {
      id: 'zones',
      header: 'Zones',
      className: 'w-[12%]',
      csv: (p) => (p.zones ?? []).join(' '),
      cell: (p) => (p.zones ?? []).join(', ') || '—',
    },
    {
      id: 'available',
      header: 'Available',
      className: 'w-[10%]',
      sortValue: (p) => planSortValue(p, 'available'),
      cell: planAvailability,
    },
  ]
}
