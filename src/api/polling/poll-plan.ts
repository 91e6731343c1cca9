import { backoffMs, POLL_MAX_MS } from '../instances/status'

/**
 * What to read next, and when: the pure half of the resource poller (`resource-poller.ts`). The
 * poller follows each moving resource by itself (`GET /instances/{id}`), at the backoff of its own
 * transition, and re-reads whole lists only as a slow backstop.
 */

/** What the poller knows of one resource that is moving. */
export interface PollEntry {
  /** The transitional state it was last seen in; a new state restarts the backoff. */
  state: string
  /** When this tab first saw it in that state (client clock, so cloud clock skew cannot matter). */
  since: number
  /** When it was last read, or written by an action the cloud accepted. */
  readAt: number
  /** Reads that failed in a row (the cloud unreachable): each doubles the wait, up to 15 s. */
  failures?: number
}

export type PollEntries = Readonly<Record<string, PollEntry>>

/** A resource as just read or written: `state` is its transitional state, null once settled. */
export interface Sighting {
  id: string
  state: string | null
}

/** How often whole lists are re-read while someone shows them (and how fresh they count). */
export const LIST_BACKSTOP_MS = 60_000
/** Reads per poll round at most (the most overdue first); the rest wait for the next round. */
export const MAX_READS_PER_ROUND = 10
/** A read this close to its due time counts as due (timers fire a little early or late). */
export const DUE_TOLERANCE_MS = 15

export const NO_ENTRIES: PollEntries = Object.freeze({})

/**
 * Records sightings made at `at`: a moving resource is (still) followed, its clock restarting when
 * its state changed; a settled one is dropped. Returns `entries` itself when nothing changed.
 */
export function recordSightings(
  entries: PollEntries,
  sightings: readonly Sighting[],
  at: number,
): PollEntries {
  let next: Record<string, PollEntry> | undefined
  const write = () => (next ??= { ...entries })
  for (const { id, state } of sightings) {
    const seen = entries[id]
    if (state === null) {
      if (seen) delete write()[id]
      continue
    }
    const since = seen && seen.state === state ? seen.since : at
    if (seen && seen.state === state && seen.readAt >= at && !seen.failures) continue
    write()[id] = { state, since, readAt: Math.max(at, seen?.readAt ?? at) }
  }
  return next ?? entries
}

/** Records reads of `ids` that failed at `at`: each waits twice as long as before to try again. */
export function recordFailures(
  entries: PollEntries,
  ids: readonly string[],
  at: number,
): PollEntries {
  let next: Record<string, PollEntry> | undefined
  for (const id of ids) {
    const seen = entries[id]
    if (!seen) continue
    next ??= { ...entries }
    next[id] = { ...seen, readAt: Math.max(at, seen.readAt), failures: (seen.failures ?? 0) + 1 }
  }
  return next ?? entries
}

/** Stops following `ids` (gone, or no longer cached anywhere). Same object when none was followed. */
export function forgetIds(entries: PollEntries, ids: Iterable<string>): PollEntries {
  let next: Record<string, PollEntry> | undefined
  for (const id of ids) {
    if (!(id in entries)) continue
    next ??= { ...entries }
    delete next[id]
  }
  return next ?? entries
}

/** Time between two reads of a resource: the backoff of how long its transition had lasted. */
export function readIntervalMs(entry: PollEntry, base: number): number {
  const normal = backoffMs(entry.readAt - entry.since, base)
  if (!entry.failures) return normal
  return Math.max(normal, Math.min(POLL_MAX_MS, base * 2 ** entry.failures))
}

export function nextReadAt(entry: PollEntry, base: number): number {
  return entry.readAt + readIntervalMs(entry, base)
}

export interface PlanOptions {
  /** Whether anyone shows the resource (a list, a detail page, a task): others are not read. */
  shown?: (id: string) => boolean
  max?: number
}

/** The resources to read in this round: due and shown, the most overdue first, at most `max`. */
export function dueIds(
  entries: PollEntries,
  now: number,
  base: number,
  opts: PlanOptions = {},
): string[] {
  const shown = opts.shown ?? (() => true)
  return Object.entries(entries)
    .map(([id, e]) => ({ id, at: nextReadAt(e, base) }))
    .filter((x) => x.at - DUE_TOLERANCE_MS <= now && shown(x.id))
    .sort((a, b) => a.at - b.at)
    .slice(0, opts.max ?? MAX_READS_PER_ROUND)
    .map((x) => x.id)
}

/**
 * When the next round should run (ms from `now`), or false when nothing moves. Shown resources
 * decide; resources nobody shows are not read, but are looked at again every `base` ms (a page
 * showing them may open). Never less than `minMs`, so an overdue read cannot spin.
 */
export function nextRoundMs(
  entries: PollEntries,
  now: number,
  base: number,
  shown: (id: string) => boolean = () => true,
  minMs = Math.min(base, 100),
): number | false {
  let next: number | undefined
  for (const [id, e] of Object.entries(entries)) {
    const wait = shown(id) ? nextReadAt(e, base) - now : base
    if (next === undefined || wait < next) next = wait
  }
  if (next === undefined) return false
  return Math.max(minMs, Math.round(next))
}
