import { useMemo } from 'react'
import { describeError } from '@/api/errors'
import { regionsFor } from '@/api/session/session-store'
import { useProjectNameLookup } from '@/hooks/use-identity-names'
import type { WallAuth } from '../data/wall-auth'
import type { WallSnapshot } from '../data/fetch-snapshot'
import { countHealth, groupItems, matchesScope } from '../lib/group-filter'
import { HEALTH_LABELS } from '../lib/tile-state'
import { describeFilters, type WallFilters, type WallGroup } from '../lib/wall-search'
import { StaleBanner, InfoLine, WarningLine } from './wall-banners'
import { useWallPages, WallGrid } from './wall-grid'
import { WallSummary } from './wall-summary'
import { WallTicker } from './wall-ticker'

const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' })
const seconds = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

export interface WallBoardProps {
  auth: WallAuth | undefined
  snapshot: WallSnapshot | undefined
  /** When the snapshot arrived (browser clock). */
  updatedAt: number
  error: unknown
  stale: boolean
  filters: WallFilters
  group: WallGroup
  pageMs: number
  /** How often the wall reads (for the countdown to the next read). */
  refreshMs: number
  /** `?screen=k/n`: this display's share of a wall split across n displays. */
  screen: { index: number; of: number }
  now: number
  /** Banners about the sign-in (rejected credential, ended session, renewal trouble). */
  authBanner?: React.ReactNode
}

/** The wall itself: header with counts, banners, one screen of tiles, the ticker. */
export function WallBoard(p: WallBoardProps) {
  const { snapshot, filters, group } = p
  // The admin's all-projects wall names every project (Keystone's list, read with the wall's token).
  const allProjects = snapshot?.scope === 'all-projects'
  const nameCaller = useMemo(
    () =>
      p.auth && allProjects
        ? { who: p.auth.identity, admin: true, token: p.auth.token }
        : undefined,
    [p.auth, allProjects],
  )
  const projectName = useProjectNameLookup(nameCaller)
  const items = useMemo(
    () =>
      (snapshot?.items ?? []).map((i) => ({
        ...i,
        project: projectName(i.projectId) ?? i.project,
      })),
    [snapshot, projectName],
  )
  const groups = useMemo(
    () => groupItems(items, filters, group, HEALTH_LABELS),
    [items, filters, group],
  )
  const shown = useMemo(() => groups.flatMap((g) => g.items), [groups])
  const counts = useMemo(() => countHealth(shown), [shown])
  // The ticker follows the wall's project/datastore/region filters, not its status filter: an
  // ERROR wall still wants to hear that an instance left ERROR.
  const ticker = useMemo(
    () =>
      (snapshot?.ticker ?? [])
        .filter((e) => matchesScope(e, filters))
        .map((e) => ({ ...e, project: projectName(e.projectId) ?? e.project })),
    [snapshot, filters, projectName],
  )
  const { ref, page, collapsed, index, count, cols } = useWallPages(
    groups,
    group !== 'none',
    p.now,
    p.pageMs,
    p.screen,
  )
  const nextIn = Math.max(0, Math.ceil((p.updatedAt + p.refreshMs - p.now) / 1000))

  const regions = p.auth ? regionsFor(p.auth.catalog, 'database') : []
  const scope =
    snapshot?.scope === 'all-projects'
      ? 'All projects (admin view)'
      : p.auth
        ? `Project ${p.auth.projectName}`
        : ''
  const filterText = describeFilters(filters)
  const failedRegions = snapshot?.regions.filter((r) => !r.ok) ?? []

  return (
    <main
      className="flex h-dvh flex-col gap-3 overflow-hidden px-6 py-4"
      aria-labelledby="wall-title"
    >
      <header className="flex shrink-0 flex-wrap items-baseline gap-x-6 gap-y-1">
        <h1 id="wall-title" className="text-3xl font-bold text-white">
          Status wall
        </h1>
        <p className="text-2xl text-slate-200" data-testid="wall-scope">
          {scope}
          {regions.length > 0 ? ` · ${regions.join(', ')}` : ''}
          {filterText ? ` · ${filterText}` : ''}
        </p>
        <p className="ml-auto flex items-baseline gap-6 text-2xl text-slate-200 tabular-nums">
          {p.screen.of > 1 ? (
            <span data-testid="wall-screen">
              Screen {p.screen.index} of {p.screen.of}
            </span>
          ) : null}
          {snapshot ? (
            <span data-testid="wall-updated" className="text-xl">
              Updated {seconds.format(p.updatedAt)}
              {p.stale ? ' · retrying' : ` · next in ${nextIn} s`}
            </span>
          ) : null}
          {count > 1 ? (
            <span data-testid="wall-page">
              Page {index + 1} of {count}
            </span>
          ) : null}
          <time
            dateTime={new Date(p.now).toISOString()}
            className="text-3xl font-semibold text-white"
          >
            {clock.format(p.now)}
          </time>
        </p>
      </header>

      {snapshot ? (
        <WallSummary counts={counts} total={shown.length} backups={snapshot.backups} now={p.now} />
      ) : null}

      {p.authBanner}
      {p.stale && snapshot ? <StaleBanner updatedAt={p.updatedAt} now={p.now} /> : null}
      {snapshot?.notice ? <InfoLine testId="wall-notice">{snapshot.notice}</InfoLine> : null}
      {failedRegions.length > 0 ? (
        <WarningLine testId="wall-region-failed">
          {failedRegions.map((r) => r.region).join(', ')} not answering: showing the last tiles seen
          there.
        </WarningLine>
      ) : null}

      {!snapshot ? (
        p.error ? (
          <WarningLine testId="wall-load-error">
            Could not load the wall: {describeError(p.error)} Retrying by itself.
          </WarningLine>
        ) : (
          <p role="status" className="text-2xl text-slate-200">
            Loading instances from {regions.length || 'every'} region
            {regions.length === 1 ? '' : 's'}…
          </p>
        )
      ) : shown.length === 0 ? (
        <p className="text-2xl text-slate-200" data-testid="wall-empty">
          {items.length === 0
            ? 'No instances yet in what this wall can see.'
            : `No instances match this wall's filters (${filterText}).`}
        </p>
      ) : null}

      <WallGrid
        gridRef={ref}
        page={page}
        collapsed={collapsed}
        cols={cols}
        grouped={group !== 'none'}
        // Stale tiles keep the ages of the last read: they stop counting.
        now={p.stale ? p.updatedAt : p.now}
        stale={p.stale}
        index={index}
        count={count}
      />

      {snapshot ? <WallTicker events={ticker} latestAt={snapshot.ticker[0]?.at} /> : null}
    </main>
  )
}
