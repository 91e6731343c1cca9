import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCloud, type TestCloud } from '../testing'
import { ADMIN_REQUIRED } from '../trove/mgmt-guard'
import { diffSnapshots, takeSnapshot } from './db-snapshot'
import { ENDPOINTS, faceOf, fillRoute, type Endpoint, type FuzzFixture } from './endpoints'
import { errorShapeProblem } from './envelopes'
import { buildWorld, defaultMysqlVersion, session, type Who, type World } from './world'

/**
 * Issue 7, tenant isolation matrix: demo (projects demo, demo-staging) owns resources of every
 * kind in both regions; alt walks every endpoint that takes a resource id with demo's ids, under
 * alt's own project path and under demo's, and reads every list. Nothing of demo's comes back,
 * nothing of demo's changes.
 *
 * What each refusal is, as real Trove 18 / Keystone answer it (../shared/reference/trove-wire.md):
 * - Trove, alt's token under demo's project path: AuthorizationMiddleware's webob 403
 *   ("User with tenant id ... cannot access this resource."), before routing.
 * - Trove, demo's resource id under alt's own path: 404 itemNotFound (the lookup is per project).
 * - Trove `/mgmt/...` as a member: 401 `{"unauthorized": {"code": 401, "message": "User does not
 *   have admin privileges."}}` — real Trove's @admin_context raises Forbidden, which its fault
 *   map answers as 401 (issue 8 requires the same), not 403. `DELETE /datastores/{ds}` is a
 *   policy check on the tenant path instead: 403 forbidden.
 * - DBaaS API (no project in the path, the token's project owns services): 404.
 * - Keystone: another user's application credentials are 403; demo's credential id under alt's
 *   own user is 404; alt cannot scope a token to demo's projects (401).
 */

let t: TestCloud
let demo: Who
let staging: Who
let alt: Who
let admin: Who
const worlds: World[] = []
let altWorld: World
let demoSecrets: string[]
let version: { versionId: string; versionName: string }

beforeAll(async () => {
  t = createTestCloud()
  demo = await session(t, 'demo', 'demo', 'demo')
  staging = await session(t, 'demo', 'demo', 'demo-staging')
  alt = await session(t, 'alt', 'alt', 'alt')
  admin = await session(t, 'admin', 'secret', 'admin')
  worlds.push(await buildWorld(t, demo, 'RegionOne', 'dm1'))
  worlds.push(await buildWorld(t, demo, 'RegionTwo', 'dm2'))
  worlds.push(await buildWorld(t, staging, 'RegionOne', 'stg'))
  altWorld = await buildWorld(t, alt, 'RegionOne', 'alt')
  demoSecrets = [...new Set(worlds.flatMap((w) => w.secrets))]
  version = await defaultMysqlVersion(t, alt)
}, 60_000)

afterAll(() => t.close())

/** A fixture whose ids are demo's, for filling the endpoint table. */
function demoFixture(w: World, owner: Who): FuzzFixture {
  return {
    region: w.region,
    member: owner,
    admin,
    w,
    ...version,
    spareToken: '',
    consoleCookie: '',
    spareVersionId: '',
    emptyDatastore: '',
  }
}

interface Answer {
  status: number
  text: string
  body: unknown
  contentType: string | null
}

async function send(method: string, path: string, token: string, raw?: string): Promise<Answer> {
  const headers: Record<string, string> = { Host: 'cloud.test:8080', 'X-Auth-Token': token }
  if (raw !== undefined) headers['Content-Type'] = 'application/json'
  const res = await t.app.request(`http://cloud.test:8080${path}`, {
    method,
    headers,
    body: method === 'GET' ? undefined : raw,
  })
  const text = await res.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {
    // checked by the envelope check
  }
  return { status: res.status, text, body, contentType: res.headers.get('content-type') }
}

/**
 * Demo's ids and names in an answer that were not in the request: alt may see the id it sent
 * echoed in "Resource <id> cannot be found.", never anything else of demo's.
 */
function leaks(answer: string, request: string): string[] {
  return demoSecrets.filter((s) => answer.includes(s) && !request.includes(s))
}

