import * as z from 'zod/mini'
import '../common/zod-messages'
import type { Link } from '../common/schemas'
import {
  instanceAccessSchema,
  instanceAddressSchema,
  instanceFaultSchema,
  instanceVolumeSchema,
  type Instance,
} from './schemas'

/**
 * The rows of a whole-list read (the change feed's snapshot: 20,000 rows in one answer), parsed
 * for less than the full `instanceSchema` costs without zod's JIT (the console's CSP forbids it):
 * - every field of `Instance` is checked, except the `links` arrays, which are only checked to be
 *   arrays (the console follows no instance link; their objects were a quarter of the parse);
 * - objects are loose, so fields the console does not know pass through;
 * - a row is parsed once per content: `createInstanceRowParser` keeps the rows it parsed by id,
 *   and a row that is deep-equal to the one parsed before is that row again (same object, so the
 *   table's memoized rows and filter texts stay), so a re-read parses only the changed rows.
 */

const links = z.optional(
  z.custom<Link[]>((v) => Array.isArray(v), { error: 'expected an array of links' }),
)
const str = z.string()
const optStr = z.optional(z.string())

export const instanceListRowSchema = z.looseObject({
  id: str,
  name: str,
  status: str,
  operating_status: optStr,
  links,
  flavor: z.looseObject({ id: z.union([z.string(), z.number()]), links }),
  datastore: z.looseObject({ type: str, version: str, version_number: optStr }),
  region: optStr,
  // The parts without links are the full schema's own.
  access: z.optional(instanceAccessSchema),
  volume: z.optional(instanceVolumeSchema),
  ip: z.optional(z.array(z.string())),
  addresses: z.optional(z.array(instanceAddressSchema)),
  hostname: optStr,
  fault: z.optional(instanceFaultSchema),
  configuration: z.optional(z.looseObject({ id: str, name: optStr, links })),
  replica_of: z.optional(z.looseObject({ id: str, links })),
  replicas: z.optional(z.array(z.looseObject({ id: str }))),
  locality: optStr,
  created: optStr,
  updated: optStr,
  service_status_updated: optStr,
  tenant_id: optStr,
})

// A list row is an Instance: the schemas must not drift apart.
type ListRow = z.infer<typeof instanceListRowSchema>
const rowIsInstance = (r: ListRow): Instance => r
void rowIsInstance

/**
 * The feed's snapshot of the instances (`?snapshot=1&kinds=instances`) with its rows still
 * unparsed: they go through `createInstanceRowParser` one by one.
 */
export const instanceSnapshotSchema = z.looseObject({
  cursor: z.string(),
  reset: z.optional(z.literal(true)),
  warm: z.array(z.string()),
  instances: z.optional(z.looseObject({ created: z.optional(z.array(z.unknown())) })),
})

/** A row that does not match: where (`instances.created.12.name`) and what is wrong. */
export class ListRowError extends Error {
  constructor(
    readonly path: string,
    readonly issue: string,
  ) {
    super(`${path}: ${issue}`)
    this.name = 'ListRowError'
  }
}

/** Whether two JSON values are equal (objects by their own keys, arrays by order). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false
    return true
  }
  if (Array.isArray(b)) return false
  const ao = a as Record<string, unknown>
  const bo = b as Record<string, unknown>
  let n = 0
  for (const k in ao) {
    if (!Object.hasOwn(bo, k) || !jsonEqual(ao[k], bo[k])) return false
    n++
  }
  for (const _ in bo) n--
  return n === 0
}

export interface InstanceRowParser {
  /**
   * The rows of one whole-list read, parsed (throws `ListRowError` naming the first bad row's
   * field); rows equal to the ones parsed before come back as those same objects.
   */
  parse(raw: readonly unknown[], path: string): Instance[]
  /** Rows parsed by the last call (for tests and benches). */
  readonly parsedLast: number
}

export function createInstanceRowParser(): InstanceRowParser {
  let known = new Map<string, Instance>()
  let parsedLast = 0
  return {
    parse(raw, path) {
      const next = new Map<string, Instance>()
      const out: Instance[] = new Array<Instance>(raw.length)
      let parsed = 0
      for (let i = 0; i < raw.length; i++) {
        const r = raw[i]
        const id = typeof r === 'object' && r !== null ? (r as { id?: unknown }).id : undefined
        const before = typeof id === 'string' ? known.get(id) : undefined
        let row: Instance
        if (before !== undefined && jsonEqual(r, before)) row = before
        else {
          const res = instanceListRowSchema.safeParse(r)
          if (!res.success) {
            const issue = res.error.issues[0]
            const where = [path, String(i), ...(issue?.path ?? []).map(String)].join('.')
            throw new ListRowError(where, issue?.message ?? 'invalid')
          }
          row = res.data
          parsed++
        }
        out[i] = row
        next.set(row.id, row)
      }
      known = next
      parsedLast = parsed
      return out
    },
    get parsedLast() {
      return parsedLast
    },
  }
}
