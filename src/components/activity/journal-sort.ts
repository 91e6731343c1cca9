/**
 * The journal table's sortable columns, in their own module so the Activity page's URL schema can
 * name them without loading the table's column definitions (journal-columns.tsx).
 */
export const JOURNAL_SORT_COLUMNS = ['at', 'actor', 'resource', 'action', 'outcome'] as const
export type JournalSort = (typeof JOURNAL_SORT_COLUMNS)[number]