/** The endpoints whose path parameters or body carry one of demo's ids or names. */
function takesDemoIds(e: Endpoint, f: FuzzFixture): boolean {
  const text = JSON.stringify([e.params?.(f) ?? {}, e.bodies?.(f)[0] ?? null])
  return f.w.secrets.some((s) => text.includes(s))
}

/** What alt must get for `e` with demo's ids under alt's own project path (or user). */
function expectedOwnPath(e: Endpoint): { status: number; body?: unknown } {
  const face = faceOf(e.route)
  if (e.route.includes('/mgmt/'))
    return { status: 401, body: { unauthorized: { code: 401, message: ADMIN_REQUIRED } } }
  if (e.method === 'DELETE' && e.route.endsWith('/datastores/:ds')) return { status: 403 }
  if (face === 'keystone') return { status: 403 }
  return { status: 404 }
}

describe('tenant isolation: alt with demo ids', () => {
  it('every endpoint that takes an id refuses alt, under its own path and under demo’s', async () => {
    const before = takeSnapshot(t.store)
    const problems: string[] = []
    let walked = 0
    let sent = 0
    for (const [i, w] of worlds.entries()) {
      const owner = i === 2 ? staging : demo
      const f = demoFixture(w, owner)
      for (const e of ENDPOINTS) {
        if (!takesDemoIds(e, f)) continue
        walked++
        const params = {
          region: w.region,
          tenant: alt.projectId,
          ...(e.params?.(f) ?? {}),
          // Keystone: alt's token on demo's user id.
          ...(e.route.includes(':userId') ? { userId: owner.userId } : {}),
        }
        const body = e.bodies?.(f)[0]
        const raw = body === undefined ? undefined : JSON.stringify(body)
        const paths: [string, { status: number; body?: unknown }][] = [
          [fillRoute(e.route, params), expectedOwnPath(e)],
        ]
        if (e.route.includes(':tenant')) {
          paths.push([fillRoute(e.route, { ...params, tenant: owner.projectId }), { status: 403 }])
        }
        if (e.route.includes(':userId')) {
          paths.push([fillRoute(e.route, { ...params, userId: alt.userId }), { status: 404 }])
        }
        for (const [path, want] of paths) {
          const res = await send(e.method, path, alt.token, raw)
          sent++
          const label = `${e.method} ${path}`
          if (res.status !== want.status)
            problems.push(`${label}: ${res.status}, not ${want.status}`)
          if (want.body !== undefined && JSON.stringify(res.body) !== JSON.stringify(want.body))
            problems.push(`${label}: ${res.text}`)
          const shape = errorShapeProblem(faceOf(path), res.status, res.contentType, res.body)
          if (shape) problems.push(`${label}: ${shape}`)
          const leaked = leaks(res.text, path + (raw ?? ''))
          if (leaked.length) problems.push(`${label}: leaks ${leaked.join(', ')}`)
        }
      }
    }
    if (problems.length) throw new Error(`${problems.length} problems:\n${problems.join('\n')}`)
    // Every refusal left every table as it was: demo's resources unchanged.
    expect(diffSnapshots(before, takeSnapshot(t.store))).toEqual([])
    // Each of the three worlds has ids in most of the table: the walk is not vacuous.
    expect(walked).toBeGreaterThan(3 * 50)
    console.info(`isolation: ${walked} endpoint walks with demo's ids, ${sent} requests`)
  })

  it('alt’s lists hold alt’s resources and none of demo’s', async () => {
    for (const region of ['RegionOne', 'RegionTwo']) {
      const trove = t.troveBase(alt.projectId, region)
      const dbaas = `/dbaas/${region}/v2`
      const lists = [
        `${trove}/instances`,
        `${trove}/instances/detail`,
        `${trove}/instances?limit=1000`,
        `${trove}/backups`,
        `${trove}/backups?instance_id=${worlds[0]!.instanceId}`,
        `${trove}/configurations`,
        `${trove}/backup_strategies`,
        `${trove}/limits`,
        `${dbaas}/dbaas-service`,
        `${dbaas}/dbaas-external-endpoints`,
        `/v3/auth/projects`,
        `/v3/users/${alt.userId}/application_credentials`,
      ]
      for (const path of lists) {
        const res = await send('GET', path, alt.token)
        expect({ path, status: res.status }).toEqual({ path, status: 200 })
        expect({ path, leaks: leaks(res.text, path) }).toEqual({ path, leaks: [] })
      }
      if (region === 'RegionOne') {
        // The lists work: alt's own resources are there.
        const own = await send('GET', `${trove}/instances`, alt.token)
        expect(own.text).toContain(altWorld.instanceId)
        const svc = await send('GET', `${dbaas}/dbaas-service`, alt.token)
        expect(svc.text).toContain(altWorld.names.mysql)
        const creds = await send(
          'GET',
          `/v3/users/${alt.userId}/application_credentials`,
          alt.token,
        )
        expect(creds.text).toContain(altWorld.appCredId)
      }
    }
  })

  it('lists across projects are refused to alt', async () => {
    const trove = t.troveBase(alt.projectId)
    const refused: [string, number][] = [
      [`${trove}/backups?all_projects=true`, 403],
      [`${trove}/backups?project_id=${demo.projectId}`, 403],
      [`${trove}/backup_strategies?project_id=${demo.projectId}`, 403],
      [`${trove}/mgmt/instances`, 401],
      [`${trove}/mgmt/instances?project_id=${demo.projectId}`, 401],
      [`${trove}/mgmt/quotas/${demo.projectId}`, 403],
      [`${t.troveBase(demo.projectId)}/instances`, 403],
      [`${t.troveBase(staging.projectId, 'RegionTwo')}/backups`, 403],
      [`/v3/users/${demo.userId}/application_credentials`, 403],
    ]
    for (const [path, status] of refused) {
      const res = await send('GET', path, alt.token)
      expect({ path, status: res.status, leaks: leaks(res.text, path) }).toEqual({
        path,
        status,
        leaks: [],
      })
      expect(errorShapeProblem(faceOf(path), res.status, res.contentType, res.body)).toBeNull()
    }
    // ?all_projects on the instance list is not a filter Trove knows: alt still sees only alt's.
    const all = await send('GET', `${trove}/instances?all_projects=true`, alt.token)
    expect(all.status).toBe(200)
    expect(leaks(all.text, '')).toEqual([])
  })

  it('Keystone: alt cannot scope into demo’s projects nor read demo’s credentials', async () => {
    for (const project of [demo.projectId, staging.projectId]) {
      const byPassword = await t.json('POST', '/v3/auth/tokens', {
        body: {
          auth: {
            identity: {
              methods: ['password'],
              password: { user: { name: 'alt', domain: { id: 'default' }, password: 'alt' } },
            },
            scope: { project: { id: project } },
          },
        },
      })
      expect(byPassword.status).toBe(401)
      expect(byPassword.headers.get('x-subject-token')).toBeNull()
      const byToken = await t.json('POST', '/v3/auth/tokens', {
        body: {
          auth: {
            identity: { methods: ['token'], token: { id: alt.token } },
            scope: { project: { id: project } },
          },
        },
      })
      expect(byToken.status).toBe(401)
      expect(byToken.headers.get('x-subject-token')).toBeNull()
    }
    const projects = await send('GET', '/v3/auth/projects', alt.token)
    expect(projects.text).not.toContain(demo.projectId)
    expect(projects.text).not.toContain(staging.projectId)
    // Demo's token is not alt's to inspect or revoke? Keystone lets any valid token validate
    // another (GET /v3/auth/tokens is how services check tokens); revoking one is its owner's.
    const cred = worlds[0]!.appCredId
    for (const method of ['GET', 'DELETE']) {
      const res = await send(
        method,
        `/v3/users/${demo.userId}/application_credentials/${cred}`,
        alt.token,
      )
      expect(res.status).toBe(403)
      expect(leaks(res.text, `${demo.userId}/${cred}`)).toEqual([])
    }
    const still = await send(
      'GET',
      `/v3/users/${demo.userId}/application_credentials/${cred}`,
      demo.token,
    )
    expect(still.status).toBe(200)
  })
})
