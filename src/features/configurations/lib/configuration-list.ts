import type { ConfigurationSummary, ConfigurationValues } from '@/api/configurations/schemas'
import type { SortValue } from '@/components/data-table/columns'
import { formatValue } from './parameters-to-specs'
import type { DiffRow } from './values-diff'
import type {
  ConfigurationSortColumn,
  ValueSortColumn,
  DiffSortColumn,
} from './configuration-search'

/** "mysql 5.7" (or "unknown" when the cloud does not say). */
export function datastoreLabel(g: {
  datastore_name?: string | null | undefined
  datastore_version_name?: string | null | undefined
}): string {
  return `${g.datastore_name ?? 'unknown'} ${g.datastore_version_name ?? ''}`.trim()
}

/** The value a group sorts by in a column; `attached` counts its instances (undefined: unknown). */
export function configurationSortValue(
  g: ConfigurationSummary,
  col: ConfigurationSortColumn,
  attached?: number,
): SortValue {
  switch (col) {
    case 'name':
      return g.name
    case 'datastore':
      return datastoreLabel(g)
    case 'description':
      return g.description ?? undefined
    case 'instances':
      return attached
    case 'updated':
      return g.updated ?? undefined
  }
}

/** What the filter box searches in a group: name, id, description, datastore. */
export function configurationFilterText(g: ConfigurationSummary): (string | undefined)[] {
  return [g.name, g.id, g.description ?? undefined, datastoreLabel(g)]
}

/** Why a group cannot be deleted now (Trove refuses while instances use it); undefined: it can. */
export function deleteBlockedReason(attached: number | undefined): string | undefined {
  if (!attached) return undefined
  return `Attached to ${attached} instance${attached === 1 ? '' : 's'}: detach it first.`
}

/** The distinct datastore names of the groups, sorted (the list's datastore select). */
export function groupDatastores(groups: readonly ConfigurationSummary[]): string[] {
  return [...new Set(groups.map((g) => g.datastore_name ?? 'unknown'))].sort()
}

/** One value a group sets, and whether changing it needs a restart. */
export interface ValueRow {
  name: string
  value: ConfigurationValues[string]
  restart: boolean
}

export function valueRows(values: ConfigurationValues, restartNames: ReadonlySet<string>) {
  return Object.keys(values)
    .sort()
    .map((name): ValueRow => ({
      name,
      value: values[name] ?? null,
      restart: restartNames.has(name),
    }))
}

export function valueSortValue(r: ValueRow, col: ValueSortColumn): SortValue {
  switch (col) {
    case 'name':
      return r.name
    case 'value':
      return typeof r.value === 'number' ? r.value : formatValue(r.value)
    case 'applies':
      return r.restart ? 'Restart required' : 'Live'
  }
}

export function diffSortValue(r: DiffRow, col: DiffSortColumn): SortValue {
  switch (col) {
    case 'name':
      return r.name
    case 'default':
      return r.defaultValue === undefined ? undefined : formatValue(r.defaultValue)
    case 'value':
      return formatValue(r.value)
    case 'state':
      return r.state
  }
}
