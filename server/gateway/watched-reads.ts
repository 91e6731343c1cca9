import type { Context, MiddlewareHandler } from 'hono'
import type { FeedKind } from '../../src/api/feed/schemas'
import { shareScope } from '../watch/page-share'
import { troveTarget } from '../watch/viewer-auth'
import type { WatchHub } from '../watch/watch-hub'

/**
 * The env the console server passes to its own requests (the watchers' reads through the
 * gateway): they already hold their project's lock. A browser's request cannot carry it (env is
 * not part of the request).
 */
export const WATCHER_READ_ENV = { consoleWatcherRead: true } as const

function isWatcherRead(c: Context): boolean {
  const env: unknown = c.env
  return typeof env === 'object' && env !== null && 'consoleWatcherRead' in env
}

/** What a write's answer names: a created instance or backup, and a backup's instance. */
function createdTargets(body: unknown): { kind: FeedKind; id: string }[] {
  const out: { kind: FeedKind; id: string }[] = []
  if (typeof body !== 'object' || body === null) return out
  const idOf = (v: unknown, key: string): string | undefined => {
    if (typeof v !== 'object' || v === null || !(key in v)) return undefined
    const id: unknown = (v as Record<string, unknown>)[key]
    return typeof id === 'string' && id ? id : undefined
  }
  const b = body as Record<string, unknown>
  const instance = idOf(b.instance, 'id')
  if (instance) out.push({ kind: 'instances', id: instance })
  const backup = idOf(b.backup, 'id')
  if (backup) out.push({ kind: 'backups', id: backup })
  const backupOf = idOf(b.backup, 'instance_id')
  if (backupOf) out.push({ kind: 'instances', id: backupOf })
  return out
}

/**
 * Gateway mode: reads of a project's Trove by the SPA and by that project's watcher are one
 * stream at Trove (issue 14: never two reads of one project in flight).
 *
 * - A browser's `GET` under its token's Trove base runs through the project's lock
 *   (`ProjectLocks`, which the watchers' reads hold too), and through the hub's `PageShare`: the
 *   same read in flight (the watcher's walk page the SPA's cold first walk asks for too) is
 *   joined, one that ended a few seconds ago is answered again. So a cold project's first viewer
 *   follows the watcher's first walk page by page instead of walking beside it.
 * - A write drops the project's shared answers (nothing read before it answers a read after it)
 *   and has the watcher follow what its answer names (a created instance or backup) from now.
 * Requests of tokens Keystone refuses, of other services and the watchers' own pass through.
 */
export function watchedReads(hub: WatchHub): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url)
    if (!url.pathname.startsWith('/gw/') || isWatcherRead(c)) return next()
    const token = c.req.header('x-auth-token')
    if (!token) return next()
    const method = c.req.method
    const read = method === 'GET' || method === 'HEAD'
    if (!read && hub.size === 0) return next()
    const auth = await hub.auth.validate(token)
    if (!auth.ok) return next()
    const viewer = auth.viewer
    const target = troveTarget(viewer, url.pathname)
    if (!target) return next()

    if (!read) {
      hub.share.forgetProject(viewer.projectId)
      await next()
      hub.share.forgetProject(viewer.projectId)
      if (c.res.status >= 200 && c.res.status < 300 && hub.size > 0) {
        let body: unknown = null
        if ((c.res.headers.get('content-type') ?? '').includes('json')) {
          body = await c.res
            .clone()
            .json()
            .catch(() => null)
        }
        const also = createdTargets(body)
        if (also.length > 0) hub.noteAction(viewer, url.pathname, also)
      }
      return
    }
    if (method === 'HEAD') {
      await hub.locks.run(viewer.projectId, () => next())
      return
    }

    const scope = shareScope(viewer.projectId, target.region, viewer.roles)
    let mine: Response | undefined
    const shared = await hub.share.run(scope, `${url.pathname}${url.search}`, 'gateway', () =>
      hub.locks.run(viewer.projectId, async () => {
        await next()
        mine = c.res
        const text = await c.res.clone().text()
        let body: unknown = text
        try {
          body = text ? JSON.parse(text) : null
        } catch {
          // not JSON: shared as text (a failure is not kept)
        }
        return { status: c.res.status, body }
      }),
    )
    if (mine) return
    // Another reader's answer (the watcher's page, an earlier identical read).
    return c.json(shared.body as object, shared.status as 200)
  }
}
