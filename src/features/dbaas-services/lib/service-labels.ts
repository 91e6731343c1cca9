import type { BadgeVariant } from '@/components/ui/badge'

/** Words and badge colours for service states (text always shown: never colour alone). */
export function stateBadge(state: string | undefined): { label: string; variant: BadgeVariant } {
  switch (state) {
    case 'running':
      return { label: 'Running', variant: 'success' }
    case 'rebuilding':
      return { label: 'Rebuilding', variant: 'info' }
    case 'rebalancing':
      return { label: 'Rebalancing', variant: 'info' }
    case 'poweroff':
      return { label: 'Powered off', variant: 'danger' }
    default:
      return { label: state ?? 'Unknown', variant: 'neutral' }
  }
}

export const TYPE_LABELS: Record<string, string> = {
  pg: 'PostgreSQL',
  mysql: 'MySQL',
  mariadb: 'MariaDB',
}
export const typeLabel = (t: string) => TYPE_LABELS[t] ?? t

/** Default port of an engine (connection details). */
export const portOf = (type: string) => (type === 'pg' ? 5432 : 3306)
