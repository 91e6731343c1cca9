import type { JournalEntry } from '@/api/journal/schemas'
import { csvField, downloadText } from '@/components/data-table/csv'

const CSV_COLUMNS = [
  'id',
  'at',
  'kind',
  'source',
  'region',
  'projectId',
  'projectName',
  'userName',
  'userId',
  'method',
  'path',
  'resourceKind',
  'resourceId',
  'resourceName',
  'action',
  'status',
  'requestId',
  'fromStatus',
  'toStatus',
  'previousMs',
  'datastore',
  'summary',
] as const satisfies readonly (keyof JournalEntry)[]

/** Every field of the entries as CSV (the redacted summary as JSON text). */
export function journalCsv(entries: readonly JournalEntry[]): string {
  const value = (v: unknown): string | number | undefined => {
    if (v === null || v === undefined) return undefined
    if (typeof v === 'string' || typeof v === 'number') return v
    return JSON.stringify(v)
  }
  const lines = [CSV_COLUMNS.join(',')]
  for (const e of entries) lines.push(CSV_COLUMNS.map((c) => csvField(value(e[c]))).join(','))
  return `${lines.join('\r\n')}\r\n`
}

export function downloadJournal(
  entries: readonly JournalEntry[],
  format: 'csv' | 'json',
  name: string,
) {
  if (format === 'csv') downloadText(`${name}.csv`, journalCsv(entries))
  else downloadText(`${name}.json`, `${JSON.stringify(entries, null, 2)}\n`, 'application/json')
}
