import { memo } from 'react'
import { formatDuration } from '@/lib/format'
import { cn } from '@/lib/cn'
import type { WallItem } from '../lib/snapshot'
import { HealthIcon } from './health-icon'

/** Border style and surface per health: the shape of the frame differs too, not only its colour. */
const FRAME = {
  ok: 'border-2 border-solid border-emerald-500/70 bg-emerald-950/50',
  busy: 'border-[3px] border-dashed border-sky-400 bg-sky-950/60',
  warning: 'border-[3px] border-double border-amber-400 bg-amber-950/60',
  error: 'border-4 border-solid border-red-400 bg-red-950',
  unknown: 'border-2 border-dotted border-slate-400 bg-slate-900',
} as const

/**
 * One instance. `now` is passed only to tiles that show an age (transitional and error tiles),
 * so the 1-second clock re-renders those and leaves the healthy ones memoized.
 */
export const WallTile = memo(function WallTile({ item, now }: { item: WallItem; now: number }) {
  const showsAge = item.health === 'busy' || item.health === 'error'
  const age = showsAge && item.since !== undefined ? formatDuration(now - item.since) : undefined
  return (
    <li
      className={cn(
        'flex h-[var(--wall-tile-h)] min-w-0 flex-col gap-1 overflow-hidden rounded-xl px-4 py-3',
        FRAME[item.health],
      )}
      data-health={item.health}
      data-testid="wall-tile"
    >
      <div className="flex items-center gap-2">
        <HealthIcon health={item.health} className="size-7" />
        <span className="truncate text-xl font-semibold">{item.activity}</span>
        {age ? (
          <span className="ml-auto shrink-0 text-lg text-slate-200 tabular-nums">
            {item.health === 'error' ? `${age} ago` : `for ${age}`}
          </span>
        ) : null}
      </div>
      <p className="truncate text-2xl font-bold text-white" title={item.name}>
        {item.name}
      </p>
      {item.health === 'error' && item.fault ? (
        <p className="line-clamp-1 text-base text-red-100" title={item.fault}>
          {item.fault}
        </p>
      ) : null}
      <p className="mt-auto truncate text-base text-slate-300">
        {item.datastore} {item.datastoreVersion} · {item.region} · {item.project}
      </p>
    </li>
  )
})
