import type { DataTableColumn } from './columns'

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return ''
  const s = String(value)
  // A leading = + - @ makes spreadsheets run a formula: neutralise it (OWASP CSV injection).
  const safe = /^[=+\-@\t\r]/.test(s) && typeof value === 'string' ? `'${s}` : s
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** The CSV of what is shown: the given (visible) columns, the given (filtered, sorted) rows. */
export function toCsv<T>(columns: readonly DataTableColumn<T>[], rows: readonly T[]): string {
  const lines = [columns.map((c) => csvField(c.header)).join(',')]
  for (const row of rows) {
    lines.push(columns.map((c) => csvField((c.csv ?? c.sortValue)?.(row))).join(','))
  }
  return `${lines.join('\r\n')}\r\n`
}

/** Offers `text` as a file download (the browser's own save dialog). */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.append(a)
  a.click()
  a.remove()
  URL.revokeObjectURL(url)
}
