import type { LogEntry } from '@/api/dbaas/schemas'

/** Pure helpers of the logs viewer: order, highlighting, export. (The server filters.) */

/**
 * The lines as shown: `fresh` (the live tail, oldest first) and `pages` (newest first, as read),
 * newest first, or reversed for oldest first.
 */
export function arrangeLines(
  fresh: readonly LogEntry[],
  pages: readonly LogEntry[],
  order: 'desc' | 'asc',
): LogEntry[] {
  const newestFirst = [...[...fresh].reverse(), ...pages]
  return order === 'asc' ? newestFirst.reverse() : newestFirst
}

/** Splits text around case-insensitive matches: odd indexes are the matches. */
export function highlightParts(text: string, filter: string): string[] {
  if (!filter) return [text]
  const parts: string[] = []
  const lower = text.toLowerCase()
  const f = filter.toLowerCase()
  let at = 0
  for (let i = lower.indexOf(f); i !== -1; i = lower.indexOf(f, at)) {
    parts.push(text.slice(at, i), text.slice(i, i + f.length))
    at = i + f.length
  }
  parts.push(text.slice(at))
  return parts
}

export function asText(entries: readonly LogEntry[]): string {
  return entries.map((e) => `${e.time} ${e.node ?? '-'} ${e.unit ?? '-'} ${e.message}`).join('\n')
}
