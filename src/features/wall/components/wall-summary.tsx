import { Archive } from 'lucide-react'
import { formatDuration } from '@/lib/format'
import type { WallBackup } from '../data/wall-feed'
import { HEALTH_LABELS, HEALTH_ORDER, type Health } from '../lib/tile-state'
import { HealthIcon } from './health-icon'

/** Counts at the top: total, then each health with its icon and word; backups running. */
export function WallSummary({
  counts,
  total,
  backups,
  now,
}: {
  counts: Record<Health, number>
  total: number
  backups: WallBackup[]
  now: number
}) {
  return (
    <div className="flex flex-wrap items-center gap-x-8 gap-y-2" data-testid="wall-summary">
      <ul
        role="list"
        aria-label="Instance counts"
        className="flex flex-wrap items-center gap-x-8 gap-y-2"
      >
        <li className="text-3xl font-bold text-white">
          <span data-testid="wall-total">{total.toLocaleString('en-US')}</span>{' '}
          <span className="text-2xl font-medium text-slate-200">
            instance{total === 1 ? '' : 's'}
          </span>
        </li>
        {HEALTH_ORDER.map((h) => (
          <li key={h} className="flex items-center gap-2 text-2xl" data-testid={`wall-count-${h}`}>
            <HealthIcon health={h} className="size-7" />
            <span className="font-bold text-white tabular-nums">
              {counts[h].toLocaleString('en-US')}
            </span>{' '}
            <span className="text-slate-200">{HEALTH_LABELS[h]}</span>
          </li>
        ))}
      </ul>
      <div className="flex min-w-0 items-center gap-2 text-2xl" data-testid="wall-backups">
        <Archive aria-hidden="true" className="size-7 shrink-0 text-violet-300" />
        <span className="font-bold text-white tabular-nums">{backups.length}</span>{' '}
        <span className="text-slate-200">backup{backups.length === 1 ? '' : 's'} running</span>
        {backups.length > 0 ? (
          <span className="truncate text-lg text-slate-300">
            {backups
              .slice(0, 3)
              .map(
                (b) =>
                  `${b.name} (${b.status.toLowerCase()}${b.since !== undefined ? ` ${formatDuration(now - b.since)}` : ''})`,
              )
              .join(', ')}
            {backups.length > 3 ? ` and ${backups.length - 3} more` : ''}
          </span>
        ) : null}
      </div>
    </div>
  )
}
