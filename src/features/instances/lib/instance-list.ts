import type { Flavor } from '@/api/flavors/schemas'
import type { Instance } from '@/api/instances/schemas'
import { parseTroveTime } from '@/api/instances/status'

export const SORT_COLUMNS = [
  'name',
  'status',
  'datastore',
  'flavor',
  'volume',
  'region',
  'created',
] as const
export type SortColumn = (typeof SORT_COLUMNS)[number]
export type SortDir = 'asc' | 'desc'

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

function haystack(i: Instance, flavorName: string | undefined): string {
  return [
    i.name,
    i.id,
    i.datastore.type,
    i.datastore.version,
    `${i.datastore.type} ${i.datastore.version}`,
    flavorName,
    i.hostname,
    ...(i.ip ?? []),
    ...(i.addresses ?? []).map((a) => a.address),
  ]
    .filter(Boolean)
    .join('\n')
    .toLowerCase()
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
  const words = filter.q.trim().toLowerCase().split(/\s+/).filter(Boolean)
  if (!filter.status && !filter.datastore && words.length === 0) return [...instances]
  return instances.filter((i) => {
    if (filter.status && i.status !== filter.status) return false
    if (filter.datastore && i.datastore.type !== filter.datastore) return false
    if (words.length === 0) return true
    const t = text(i)
    return words.every((w) => t.includes(w))
  })
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

type Key = string | number | undefined

function sortKey(i: Instance, col: SortColumn, flavor: FlavorLookup): Key {
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
    case 'region':
      return i.region
    case 'created':
      return parseTroveTime(i.created)
  }
}

function compareKeys(a: Key, b: Key): number {
  if (a === undefined && b === undefined) return 0
  if (a === undefined) return 1
  if (b === undefined) return -1
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return collator.compare(String(a), String(b))
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
  const sign = dir === 'asc' ? 1 : -1
  const keyed = instances.map((i) => ({ i, k: sortKey(i, col, flavor) }))
  keyed.sort((a, b) => {
    const missing = (a.k === undefined ? 1 : 0) - (b.k === undefined ? 1 : 0)
    if (missing !== 0) return missing
    const c = compareKeys(a.k, b.k) * sign
    if (c !== 0) return c
    return collator.compare(a.i.name, b.i.name) || (a.i.id < b.i.id ? -1 : a.i.id > b.i.id ? 1 : 0)
  })
  return keyed.map((x) => x.i)
}

/** Distinct values present in the list, for the filter selects. */
export function distinctValues(
  instances: readonly Instance[],
  pick: (i: Instance) => string,
): string[] {
  return [...new Set(instances.map(pick))].sort(collator.compare)
}
