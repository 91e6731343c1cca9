import type { Db } from '../store/db'

/**
 * Every row of every table of the cloud's SQLite store, to prove that a refused request wrote
 * nothing (compare two snapshots); and a savepoint that undoes a request that succeeded, so that
 * each fuzzed request meets the same state.
 */
export interface DbSnapshot {
  /** table -> the rows serialized and sorted (for comparing, independent of row order). */
  canonical: Map<string, string[]>
  /** `SELECT total_changes()` when taken: the same later means no row was inserted, updated or deleted. */
  changes: number
}

const serialize = (row: Record<string, unknown>): string =>
  JSON.stringify(row, (_k, v: unknown) => {
    if (typeof v === 'bigint') return `bigint:${v.toString()}`
    if (v instanceof Uint8Array) return `blob:${Buffer.from(v).toString('base64')}`
    return v
  })

/** The tables of the store (SQLite's own bookkeeping tables included: sqlite_sequence). */
export function tableNames(db: Db): string[] {
  const rows = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table'
         AND name NOT IN ('sqlite_stat1', 'sqlite_stat4') ORDER BY name`,
    )
    .all() as { name: string }[]
  return rows.map((r) => r.name)
}

export function totalChanges(db: Db): number {
  return (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n
}

export function takeSnapshot(db: Db): DbSnapshot {
  const canonical = new Map<string, string[]>()
  for (const table of tableNames(db)) {
    const all = db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]
    canonical.set(table, all.map(serialize).sort())
  }
  return { canonical, changes: totalChanges(db) }
}

/** What differs between two snapshots, per table (empty when the data is the same). */
export function diffSnapshots(before: DbSnapshot, after: DbSnapshot, max = 3): string[] {
  const out: string[] = []
  const tables = new Set([...before.canonical.keys(), ...after.canonical.keys()])
  for (const table of [...tables].sort()) {
    const a = before.canonical.get(table) ?? []
    const b = after.canonical.get(table) ?? []
    if (a.length === b.length && a.every((r, i) => r === b[i])) continue
    const inA = new Set(a)
    const inB = new Set(b)
    const removed = a.filter((r) => !inB.has(r))
    const added = b.filter((r) => !inA.has(r))
    const cut = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}…` : s)
    out.push(
      `${table}: -${removed.length} +${added.length}` +
        removed
          .slice(0, max)
          .map((r) => `\n  - ${cut(r)}`)
          .join('') +
        added
          .slice(0, max)
          .map((r) => `\n  + ${cut(r)}`)
          .join(''),
    )
  }
  return out
}

/**
 * The current data compared with `before`: a cheap check first (no row changed since `mark`, a
 * total_changes() reading), else a full snapshot and comparison of every table.
 */
export function changesSince(db: Db, before: DbSnapshot, mark = before.changes): string[] {
  if (totalChanges(db) === mark) return []
  return diffSnapshots(before, takeSnapshot(db))
}

/**
 * Runs `fn` inside a savepoint, then rolls back whatever it wrote: the store is as before, for
 * the next request. (better-sqlite3 nests the handlers' own transactions as savepoints.)
 */
export async function rolledBack<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  db.exec('SAVEPOINT proof_probe')
  try {
    return await fn()
  } finally {
    db.exec('ROLLBACK TO proof_probe')
    db.exec('RELEASE proof_probe')
  }
}
