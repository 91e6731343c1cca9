import type { GuestLog } from '@/api/logs/schemas'
import type { SortValue } from '@/components/data-table/columns'
import type { LogSortColumn } from './guest-log-search'

export function logName(l: GuestLog): string {
  return l.name
}

/** The sort accessor of the guest logs table: text columns as text, sizes as bytes. */
export function logSortValue(l: GuestLog, column: LogSortColumn): SortValue {
  switch (column) {
    case 'name':
      return l.name
    case 'type':
      return l.type
    case 'status':
      return l.status
    case 'published':
      return l.published
    case 'pending':
      return l.pending
  }
}

/** What the logs filter box searches: name, type and status. */
export function logHaystack(l: GuestLog): string[] {
  return [l.name, l.type, l.status]
}

/** The file a downloaded log is saved as: `<instance>-<log>.log`, safe on every file system. */
export function logFileName(instanceName: string, logName: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_')
  return `${safe(instanceName)}-${safe(logName)}.log`
}
