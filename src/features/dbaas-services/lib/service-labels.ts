export const TYPE_LABELS: Record<string, string> = {
  pg: 'PostgreSQL',
  mysql: 'MySQL',
  mariadb: 'MariaDB',
}
export const typeLabel = (t: string) => TYPE_LABELS[t] ?? t

/** Default port of an engine (connection details). */
export const portOf = (type: string) => (type === 'pg' ? 5432 : 3306)
