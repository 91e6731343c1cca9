import type { BackupStrategy } from '@/api/backups/schemas'
import type { DataTableColumn } from '@/components/data-table/columns'
import { strategySortValue, strategyTarget } from '../lib/strategy-list'

/** The backup strategies' columns: what the strategy applies to, its container, its backend. */
export function strategyColumns(
  instanceName: (id: string) => string | undefined,
): DataTableColumn<BackupStrategy>[] {
  return [
    {
      id: 'target',
      header: 'Applies to',
      hideable: false,
      className: 'w-[40%]',
      sortValue: (s) => strategySortValue(s, 'target', instanceName),
      filterText: (s) => [strategyTarget(s, instanceName), s.instance_id ?? undefined],
      csv: (s) => s.instance_id || 'project',
      cell: (s) => strategyTarget(s, instanceName),
    },
    {
      id: 'container',
      header: 'Swift container',
      className: 'w-[35%]',
      sortValue: (s) => strategySortValue(s, 'container', instanceName),
      cell: (s) => <span className="font-mono">{s.swift_container}</span>,
    },
    {
      id: 'backend',
      header: 'Backend',
      sortValue: (s) => strategySortValue(s, 'backend', instanceName),
      cell: (s) => s.backend,
    },
  ]
}
