import { z } from 'zod'
import type { Backup } from '@/api/backups/schemas'

export const BACKUP_SORT_COLUMNS = [
  'name',
  'status',
  'instance',
  'datastore',
  'size',
  'created',
] as const
export type BackupSortColumn = (typeof BACKUP_SORT_COLUMNS)[number]
export type SortDir = 'asc' | 'desc'

/** Rows per page of the backups table. */
export const BACKUPS_PAGE_SIZE = 25

/** The backups list's view state in the URL: bad or missing values fall back to defaults. */
export const backupsSearchSchema = z.object({
  q: z.string().default('').catch(''),
  instance: z.string().default('').catch(''),
  datastore: z.string().default('').catch(''),
  status: z.string().default('').catch(''),
  sort: z.enum(BACKUP_SORT_COLUMNS).default('created').catch('created'),
  dir: z.enum(['asc', 'desc']).default('desc').catch('desc'),
  page: z.number().int().min(1).default(1).catch(1),
})
export type BackupsSearch = z.infer<typeof backupsSearchSchema>

export const backupsSearchDefaults: BackupsSearch = {
  q: '',
  instance: '',
  datastore: '',
  status: '',
  sort: 'created',
  dir: 'desc',
  page: 1,
}

export interface BackupFilters {
  q: string
  instance: string
  datastore: string
  status: string
}

/** Filters by free text (name, id, description), instance id, datastore type and status. */
export function filterBackups(backups: readonly Backup[], f: BackupFilters): Backup[] {
  const q = f.q.trim().toLowerCase()
  return backups.filter((b) => {
    if (f.instance && b.instance_id !== f.instance) return false
    if (f.datastore && b.datastore?.type !== f.datastore) return false
    if (f.status && b.status !== f.status) return false
    if (!q) return true
    return (
      b.name.toLowerCase().includes(q) ||
      b.id.toLowerCase().includes(q) ||
      (b.description ?? '').toLowerCase().includes(q)
    )
  })
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/** Sorts by a column; ties fall back to newest first, then id, so the order is stable. */
export function sortBackups(
  backups: readonly Backup[],
  col: BackupSortColumn,
  dir: SortDir,
  instanceName: (id: string | null | undefined) => string = (id) => id ?? '',
): Backup[] {
  const sign = dir === 'asc' ? 1 : -1
  const key = (b: Backup): string | number => {
    switch (col) {
      case 'name':
        return b.name
      case 'status':
        return b.status
      case 'instance':
        return instanceName(b.instance_id)
      case 'datastore':
        return b.datastore ? `${b.datastore.type} ${b.datastore.version}` : ''
      case 'size':
        return b.size ?? -1
      case 'created':
        return b.created
    }
  }
  return [...backups].sort((a, b) => {
    const ka = key(a)
    const kb = key(b)
    const c =
      typeof ka === 'number' && typeof kb === 'number'
        ? ka - kb
        : collator.compare(String(ka), String(kb))
    if (c !== 0) return c * sign
    return b.created.localeCompare(a.created) || a.id.localeCompare(b.id)
  })
}

/** One page of rows, the page clamped to what exists. */
export function pageOf<T>(
  rows: readonly T[],
  page: number,
  size = BACKUPS_PAGE_SIZE,
): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / size))
  const p = Math.min(Math.max(1, page), pages)
  return { rows: rows.slice((p - 1) * size, p * size), page: p, pages }
}
