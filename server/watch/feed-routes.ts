import { Hono, type Context, type MiddlewareHandler } from 'hono'
import {
  FEED_KINDS,
  feedQuerySchema,
  type FeedKind,
  type feedResponseSchema,
} from '../../src/api/feed/schemas'
import { MIN_COMPRESS_BYTES } from '../compression'
import type { ResponseBody } from '../respond'
import type { Delta, KindDelta } from './feed-log'
import { encodedSnapshotsOf, snapshotEncoding } from './feed-snapshot'
import type { WatchHub } from './watch-hub'
import type { Watcher } from './watcher'

type FeedBody = ResponseBody<typeof feedResponseSchema>

/** The console API's error body: `{"message": "..."}`. */
function problem(c: Context, status: 400 | 401 | 403 | 404 | 502, message: string) {
  c.header('Cache-Control', 'no-store')
  return c.json({ message }, status)
}

/** A kind's changes without the empty lists (a quiet poll is a few bytes). */
function compact(d: KindDelta | undefined): FeedBody['instances'] | undefined {
  if (!d) return undefined
  const out: NonNullable<FeedBody['instances']> = {}
  if (d.created.length) out.created = d.created as NonNullable<typeof out.created>
  if (d.changed.length) out.changed = d.changed as NonNullable<typeof out.changed>
  if (d.deleted.length) out.deleted = d.deleted
  return out
}

function bodyOf(w: Watcher, delta: Delta, reset: boolean): FeedBody {
  const body: FeedBody = { cursor: w.feed.cursor, warm: w.feed.warm() }
  if (reset) body.reset = true
  const instances = compact(delta.instances)
  const backups = compact(delta.backups)
  if (instances) body.instances = instances
  if (backups) body.backups = backups as FeedBody['backups']
  return body
}

const isEmpty = (d: Delta) => Object.keys(d).length === 0

/**
 * A reset with every row (`FeedBody` with `reset: true`), from the rows' stored bytes, compressed
 * once per snapshot (gzip: only the parts a change touched) and served compressed to every viewer
 * (the compression middleware leaves an encoded body alone).
 */
async function snapshotAnswer(c: Context, w: Watcher, kinds: readonly FeedKind[]) {
  const head: FeedBody = { cursor: w.feed.cursor, reset: true, warm: w.feed.warm() }
  const parts = w.feed.snapshotParts(kinds, head)
  const size = parts.reduce((n, p) => n + p.length, 0)
  const coding =
    size >= MIN_COMPRESS_BYTES ? snapshotEncoding(c.req.header('accept-encoding')) : 'identity'
  const body = await encodedSnapshotsOf(w.feed).get(parts, coding)
  const headers: Record<string, string> = {
    'Content-Type': 'application/json; charset=UTF-8',
    'Content-Length': String(body.byteLength),
    Vary: 'Accept-Encoding',
  }
  if (coding !== 'identity') headers['Content-Encoding'] = coding
  return c.body(body, 200, headers)
}

/** Waits for the watcher's next change, `ms` at most, or until the client goes away. */
function nextChange(w: Watcher, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      off()
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    const off = w.feed.onChange(done)
    signal.addEventListener('abort', done)
  })
}

function tokenOf(c: Context): string | undefined {
  const t = c.req.header('x-auth-token')
  return t && t.length <= 8192 ? t : undefined
}

/**
 * The console's own API (`/console-api/v1`): the change feed. See docs/change-feed.md.
 * `GET /feed?region=R[&cursor=C][&wait=S][&snapshot=1][&kinds=instances,backups][&allProjects=1]`.
 */
export function feedRoutes(hub: WatchHub): Hono {
  const app = new Hono()

  app.get('/feed', async (c) => {
    const token = tokenOf(c)
    if (!token) return problem(c, 401, 'The X-Auth-Token header is required.')
    // The token first, as every API behind keystonemiddleware: a bad token is 401 whatever the query.
    const auth = await hub.auth.validate(token)
    if (!auth.ok) return problem(c, auth.status, auth.message)
    const parsed = feedQuerySchema.safeParse(c.req.query())
    if (!parsed.success) {
      const i = parsed.error.issues[0]
      return problem(c, 400, `${i?.path.join('.') || 'query'}: ${i?.message ?? 'invalid'}`)
    }
    const q = parsed.data
    const viewer = auth.viewer
    if (q.projectId !== undefined && q.projectId !== viewer.projectId) {
      return problem(
        c,
        403,
        `Your token is scoped to project ${viewer.projectId}, not ${q.projectId}.`,
      )
    }
    const allProjects = q.allProjects === '1'
    if (allProjects && !viewer.roles.includes('admin')) {
      return problem(c, 403, 'The all-projects feed needs the admin role.')
    }
    const found = hub.watcherFor(viewer, q.region, true, allProjects)
    if (!found.ok) return problem(c, found.status, found.message)
    const w = found.watcher
    w.touch(viewer)
    const kinds: FeedKind[] = q.kinds
      ? FEED_KINDS.filter((k) => q.kinds?.split(',').includes(k))
      : [...FEED_KINDS]
    c.header('Cache-Control', 'no-store')

    if (q.snapshot === '1') {
      // What a write just before this asked for is in the snapshot (its events are being read).
      // A cold watcher answers at once (not warm: the reader walks the list page by page).
      if (kinds.every((k) => w.feed.isWarm(k))) await w.whenIdle(2000)
      return snapshotAnswer(c, w, kinds)
    }
    // No cursor: where the feed is now. The reader has (or reads) the lists itself.
    if (q.cursor === undefined) return c.json(bodyOf(w, {}, false))
    if (!w.feed.knows(q.cursor)) return snapshotAnswer(c, w, kinds)
    let delta = w.feed.delta(q.cursor, kinds)
    const deadline = Date.now() + (q.wait ?? 0) * 1000
    while (isEmpty(delta) && Date.now() < deadline && !c.req.raw.signal.aborted) {
      await nextChange(w, deadline - Date.now(), c.req.raw.signal)
      if (!w.feed.knows(q.cursor)) return snapshotAnswer(c, w, kinds)
      delta = w.feed.delta(q.cursor, kinds)
    }
    return c.json(bodyOf(w, delta, false))
  })

  return app
}

/**
 * Notes actions issued through the console (a write to Trove that succeeded) so the watcher of
 * that project keeps following what they set moving until it settles, even after the last viewer
 * left. Gateway mode only: on the embedded cloud the engine's change events tell it.
 */
export function actionTap(hub: WatchHub): MiddlewareHandler {
  return async (c, next) => {
    await next()
    const method = c.req.method
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return
    if (c.res.status < 200 || c.res.status >= 300 || hub.size === 0) return
    const token = tokenOf(c)
    if (!token) return
    const auth = await hub.auth.validate(token)
    if (auth.ok) hub.noteAction(auth.viewer, new URL(c.req.url).pathname, [], method)
  }
}
