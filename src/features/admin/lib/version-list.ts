import { hasBounds } from '@/api/rules/parameter-bounds'
import type { MgmtParameter, MgmtVersion } from '@/api/mgmt/schemas'
import type { SortValue } from '@/components/data-table/columns'
import type { VersionSort, ParameterSort } from './version-search'

/** The image a version boots: its id, or its tags as `tag:x`. */
export function imageText(v: MgmtVersion): string {
  return (
    v.image ||
    v.image_tags
      .filter(Boolean)
      .map((t) => `tag:${t}`)
      .join(', ')
  )
}

/** "Active", "Inactive", with ", default" for the default version. */
export function stateText(v: MgmtVersion): string {
  return `${v.active ? 'Active' : 'Inactive'}${v.default ? ', default' : ''}`
}

export function versionSortValue(v: MgmtVersion, col: VersionSort): SortValue {
  switch (col) {
    case 'datastore':
      return v.datastore_name
    case 'name':
      return v.name
    case 'version':
      return v.version
    case 'manager':
      return v.datastore_manager
    case 'image':
      return imageText(v) || undefined
    case 'state':
      // Default first, then active, then inactive.
      return v.default ? 0 : v.active ? 1 : 2
  }
}

/** Ties: datastore, then version name. */
export function datastoreThenName(a: MgmtVersion, b: MgmtVersion): number {
  return a.datastore_name.localeCompare(b.datastore_name) || a.name.localeCompare(b.name)
}

/**
 * A bound as the cloud means it, as exact decimal text: Trove omits a 0 minimum, and an omitted
 * maximum is "no maximum" (`undefined`); a string or boolean parameter has neither.
 */
export function parameterBound(p: MgmtParameter, which: 'min' | 'max'): string | undefined {
  if (!hasBounds(p.type)) return undefined
  const raw = which === 'min' ? p.min_size : p.max_size
  if (raw === undefined) return which === 'min' ? '0' : undefined
  return String(raw)
}

/** The bound's text as a table shows it. */
export function boundLabel(p: MgmtParameter, which: 'min' | 'max'): string {
  const b = parameterBound(p, which)
  if (b !== undefined) return b
  return which === 'max' && hasBounds(p.type) ? 'No maximum' : '—'
}

export function parameterSortValue(p: MgmtParameter, col: ParameterSort): SortValue {
  switch (col) {
    case 'name':
      return p.name
    case 'type':
      return p.type
    case 'min':
      return boundSortValue(parameterBound(p, 'min'))
    case 'max':
      // No maximum sorts above every number.
      return boundSortValue(
        parameterBound(p, 'max') ?? (hasBounds(p.type) ? 'Infinity' : undefined),
      )
    case 'restart':
      return p.restart_required ? 'Yes' : 'No'
  }
}

/** For ordering only (never written back): the bound as a number. */
function boundSortValue(text: string | undefined): number | undefined {
  return text === undefined ? undefined : Number(text)
}
