import { expect, test, type APIRequestContext, type Page } from '@playwright/test'

export const PASSWORDS: Record<string, string> = { admin: 'secret', demo: 'demo', alt: 'alt' }

/** A unique, readable instance name for one test. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`
}

/** Signs in through the login page, as a person would. */
export async function login(page: Page, user = 'demo', project?: string) {
  await page.goto('/login')
  await page.getByRole('textbox', { name: 'User name', exact: true }).fill(user)
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORDS[user] ?? user)
  if (project) await page.getByLabel('Project').fill(project)
  await page.getByRole('button', { name: 'Sign in' }).click()
  // Signed in once the shell shows: the URL alone also matches /login?redirect=/instances.
  await page.waitForURL((url) => url.pathname.startsWith('/instances'))
  await expect(page.getByRole('banner')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
}

interface ApiSession {
  token: string
  projectId: string
  trove: (region?: string) => string
}

/** Gets a project-scoped token straight from Keystone, for arranging data and API-level checks. */
export async function apiLogin(request: APIRequestContext, user = 'demo'): Promise<ApiSession> {
  const res = await request.post('/v3/auth/tokens', {
    data: {
      auth: {
        identity: {
          methods: ['password'],
          password: {
            user: { name: user, domain: { name: 'Default' }, password: PASSWORDS[user] ?? user },
          },
        },
        scope: { project: { name: user, domain: { name: 'Default' } } },
      },
    },
  })
  expect(res.status()).toBe(201)
  const token = res.headers()['x-subject-token'] ?? ''
  const body = (await res.json()) as {
    token: {
      project: { id: string }
      catalog: {
        type: string
        endpoints: { region_id: string; interface: string; url: string }[]
      }[]
    }
  }
  const db = body.token.catalog.find((c) => c.type === 'database')
  return {
    token,
    projectId: body.token.project.id,
    trove: (region = 'RegionOne') => {
      const ep = db?.endpoints.find((e) => e.region_id === region && e.interface === 'public')
      return new URL(ep?.url ?? '').pathname
    },
  }
}

/** Creates an instance through the Trove API and returns its id. */
export async function apiCreateInstance(
  request: APIRequestContext,
  s: ApiSession,
  name: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const res = await request.post(`${s.trove()}/instances`, {
    headers: { 'X-Auth-Token': s.token },
    data: {
      instance: {
        name,
        flavorRef: '2',
        volume: { size: 2 },
        datastore: { type: 'mysql', version: '5.7' },
        ...extra,
      },
    },
  })
  expect(res.status()).toBe(200)
  const body = (await res.json()) as { instance: { id: string } }
  return body.instance.id
}

/**
 * Deletes an instance through the API and waits until it is gone (an action still running refuses
 * the delete for a moment), so a spec gives back its share of the project's instance quota.
 */
export async function apiDeleteInstance(
  request: APIRequestContext,
  s: ApiSession,
  id: string,
): Promise<void> {
  await apiDeleteUntilGone(request, s, `instances/${id}`)
}

/** Deletes a Trove resource (`instances/ID`, `backups/ID`, ...) and waits until it answers 404. */
async function apiDeleteUntilGone(request: APIRequestContext, s: ApiSession, path: string) {
  const headers = { 'X-Auth-Token': s.token }
  const url = `${s.trove()}/${path}`
  await expect
    .poll(async () => [202, 404].includes((await request.delete(url, { headers })).status()), {
      timeout: 60_000,
      intervals: [1000],
    })
    .toBe(true)
  await expect
    .poll(async () => (await request.get(url, { headers })).status(), {
      timeout: 60_000,
      intervals: [1000],
    })
    .toBe(404)
}

/** What `deleteAfterEach` deletes, in the order it deletes them: what depends on another first. */
const DELETE_ORDER = ['backups', 'instances', 'configurations'] as const

/**
 * What a spec's tests create goes after each test, passed or failed: a reused cloud (the
 * reference cloud between runs) keeps whatever a test leaves, and fills its projects' quotas.
 * Call once at the top of a spec file; the function it returns records an instance (or a backup
 * or configuration group, by `kind`) that `user` created and returns its id. After each test
 * what was recorded is deleted as that user, backups before instances before configuration
 * groups (a group in use cannot go), waiting until each is gone; nothing else is.
 */
export function deleteAfterEach(): (
  user: string,
  id: string,
  kind?: (typeof DELETE_ORDER)[number],
) => string {
  const created: { user: string; id: string; kind: (typeof DELETE_ORDER)[number] }[] = []
  test.afterEach(async ({ request }) => {
    const sessions = new Map<string, ApiSession>()
    const order = created
      .splice(0)
      .sort((a, b) => DELETE_ORDER.indexOf(a.kind) - DELETE_ORDER.indexOf(b.kind))
    for (const { user, id, kind } of order) {
      const s = sessions.get(user) ?? (await apiLogin(request, user))
      sessions.set(user, s)
      await apiDeleteUntilGone(request, s, `${kind}/${id}`)
    }
  })
  return (user, id, kind = 'instances') => {
    created.push({ user, id, kind })
    return id
  }
}

/** Waits (through the API) until an instance has the status (ACTIVE unless told). */
export async function apiWaitStatus(
  request: APIRequestContext,
  s: ApiSession,
  id: string,
  status = 'ACTIVE',
) {
  await expect
    .poll(
      async () => {
        const res = await request.get(`${s.trove()}/instances/${id}`, {
          headers: { 'X-Auth-Token': s.token },
        })
        return ((await res.json()) as { instance: { status: string } }).instance.status
      },
      { timeout: 30_000 },
    )
    .toBe(status)
}

/** Creates an application credential for `user` on its project (Keystone's API). */
export async function apiAppCredential(request: APIRequestContext, user = 'demo') {
  const s = await apiLogin(request, user)
  const who = await request.get('/v3/auth/tokens', {
    headers: { 'X-Auth-Token': s.token, 'X-Subject-Token': s.token },
  })
  const userId = ((await who.json()) as { token: { user: { id: string } } }).token.user.id
  const res = await request.post(`/v3/users/${userId}/application_credentials`, {
    headers: { 'X-Auth-Token': s.token },
    data: { application_credential: { name: uniqueName('wall') } },
  })
  expect(res.status()).toBe(201)
  const body = (await res.json()) as { application_credential: { id: string; secret: string } }
  return body.application_credential
}

/** Gives the page's wall a credential before any script runs (what the setup screen stores). */
export async function giveWallCredential(page: Page, cred: { id: string; secret: string }) {
  await page.addInitScript((c) => {
    localStorage.setItem('dbaas-console.wall-credential', JSON.stringify(c))
  }, cred)
}
