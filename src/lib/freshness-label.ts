import { formatTimeOfDay } from './format'
import { formatReadAgo } from './read-ago'

/** What a freshness label (a list's beside Refresh, an instance page's) knows. */
export interface FreshnessState {
  /** Being read in full now (first read, Refresh). */
  reading: boolean
  /** The change feed answered its last request and holds every row of the kind. */
  live: boolean
  /** When the feed last brought a change of the kind (ms since the epoch). */
  changedAt: number | undefined
  /** The last read (`dataUpdatedAt`; 0: never). */
  readAt: number
  /** A resource in transition, which the console follows (its own reads while not live). */
  following?: boolean
}

/**
 * How current what is shown is. While the change feed keeps it current it is "Live" (with the
 * time of the last change heard since the read): the time of the last read says nothing then,
 * and "Read 3 min ago" reads as stale. Only while the feed is not live (it cannot be read:
 * outage, offline, an older server) does it say how old the read is.
 */
export function freshnessLabel(
  s: FreshnessState,
  now: number,
  timeZone?: string,
): { live: boolean; text: string } {
  if (s.reading) return { live: false, text: 'Reading…' }
  if (s.live && s.readAt > 0) {
    const heard = s.changedAt !== undefined && s.changedAt > s.readAt ? s.changedAt : undefined
    return {
      live: true,
      text:
        heard === undefined ? 'Live' : `Live · last change ${formatTimeOfDay(heard, { timeZone })}`,
    }
  }
  const readAgo = formatReadAgo(s.readAt, now)
  return {
    live: false,
    text: s.following ? `Following changes · ${readAgo.toLowerCase()}` : readAgo,
  }
}
