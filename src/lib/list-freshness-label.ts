import { formatTimeOfDay } from './format'
import { formatReadAgo } from './read-ago'

/** What a list's freshness label knows. */
export interface ListFreshnessState {
  /** The list is being read in full now (first read, Refresh). */
  reading: boolean
  /** The change feed answered its last request and holds every row of the list's kind. */
  live: boolean
  /** When the feed last brought a change of the list's kind (ms since the epoch). */
  changedAt: number | undefined
  /** The list's last full read (`dataUpdatedAt`; 0: never). */
  readAt: number
}

/**
 * The label beside a list's Refresh button. While the change feed keeps the list current it is
 * "Live" (with the time of the last change heard since the list was read): the time of the last
 * full read says nothing then, and "Read 3 min ago" reads as stale. Only while the feed is not
 * live (it cannot be read: outage, offline, an older server) does it say how old the read is.
 */
export function listFreshnessLabel(
  s: ListFreshnessState,
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
  return { live: false, text: formatReadAgo(s.readAt, now) }
}
