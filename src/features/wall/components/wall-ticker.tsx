import { memo } from 'react'
import type { TickerEvent } from '../lib/snapshot'
import { HealthIcon } from './health-icon'

const clock = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

function sentence(e: TickerEvent): string {
  switch (e.kind) {
    case 'changed':
      return `${e.name}: ${e.from} → ${e.to}`
    case 'new':
      return `${e.name}: new, ${e.to}`
    case 'gone':
      return `${e.name}: gone (was ${e.from})`
  }
}

/**
 * The latest status changes seen between refreshes. The visible list is not live (it would read
 * every row again); one polite live line says how many changed in the last refresh and the first
 * few, so a screen reader hears at most one short message per refresh.
 */
export const WallTicker = memo(function WallTicker({
  events,
  latestAt,
}: {
  events: TickerEvent[]
  latestAt: number | undefined
}) {
  const latest = latestAt === undefined ? [] : events.filter((e) => e.at === latestAt)
  const announcement =
    latest.length === 0
      ? ''
      : `${latest.length} status change${latest.length === 1 ? '' : 's'}: ${latest
          .slice(0, 3)
          .map(sentence)
          .join('; ')}${latest.length > 3 ? '; and more' : ''}`
  return (
    <section
      aria-labelledby="wall-ticker-title"
      className="shrink-0 border-t border-slate-700 pt-2"
    >
      <h2 id="wall-ticker-title" className="sr-only">
        Latest status changes
      </h2>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {events.length === 0 ? (
        <p className="text-lg text-slate-300">No status changes seen since the wall started.</p>
      ) : (
        <ol
          className="flex gap-8 overflow-hidden text-lg whitespace-nowrap"
          data-testid="wall-ticker"
        >
          {events.slice(0, 8).map((e) => (
            <li key={e.key} className="flex items-center gap-2">
              <HealthIcon health={e.kind === 'gone' ? 'unknown' : e.health} className="size-5" />
              <time className="text-slate-300 tabular-nums" dateTime={new Date(e.at).toISOString()}>
                {clock.format(e.at)}
              </time>
              <span className="text-slate-50">{sentence(e)}</span>
              <span className="text-slate-300">
                ({e.region} · {e.project})
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
})
