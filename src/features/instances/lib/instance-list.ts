import type { Flavor } from '@/api/flavors/schemas'
import type { Instance } from '@/api/instances/schemas'
import { parseTroveTime } from '@/api/instances/status'
import type { SortValue } from '@/components/data-table/columns'
import { filterRows, sortRows, type SortDir } from '@/components/data-table/sort-filter'

export const SORT_COLUMNS = [
  'name',
  'status',
  'datastore',
  'flavor',
  'volume',
  'used',
  'addresses',
  'role',
  'region',
  'created',
] as const
export type SortColumn = (typeof SORT_COLUMNS)[number]
export type { SortDir }

export interface InstanceFilter {
  /** Free text: name, id, datastore, version, flavor, address, hostname. */
  q: string
  /** A public status, or '' for all. */
  status: string
  /** A datastore type, or '' for all. */
  datastore: string
}

export type FlavorLookup = (id: string | number) => Flavor | undefined

export function flavorLookup(flavors: readonly Flavor[] | undefined): FlavorLookup {
  const byId = new Map<string, Flavor>()
  for (const f of flavors ?? []) {
    byId.set(String(f.id), f)
    if (f.str_id) byId.set(f.str_id, f)
  }
  return (id) => byId.get(String(id))
}

/**
 * Everything the free-text filter searches in, per instance: the non-empty parts, one a line,
 * lowercased. Built by concatenation (no arrays per row: it runs for every row of a long list).
 */
export function haystack(i: Instance, flavorName: string | undefined): string {
  const ds = i.datastore
  let t = i.name
  const add = (part: string | undefined) => {
    if (part) t = t ? `${t}\n${part}` : part
  }
  add(i.id)
  add(ds.type)
  add(ds.version)
  add(`${ds.type} ${ds.version}`)
  add(flavorName)
  add(i.hostname)
  if (i.ip) for (const ip of i.ip) add(ip)
  if (i.addresses) for (const a of i.addresses) add(a.address)
  return t.toLowerCase()
}

/** The lowercase text the free-text filter searches in, per row. */
export type FilterText = (i: Instance) => string

/**
 * filterText that remembers each row's text: rows keep their identity across refetches (Query's
 * structural sharing), so a keystroke only compares strings. One per flavor lookup.
 */
export function cachedFilterText(flavor: FlavorLookup): FilterText {
  const cache = new WeakMap<Instance, string>()
  return (i) => {
    let text = cache.get(i)
    if (text === undefined) {
      text = haystack(i, flavor(i.flavor.id)?.name)
      cache.set(i, text)
    }
    return text
  }
}

/**
 * The rows that match every part of the filter (text: all words, any field), in their order: a
 * sorted list stays sorted, so the list is sorted once, not on every keystroke.
 */
export function filterInstances(
  instances: readonly Instance[],
  filter: InstanceFilter,
  flavor: FlavorLookup = () => undefined,
  text: FilterText = (i) => haystack(i, flavor(i.flavor.id)?.name),
): Instance[] {
  const picked =
    filter.status || filter.datastore
      ? instances.filter(
          (i) =>
            (!filter.status || i.status === filter.status) &&
            (!filter.datastore || i.datastore.type === filter.datastore),
        )
      : instances
  return filterRows(picked, filter.q, text)
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/** The value an instance sorts by in a column (the table's column accessor). */
export function sortKey(i: Instance, col: SortColumn, flavor: FlavorLookup): SortValue {
  switch (col) {
    case 'name':
      return i.name
    case 'status':
      return `${i.status} ${i.operating_status ?? ''}`
    case 'datastore':
      return `${i.datastore.type} ${i.datastore.version}`
    case 'flavor': {
      const f = flavor(i.flavor.id)
      return f ? f.ram * 1000 + (f.vcpus ?? 0) : undefined
    }
    case 'volume':
      return i.volume?.size
    case 'used':
      return volumeUsedPercent(i)
    case 'addresses':
      return instanceAddresses(i)[0]
    case 'role':
      return replicationRole(i)
    case 'region':
      return i.region
    case 'created':
      return parseTroveTime(i.created)
  }
}

/** The instance's addresses, unique, in the cloud's order (`addresses`, then the older `ip`). */
export function instanceAddresses(i: Instance): string[] {
  return [...new Set([...(i.addresses ?? []).map((a) => a.address), ...(i.ip ?? [])])]
}

export type ReplicationRole = 'source' | 'replica' | 'standalone'

/** Its role in replication: a replica (has `replica_of`), a source (has replicas), or neither. */
export function replicationRole(i: Instance): ReplicationRole {
  if (i.replica_of) return 'replica'
  if (i.replicas && i.replicas.length > 0) return 'source'
  return 'standalone'
}

/**
 * How full the volume is, 0..100 (rounded), when the cloud said: a list read lacks `used`, a
 * detail read has it (the list keeps it once read).
 */
export function volumeUsedPercent(i: Instance): number | undefined {
  const v = i.volume
  if (!v || v.used === undefined || !(v.size > 0)) return undefined
  return Math.min(100, Math.max(0, Math.round((v.used / v.size) * 100)))
}

/** Ties: by name, then id, so the order is stable while rows poll. */
export function byNameThenId(a: Instance, b: Instance): number {
  return collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/**
 * A sorted copy. Missing values go last in both directions; ties are broken by name, then id,
 * so the order is stable while rows poll.
 */
export function sortInstances(
  instances: readonly Instance[],
  col: SortColumn,
  dir: SortDir,
  flavor: FlavorLookup = () => undefined,
): Instance[] {
  return sortRows(instances, (i) => sortKey(i, col, flavor), dir, byNameThenId)
}

/** Distinct values present in the list, for the filter selects. */
export function distinctValues(
  instances: readonly Instance[],
  pick: (i: Instance) => string,
): string[] {
  return [...new Set(instances.map(pick))].sort(collator.compare)
}
