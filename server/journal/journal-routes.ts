import { Hono, type Context } from 'hono'
import type { journalPageSchema } from '@/api/journal/schemas'
import {
  durationsQuerySchema,
  journalQuerySchema,
  stuckQuerySchema,
  type UsualDurationBody,
  type JournalCoverage,
  type StuckList,
} from '@/api/journal/schemas'
import type { ResponseBody } from '../respond'
import type { ActorResolver, Actor } from './actors'
import type { Journal } from './journal'
import { findStuck, isWatched, MIN_SAMPLES, usualDuration } from './stuck'

export interface JournalRoutesOptions {
  journal: Journal
  actors: ActorResolver
  mode: JournalCoverage['mode']
  /** Brings the journal up to date before a read (the embedded engine's transitions). */
  beforeRead?: () => Promise<void>
  /** Stuck detection never flags a resource in its state for less than this (ms). */
  stuckFloorMs: number
  now?: () => number
}

const COVERAGE_NOTE: Record<JournalCoverage['mode'], string> = {
  embedded:
    'The embedded cloud reports every request and every status change of its instances, backups and services.',
  gateway:
    'This console forwards to a real cloud: it records what passed through it, and status changes while someone watched the project. Changes made by other tools (the openstack CLI, Horizon, scripts) while nobody watched are missing.',
}

const DEFAULT_LIMIT = 100
const STUCK_SAMPLES = 500

function fail(c: Context, status: 400 | 401 | 403, message: string) {
  return c.json({ message }, status)
}

/** A member reads its scoped project only; an admin any project, or all of them. */
function projectFor(
  actor: Actor,
  asked: string | undefined,
): { project: string | undefined } | { refused: string } {
  if (actor.isAdmin) return { project: asked }
  if (!actor.projectId) return { refused: 'The journal needs a project-scoped token.' }
  if (asked !== undefined && asked !== actor.projectId) {
    return {
      refused: `Your token is scoped to project ${actor.projectId}: you cannot read the journal of project ${asked}.`,
    }
  }
  return { project: actor.projectId }
}

/** The console's journal API: `GET /console-api/v1/journal` and `GET /console-api/v1/journal/stuck`. */
export function journalRoutes(opts: JournalRoutesOptions): Hono {
  const { journal, actors } = opts
  const now = opts.now ?? Date.now
  const app = new Hono()
  const coverage: JournalCoverage = {
    mode: opts.mode,
    note: COVERAGE_NOTE[opts.mode],
    retentionDays: journal.retentionDays,
  }

  const authenticate = async (c: Context) => actors.resolve(c.req.header('x-auth-token'))

  app.get('/console-api/v1/journal', async (c) => {
    const actor = await authenticate(c)
    if (!actor) return fail(c, 401, 'The request you have made requires authentication.')
    const q = journalQuerySchema.safeParse(c.req.query())
    if (!q.success) {
      const i = q.error.issues[0]
      return fail(
        c,
        400,
        `Invalid query: ${i ? `${i.path.join('.')}: ${i.message}` : 'bad parameters'}`,
      )
    }
    const scope = projectFor(actor, q.data.project)
    if ('refused' in scope) return fail(c, 403, scope.refused)
    await opts.beforeRead?.()
    const limit = q.data.limit ?? DEFAULT_LIMIT
    const entries = await journal.list({
      projectId: scope.project,
      region: q.data.region,
      kind: q.data.kind,
      resource: q.data.resource,
      actor: q.data.actor,
      action: q.data.action,
      status: q.data.status,
      type: q.data.type,
      fromMs: q.data.from ? Date.parse(q.data.from) : undefined,
      toMs: q.data.to ? Date.parse(q.data.to) : undefined,
      beforeId: q.data.cursor ? Number(q.data.cursor) : undefined,
      limit,
    })
    const last = entries[entries.length - 1]
    const body: ResponseBody<typeof journalPageSchema> = {
      entries,
      nextCursor: entries.length === limit && last ? String(last.id) : null,
      coverage,
    }
    return c.json(body)
  })

  app.get('/console-api/v1/journal/stuck', async (c) => {
    const actor = await authenticate(c)
    if (!actor) return fail(c, 401, 'The request you have made requires authentication.')
    const q = stuckQuerySchema.safeParse(c.req.query())
    if (!q.success) return fail(c, 400, 'Invalid query: project and region are short strings.')
    const scope = projectFor(actor, q.data.project)
    if ('refused' in scope) return fail(c, 403, scope.refused)
    await opts.beforeRead?.()
    const latest = await journal.latestTransitions(scope.project, q.data.region)
    const cache = new Map<string, Map<string | null, number[]>>()
    for (const t of latest) {
      const key = `${t.resourceKind}:${t.toStatus}`
      if (isWatched(t.resourceKind, t.toStatus) && !cache.has(key))
        cache.set(key, await journal.durations(t.resourceKind, t.toStatus, STUCK_SAMPLES))
    }
    const samplesFor = (kind: string, status: string, datastore: string | null): number[] => {
      const byDatastore = cache.get(`${kind}:${status}`)
      if (!byDatastore) return []
      return datastore === null
        ? [...byDatastore.values()].flat()
        : (byDatastore.get(datastore) ?? [])
    }
    const body: StuckList = { stuck: findStuck(latest, samplesFor, now(), opts.stuckFloorMs) }
    return c.json(body)
  })

  // How long a status usually lasts (the change preview's expected outage): durations are
  // aggregates of the whole cloud's history, without resource, project or actor.
  app.get('/console-api/v1/journal/durations', async (c) => {
    const actor = await authenticate(c)
    if (!actor) return fail(c, 401, 'The request you have made requires authentication.')
    const q = durationsQuerySchema.safeParse(c.req.query())
    if (!q.success) {
      return fail(
        c,
        400,
        'Invalid query: kind (a resource kind) and status (letters) are required.',
      )
    }
    await opts.beforeRead?.()
    const { kind, status } = q.data
    const datastore = q.data.datastore ?? null
    const byDatastore = await journal.durations(kind, status, STUCK_SAMPLES)
    const own = datastore === null ? [] : (byDatastore.get(datastore) ?? [])
    const all = [...byDatastore.values()].flat()
    const basis: UsualDurationBody['basis'] =
      own.length >= MIN_SAMPLES ? 'datastore' : all.length >= MIN_SAMPLES ? 'all' : 'none'
    const usual = usualDuration(basis === 'datastore' ? own : all, opts.stuckFloorMs)
    const body: UsualDurationBody = {
      kind,
      status,
      datastore,
      basis,
      medianMs: usual.medianMs,
      p95Ms: usual.p95Ms,
      samples: usual.samples,
    }
    return c.json(body)
  })

  return app
}
