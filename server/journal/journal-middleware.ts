import type { MiddlewareHandler } from 'hono'
import type { ActorResolver } from './actors'
import type { Journal } from './journal'
import { jsonOrNull, type NotedRequest } from './journal-entry'
import { requestTarget } from './resource-path'

const GATEWAY_ENDPOINT = /^\/gw\/([A-Za-z0-9_-]{1,128})\//

/**
 * Records every mutating request the console serves (embedded cloud) or forwards (gateway): who
 * (the token's user and project), what (resource, id, action), a redacted summary of the body,
 * the answer's status and `x-openstack-request-id`. Also learns tokens from sign-ins passing
 * through (gateway). Place it after the body-size guard.
 *
 * On the request path it only notes what it saw (the body is read once, through Hono's body cache,
 * so the handler's own `c.req.json()` reuses it: no copy of the request); parsing the body,
 * redacting it and writing happen when the journal flushes its queue (`Journal.appendLater`),
 * after the answer has gone, in the journal's writer thread on a SQLite file.
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

    // Plain data for the writer (a worker thread on a SQLite file): it parses and redacts.
    opts.journal.appendLater(async (): Promise<NotedRequest> => {
      const endpoint = GATEWAY_ENDPOINT.exec(path)?.[1]
      return {
        at,
        method,
        path,
        bodyText,
        status,
        requestId,
        actor: await actorPromise.catch(() => null),
        createdText: createdText ? await createdText : null,
        endpointRegion: endpoint ? opts.actors.regionOfEndpoint(endpoint) : null,
      }
    })
  }
}
