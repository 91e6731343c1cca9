import { randomBytes } from 'node:crypto'
import type { FeedKind } from '../../src/api/feed/schemas'

/** A row as the cloud answered it (`GET /instances/{id}`, a list row): JSON with an id. */
export type FeedRow = { id: string } & Record<string, unknown>

interface Entry {
  row: FeedRow
  /** Its JSON text: a read that answers the same text is no change. */
  text: string
  /** Sequence of its last change (0: part of the first walk). */
  v: number
  /** Sequence at which it appeared (0: part of the first walk). */
  born: number
  /**
   * Its snapshot bytes (UTF-8 JSON without `links`), made when the row is stored: a snapshot is
   * then only a concatenation (at 20,000 rows, making them all on the first snapshot took 0.6 s).
   */
  compact: Buffer
  /** The snapshot block it is listed in. */
  block: Block
}

/**
 * Up to `SNAPSHOT_BLOCK_ROWS` rows of a kind, in the order they came: the snapshot is the blocks'
 * bytes in order, and a change makes only its block's bytes again (and `feed-snapshot.ts`
 * compresses only that block again).
 */
interface Block {
  ids: Set<string>
  /** Rows ever placed in it (a block whose rows were deleted is not refilled). */
  placed: number
  /** Its rows' bytes joined with commas; made again after a change of one of them. */
  bytes?: Buffer
}

/** Rows per snapshot block (about 128 KB of JSON for instances). */
export const SNAPSHOT_BLOCK_ROWS = 256

const COMMA = Buffer.from(',')

function entry(row: FeedRow, text: string, v: number, born: number, block: Block): Entry {
  return { row, text, v, born, compact: Buffer.from(compactRowText(row)), block }
}

/** A row as a snapshot carries it: without its `links` (nor its flavor's), which no list shows. */
export function compactRowText(row: FeedRow): string {
  return JSON.stringify(row, (key, value: unknown) => (key === 'links' ? undefined : value))
}

export interface KindDelta {
  created: FeedRow[]
  changed: FeedRow[]
  deleted: string[]
}

export type Delta = Partial<Record<FeedKind, KindDelta>>

/** How many changes a watcher remembers; a cursor older than that gets a reset. */
export const FEED_LOG_MAX = 20_000

/**
 * What one watcher holds: every row of each kind it has walked, and a log of which rows changed
 * at which sequence number, so a reader with a cursor gets only what changed since. Pure data;
 * the watcher decides what to read.
 */
export class FeedLog {
  /** Changes when the watcher starts: cursors of an earlier watcher are unknown. */
  readonly epoch = randomBytes(6).toString('base64url')
  private seq = 0
  private readonly rows: Record<FeedKind, Map<string, Entry>> = {
    instances: new Map(),
    backups: new Map(),
  }
  private readonly warmKinds = new Set<FeedKind>()
  private readonly blocks: Record<FeedKind, Block[]> = { instances: [], backups: [] }
  /** (sequence, kind, id) in sequence order; pruned from the front. */
  private log: { v: number; kind: FeedKind; id: string }[] = []
  /** Cursors below this cannot be answered with a delta (their changes were pruned). */
  private floor = 0
  private readonly listeners = new Set<() => void>()
  /** The last snapshot's parts, valid while nothing changed (several viewers, reloads). */
  private snapshotCache: { key: string; parts: readonly Buffer[] } | undefined

  constructor(private readonly maxLog = FEED_LOG_MAX) {}

  get cursor(): string {
    return `${this.epoch}.${this.seq}`
  }

  get sequence(): number {
    return this.seq
  }

  warm(): FeedKind[] {
    return [...this.warmKinds]
  }

  isWarm(kind: FeedKind): boolean {
    return this.warmKinds.has(kind)
  }

  get(kind: FeedKind, id: string): FeedRow | undefined {
    return this.rows[kind].get(id)?.row
  }

  ids(kind: FeedKind): string[] {
    return [...this.rows[kind].keys()]
  }

  size(kind: FeedKind): number {
    return this.rows[kind].size
  }

  /** Resolves on the next change (a long poll waits on it). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * A full walk of a kind. The first one is the baseline (no changes logged: readers that came
   * before it read the list themselves); later ones log what differs, and rows missing from the
   * walk are deleted.
   */
  replaceAll(kind: FeedKind, rows: readonly FeedRow[]): void {
    if (!this.warmKinds.has(kind)) {
      const map = this.rows[kind]
      // Rows read one by one before the first walk ended stay as they were read (newer).
      const fresh = new Map<string, Entry>()
      const placeholder: Block = { ids: new Set(), placed: 0 }
      for (const row of rows) fresh.set(row.id, entry(row, JSON.stringify(row), 0, 0, placeholder))
      for (const [id, e] of map) fresh.set(id, e)
      this.rows[kind] = fresh
      this.blocks[kind] = []
      for (const [id, e] of fresh) e.block = this.place(kind, id)
      this.warmKinds.add(kind)
      this.notify()
      return
    }
    const seen = new Set<string>()
    for (const row of rows) {
      seen.add(row.id)
      this.upsert(kind, row, false)
    }
    for (const id of [...this.rows[kind].keys()]) if (!seen.has(id)) this.remove(kind, id, false)
    this.notify()
  }

  /** A fresh read of one row; returns whether it changed anything. */
  upsert(kind: FeedKind, row: FeedRow, notify = true): boolean {
    const map = this.rows[kind]
    const text = JSON.stringify(row)
    const old = map.get(row.id)
    if (old?.text === text) return false
    const v = this.bump(kind, row.id)
    const block = old ? old.block : this.place(kind, row.id)
    block.bytes = undefined
    map.set(row.id, entry(row, text, v, old ? old.born : v, block))
    if (notify) this.notify()
    return true
  }

