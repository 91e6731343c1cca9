import { z } from 'zod'
import { tokenBodySchema } from '../../src/api/identity/schemas'
import { instanceListSchema, type Instance } from '../../src/api/instances/schemas'
import { backupListSchema, type Backup } from '../../src/api/backups/schemas'
import { quotaShowSchema } from '../../src/api/mgmt/schemas'

/** One HTTP exchange as a client saw it; status 0 means no answer (connection refused or reset). */
export interface CallRecord {
  client: string
  method: string
  path: string
  status: number
  ms: number
  /** What went wrong at the transport level, for status 0. */
  error?: string
}

/** Every exchange of a run, for the report and for asserting on status codes. */
export class CallLog {
  readonly records: CallRecord[] = []
  add(r: CallRecord): void {
    this.records.push(r)
  }
  /** `{ '200': 812, '202': 97, ... }` */
  byStatus(): Record<string, number> {
    const counts: Record<string, number> = {}
    for (const r of this.records) counts[String(r.status)] = (counts[String(r.status)] ?? 0) + 1
    return counts
  }
}

export interface Reply {
  status: number
  body: unknown
  ms: number
  error?: string
}

export class HttpError extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly reply: Reply,
  ) {
    super(`${method} ${url} -> ${reply.status} ${reply.error ?? JSON.stringify(reply.body)}`)
  }
}

/** Sends one JSON request; never throws for HTTP or transport errors (see `status`). */
export async function httpJson(
  method: string,
  url: string,
  opts: { token?: string; body?: unknown; timeoutMs?: number } = {},
): Promise<Reply & { headers?: Headers }> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (opts.token) headers['X-Auth-Token'] = opts.token
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json'
  const started = performance.now()
  try {
    const res = await fetch(url, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
    })
    const text = await res.text()
    let body: unknown = text
    try {
      body = text ? JSON.parse(text) : null
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body, ms: performance.now() - started, headers: res.headers }
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : ''
    return {
      status: 0,
      body: null,
      ms: performance.now() - started,
      error: `${err instanceof Error ? err.message : String(err)}${cause}`,
    }
  }
}

export interface Session {
  user: string
  project: string
  projectId: string
  token: string
  isAdmin: boolean
  /** Trove's public endpoint per region, from the token's catalog. */
  trove: Record<string, string>
}

export const PASSWORDS: Record<string, string> = { admin: 'secret', demo: 'demo', alt: 'alt' }

/** Keystone v3 password login scoped to a project, as the console does. */
export async function keystoneLogin(
  origin: string,
  user: string,
  project: string,
  log?: CallLog,
): Promise<Session> {
  const url = `${origin}/v3/auth/tokens`
  const reply = await httpJson('POST', url, {
    body: {
      auth: {
        identity: {
          methods: ['password'],
          password: {
            user: { name: user, domain: { id: 'default' }, password: PASSWORDS[user] ?? user },
          },
        },
        scope: { project: { name: project, domain: { id: 'default' } } },
      },
    },
  })
  log?.add({
    client: user,
    method: 'POST',
    path: '/v3/auth/tokens',
    status: reply.status,
    ms: reply.ms,
  })
  const token = reply.headers?.get('x-subject-token')
  if (reply.status !== 201 || !token) throw new HttpError('POST', url, reply)
  const body = tokenBodySchema.parse(reply.body).token
  const trove: Record<string, string> = {}
  for (const entry of body.catalog ?? []) {
    if (entry.type !== 'database') continue
    for (const ep of entry.endpoints) {
      const region = ep.region_id ?? ep.region
      if (ep.interface === 'public' && region) trove[region] = ep.url
    }
  }
  return {
    user,
    project,
    projectId: body.project?.id ?? '',
    token,
    isAdmin: (body.roles ?? []).some((r) => r.name === 'admin'),
    trove,
  }
}

/** Trove v1.0 for one session in one region; every exchange goes to the call log. */
export class TroveClient {
  readonly base: string
  constructor(
    readonly session: Session,
    readonly region: string,
    readonly log: CallLog,
    readonly label: string = `${session.user}/${session.project}/${region}`,
  ) {
    const base = session.trove[region]
    if (!base) throw new Error(`no Trove endpoint for ${region} in ${label}'s catalog`)
    this.base = base
  }

  /** `path` is relative to the project's Trove base (`/instances`), or an absolute URL. */
  async call(method: string, path: string, body?: unknown): Promise<Reply> {
    const url = path.startsWith('http') ? path : `${this.base}${path}`
    const reply = await httpJson(method, url, { token: this.session.token, body })
    this.log.add({
      client: this.label,
      method,
      path: new URL(url).pathname.replace(this.session.projectId, '{project}'),
      status: reply.status,
      ms: reply.ms,
      ...(reply.error ? { error: reply.error } : {}),
    })
    return reply
  }

  /** A 2xx answer parsed with the wire contract, or an HttpError. */
  async get<S extends z.core.$ZodType>(path: string, schema: S): Promise<z.infer<S>> {
    const reply = await this.call('GET', path)
    if (reply.status < 200 || reply.status >= 300) throw new HttpError('GET', path, reply)
    return z.parse(schema, reply.body)
  }

  /** Every page of a Trove list, following `next` links. */
  async all<S extends z.core.$ZodType<{ links?: { rel: string; href: string }[] }>, T>(
    path: string,
    schema: S,
    items: (page: z.infer<S>) => T[],
  ): Promise<T[]> {
    const out: T[] = []
    let next: string | undefined = path
    while (next) {
      const page: z.infer<S> = await this.get(next, schema)
      out.push(...items(page))
      next = page.links?.find((l) => l.rel === 'next')?.href
    }
    return out
  }

  instances(): Promise<Instance[]> {
    return this.all('/instances/detail?limit=1000', instanceListSchema, (p) => p.instances)
  }

  backups(query = ''): Promise<Backup[]> {
    return this.all(`/backups?limit=1000${query}`, backupListSchema, (p) => p.backups)
  }

  /** `{ instances: {in_use, limit}, ram: ..., volumes: ..., backups: ... }` for a project. */
  async quotas(projectId: string): Promise<Record<string, { in_use: number; limit: number }>> {
    const body = await this.get(`/mgmt/quotas/${projectId}`, quotaShowSchema)
    return Object.fromEntries(body.quotas.map((q) => [q.resource, q]))
  }
}

/** Calls `check` every `everyMs` until it returns a value (not undefined), or throws at the deadline. */
export async function until<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  everyMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, everyMs))
  }
}
