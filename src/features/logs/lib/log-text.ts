import type { LogEntry } from '@/api/dbaas/schemas'

/** Pure helpers of the logs viewer: filtering, highlighting, export. */

export function matches(entry: LogEntry, filter: string): boolean {
  if (!filter) return true
  const f = filter.toLowerCase()
  return (
    entry.message.toLowerCase().includes(f) ||
    (entry.unit ?? '').toLowerCase().includes(f) ||
    (entry.node ?? '').toLowerCase().includes(f)
  )
}

export function asText(entries: readonly LogEntry[]): string {
  return entries.map((e) => `${e.time} ${e.node ?? '-'} ${e.unit ?? '-'} ${e.message}`).join('\n')
}
