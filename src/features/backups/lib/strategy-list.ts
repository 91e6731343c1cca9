import { z } from 'zod'
import type { BackupStrategy } from '@/api/backups/schemas'
import type { SortValue } from '@/components/data-table/columns'
import { tableSearchDefaults, type TableSearch } from '@/components/data-table/search'

export const STRATEGY_SORT_COLUMNS = ['target', 'container', 'backend'] as const
export type StrategySortColumn = (typeof STRATEGY_SORT_COLUMNS)[number]
export type StrategiesSearch = TableSearch<StrategySortColumn>

/** The strategies table's view state (kept in the page: the backups table owns the URL's). */
export const strategiesSearchDefaults: StrategiesSearch = tableSearchDefaults<StrategySortColumn>(
  'target',
  'asc',
)

/** A strategy's key: its instance, or '' for the project's own. */
export const strategyId = (s: BackupStrategy) => s.instance_id ?? ''

/** "Whole project", or "Instance <name>" (the id's start when the name is unknown). */
export function strategyTarget(
  s: Pick<BackupStrategy, 'instance_id'>,
  instanceName: (id: string) => string | undefined,
): string {
  return s.instance_id
    ? `Instance ${instanceName(s.instance_id) ?? s.instance_id.slice(0, 8)}`
    : 'Whole project'
}

/** The value a strategy sorts by in a column; the project's own strategy sorts first. */
export function strategySortValue(
  s: BackupStrategy,
  col: StrategySortColumn,
  instanceName: (id: string) => string | undefined,
): SortValue {
  switch (col) {
    case 'target':
      return s.instance_id ? `1 ${strategyTarget(s, instanceName)}` : '0'
    case 'container':
      return s.swift_container
    case 'backend':
      return s.backend
  }
}

/** A Swift container name the cloud accepts. */
export const containerNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a container name.')
  .regex(/^[A-Za-z0-9_@%+=:,./-]+$/, 'Letters, digits and _ @ % + = : , . / - only.')
