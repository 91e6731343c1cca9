import * as z from 'zod/mini'
import { tableSearchDefaults, tableSearchFields } from '@/components/data-table/search'

export const LOG_SORT_COLUMNS = ['name', 'type', 'status', 'published', 'pending'] as const
export type LogSortColumn = (typeof LOG_SORT_COLUMNS)[number]

/** The logs tab's table in the URL (`/instances/$id/logs?sort=pending&dir=desc`). */
export const logsSearchSchema = z.object(tableSearchFields(LOG_SORT_COLUMNS, 'name'))
export type LogsSearch = z.infer<typeof logsSearchSchema>
export const logsSearchDefaults: LogsSearch = tableSearchDefaults<LogSortColumn>('name')
