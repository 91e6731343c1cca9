import type { MiddlewareHandler } from 'hono'
import type { ActorResolver } from './actors'
import type { Journal, JournalRecord } from './journal'
import { redactedSummary } from './redact'
import { createdId, requestTarget } from './resource-path'

const GATEWAY_ENDPOINT = /^\/gw\/([A-Za-z0-9_-]{1,128})\//

function jsonOrNull(text: string | null): unknown {
  if (!text) return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return null
  }
}

/**
 * Records every mutating request the console serves (embedded cloud) or forwards (gateway): who
 * (the token's user and project), what (resource, id, action), a redacted summary of the body,
 * the answer's status and `x-openstack-request-id`. Also learns tokens from sign-ins passing
 * through (gateway). Place it after the body-size guard.
 *
 * On the request path it only notes what it saw (the body is read once, through Hono's body cache,
 * so the handler's own `c.req.json()` reuses it: no copy of the request); parsing the body,
 * redacting it, resolving the actor and writing happen when the journal flushes its queue
 * (`Journal.appendLater`), after the answer has gone.
 */
export function journalMiddleware(opts: {
  journal: Journal
  actors: ActorResolver
  now?: () => number
  /** Give answers without an `x-openstack-request-id` one (the embedded cloud), so the entry and the answer agree. */
  assignRequestIds?: boolean
}): MiddlewareHandler {
  const now = opts.now ?? Date.now
  return async (c, next) => {
    const method = c.req.method
    const path = c.req.path
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next()

    if (method === 'POST' && /^\/v3\/auth\/tokens\/?$/.test(path)) {
      await next()
      const subject = c.res.headers.get('x-subject-token')
      if (subject && c.res.ok) {
        const body = jsonOrNull(await c.res.clone().text())
        opts.actors.learn(subject, body)
      }
      return
    }

    // Which requests are journaled depends on the path alone (the body only names an action).
    const pathTarget = requestTarget(method, path, undefined)
    if (!pathTarget) return next()

    const at = now()
    const bodyText = c.req.raw.body ? await c.req.text().catch(() => null) : null
    // Started before the handler: a request may revoke its own token.
    const actorPromise = opts.actors.resolve(c.req.header('x-auth-token'))
    await next()

    const status = c.res.status
    // A create's id is in its answer: the only case that reads (a copy of) the response.
    const createdText =
      !pathTarget.resourceId &&
      method === 'POST' &&
      status < 300 &&
      (c.res.headers.get('content-type') ?? '').includes('json')
        ? c.res.clone().text()
        : undefined
    if (opts.assignRequestIds && !c.res.headers.has('x-openstack-request-id')) {
      c.res.headers.set('x-openstack-request-id', `req-${crypto.randomUUID()}`)
    }
    const requestId =
      c.res.headers.get('x-openstack-request-id') ?? c.res.headers.get('x-compute-request-id')

    opts.journal.appendLater(async (): Promise<JournalRecord | null> => {
      const target = requestTarget(method, path, jsonOrNull(bodyText))
      if (!target) return null
      const actor = await actorPromise.catch(() => null)
      const resourceId =
        target.resourceId ?? (createdText ? createdId(jsonOrNull(await createdText)) : null)
      const endpoint = GATEWAY_ENDPOINT.exec(path)?.[1]
      const region = target.region ?? (endpoint ? opts.actors.regionOfEndpoint(endpoint) : null)
      // Trove's path names the project; the DBaaS API and Keystone act on the token's project.
      const projectId = target.projectId ?? actor?.projectId ?? null
      return {
        at,
        kind: 'request',
        source: 'console',
        region,
        projectId,
        projectName: actor && actor.projectId === projectId ? actor.projectName : null,
        userId: actor?.userId ?? null,
        userName: actor?.userName ?? null,
        method,
        path,
        resourceKind: target.resourceKind,
        resourceId,
        resourceName:
          target.api === 'dbaas' && target.resourceKind === 'service' ? resourceId : null,
        action: target.action,
        summary: redactedSummary(bodyText),
        status,
        requestId,
        fromStatus: null,
        toStatus: null,
        previousMs: null,
        datastore: null,
      }
    })
  }
}