  /** The row is gone (404, or missing from a walk). */
  remove(kind: FeedKind, id: string, notify = true): boolean {
    const map = this.rows[kind]
    const old = map.get(id)
    if (!old) return false
    map.delete(id)
    old.block.ids.delete(id)
    old.block.bytes = undefined
    if (old.block.ids.size === 0 && old.block.placed >= SNAPSHOT_BLOCK_ROWS) {
      this.blocks[kind] = this.blocks[kind].filter((b) => b !== old.block)
    }
    this.bump(kind, id)
    if (notify) this.notify()
    return true
  }

  /** Whether `cursor` can be answered with a delta: same epoch, not pruned, not ahead. */
  knows(cursor: string | undefined): cursor is string {
    if (cursor === undefined) return false
    const dot = cursor.lastIndexOf('.')
    if (cursor.slice(0, dot) !== this.epoch) return false
    const at = Number(cursor.slice(dot + 1))
    return Number.isInteger(at) && at >= this.floor && at <= this.seq
  }

  /** What changed after the cursor's sequence, per kind (kinds without changes are left out). */
  delta(cursor: string, kinds: readonly FeedKind[]): Delta {
    const since = Number(cursor.slice(cursor.lastIndexOf('.') + 1))
    const out: Delta = {}
    if (since >= this.seq) return out
    // The log is in sequence order: the changes after `since` are its tail.
    let lo = 0
    let hi = this.log.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((this.log[mid]?.v ?? 0) <= since) lo = mid + 1
      else hi = mid
    }
    const touched: Record<FeedKind, Set<string>> = { instances: new Set(), backups: new Set() }
    for (let i = lo; i < this.log.length; i++) {
      const c = this.log[i]
      if (c && kinds.includes(c.kind)) touched[c.kind].add(c.id)
    }
    for (const kind of kinds) {
      if (touched[kind].size === 0) continue
      const d: KindDelta = { created: [], changed: [], deleted: [] }
      for (const id of touched[kind]) {
        const e = this.rows[kind].get(id)
        if (!e) d.deleted.push(id)
        else if (e.born > since) d.created.push(e.row)
        else d.changed.push(e.row)
      }
      out[kind] = d
    }
    return out
  }

  /**
   * The snapshot of `kinds` as the feed's JSON answer (`head` first: cursor, reset, warm), UTF-8,
   * in parts whose concatenation is the answer: the head, glue, and each block's rows (stored
   * bytes without `links`, joined). A row is serialised when it changes, a block joined again when
   * one of its rows changed, and the same array (the same Buffers) is returned until the next
   * change, so the next viewer's snapshot costs nothing and a change costs one block.
   */
  snapshotParts(kinds: readonly FeedKind[], head: Record<string, unknown>): readonly Buffer[] {
    const headText = JSON.stringify(head)
    const key = `${headText}|${kinds.join(',')}`
    if (this.snapshotCache?.key === key) return this.snapshotCache.parts
    // `{…head` without its closing brace, then `,"kind":{"created":[…]}` per warm kind, then `}`.
    const parts: Buffer[] = [Buffer.from(headText.slice(0, -1))]
    for (const kind of kinds) {
      if (!this.warmKinds.has(kind)) continue
      parts.push(Buffer.from(`,${JSON.stringify(kind)}:{"created":[`))
      let first = true
      for (const block of this.blocks[kind]) {
        if (block.ids.size === 0) continue
        if (!first) parts.push(COMMA)
        first = false
        parts.push(this.blockBytes(kind, block))
      }
      parts.push(Buffer.from(']}'))
    }
    parts.push(Buffer.from('}'))
    this.snapshotCache = { key, parts }
    return parts
  }

  /** The snapshot as one Buffer (`snapshotParts` joined). */
  snapshotBytes(kinds: readonly FeedKind[], head: Record<string, unknown>): Buffer {
    return Buffer.concat(this.snapshotParts(kinds, head))
  }

  /** The snapshot as text. */
  snapshotJson(kinds: readonly FeedKind[], head: Record<string, unknown>): string {
    return this.snapshotBytes(kinds, head).toString('utf8')
  }

  private blockBytes(kind: FeedKind, block: Block): Buffer {
    if (block.bytes) return block.bytes
    const rows: Buffer[] = []
    for (const id of block.ids) {
      const e = this.rows[kind].get(id)
      if (!e) continue
      if (rows.length) rows.push(COMMA)
      rows.push(e.compact)
    }
    return (block.bytes = Buffer.concat(rows))
  }

  /** The block a new row is listed in: the last one, or a new one when it is full. */
  private place(kind: FeedKind, id: string): Block {
    const list = this.blocks[kind]
    let last = list[list.length - 1]
    if (!last || last.placed >= SNAPSHOT_BLOCK_ROWS) {
      last = { ids: new Set(), placed: 0 }
      list.push(last)
    }
    last.ids.add(id)
    last.placed++
    last.bytes = undefined
    return last
  }

  private bump(kind: FeedKind, id: string): number {
    const v = ++this.seq
    this.log.push({ v, kind, id })
    if (this.log.length > this.maxLog) {
      const drop = this.log.length - Math.floor(this.maxLog / 2)
      this.floor = this.log[drop - 1]?.v ?? this.floor
      this.log = this.log.slice(drop)
    }
    return v
  }

  private notify(): void {
    for (const l of [...this.listeners]) l()
  }
}
