import { createCloud, type Cloud, type CloudOptions } from './app'
import { ManualClock } from './engine/clock'

/**
 * A response body in tests: read loosely, then pinned down with toEqual / toMatchObject or the
 * zod contract.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonBody = any

/** Test helpers: an in-memory cloud on a manual clock, driven through app.request(). */
export interface TestCloud extends Cloud {
  clock: ManualClock
  /** Moves the clock and applies what came due. */
  advance(seconds: number): void
  json(
    method: string,
    path: string,
    opts?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; body: JsonBody; headers: Headers }>
  login(
    user: string,
    password: string,
    project?: string,
  ): Promise<{ token: string; projectId: string; body: JsonBody }>
  /** `/trove/{region}/v1.0/{projectId}` */
  troveBase(projectId: string, region?: string): string
}

export function createTestCloud(opts: Partial<CloudOptions> = {}): TestCloud {
  const clock = (opts.clock as ManualClock | undefined) ?? new ManualClock()
  const cloud = createCloud({ dbPath: ':memory:', autoTick: false, ...opts, clock })
  const json: TestCloud['json'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { Host: 'cloud.test:8080' }
    if (o.token) headers['X-Auth-Token'] = o.token
    let body: string | undefined
    if (o.rawBody !== undefined) body = o.rawBody
    else if (o.body !== undefined) body = JSON.stringify(o.body)
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json'
      headers['Content-Length'] = String(Buffer.byteLength(body))
    }
    Object.assign(headers, o.headers)
    const res = await cloud.app.request(`http://cloud.test:8080${path}`, { method, headers, body })
    const text = await res.text()
    let parsed: unknown
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      parsed = text
    }
    return { status: res.status, body: parsed, headers: res.headers }
  }
  return {
    ...cloud,
    clock,
    advance(seconds) {
      clock.advance(seconds * 1000)
      cloud.engine.tick()
    },
    json,
    async login(user, password, project) {
      const res = await json('POST', '/v3/auth/tokens', {
        body: {
          auth: {
            identity: {
              methods: ['password'],
              password: { user: { name: user, domain: { id: 'default' }, password } },
            },
            ...(project
              ? { scope: { project: { name: project, domain: { id: 'default' } } } }
              : {}),
          },
        },
      })
      if (res.status !== 201)
        throw new Error(`login ${user} failed: ${res.status} ${JSON.stringify(res.body)}`)
      return {
        token: res.headers.get('x-subject-token') ?? '',
        projectId: res.body.token.project?.id ?? '',
        body: res.body,
      }
    },
    troveBase(projectId, region = 'RegionOne') {
      return `/trove/${region}/v1.0/${projectId}`
    },
  }
}
