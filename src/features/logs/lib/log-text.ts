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

export function asText(entries: readonly LogEntry[]): string {
  return entries.map((e) => `${e.time} ${e.node ?? '-'} ${e.unit ?? '-'} ${e.message}`).join('\n')
}
