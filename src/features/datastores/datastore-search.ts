import { z } from 'zod'
import type { Datastore } from '@/api/datastores/schemas'
import type { Parameter } from '@/api/parameters/schemas'

/** `?q=` filter kept in the URL (shareable); empty = everything. */
export const filterSearchSchema = z.object({ q: z.string().catch('').default('') })
export const filterSearchDefaults = { q: '' }

const norm = (s: string) => s.trim().toLowerCase()

/** Datastores whose name, or one of whose version names, contains the filter. */
export function filterDatastores(list: readonly Datastore[], q: string): Datastore[] {
  const f = norm(q)
  if (!f) return [...list]
  return list.filter(
    (d) =>
      d.name.toLowerCase().includes(f) || d.versions.some((v) => v.name.toLowerCase().includes(f)),
  )
}

/** The version named (or with id) `ref` of a datastore named (or with id) `ds`. */
export function findDatastoreVersion(list: readonly Datastore[], ds: string, ref: string) {
  const datastore = list.find((d) => d.name === ds || d.id === ds)
  const version = datastore?.versions.find((v) => v.name === ref || v.id === ref)
  return { datastore, version }
}

/** Parameters whose name or type contains the filter, sorted by name. */
export function filterParameters(list: readonly Parameter[], q: string): Parameter[] {
  const f = norm(q)
  return list
    .filter((p) => !f || p.name.toLowerCase().includes(f) || p.type.toLowerCase().includes(f))
    .sort((a, b) => a.name.localeCompare(b.name))
}
