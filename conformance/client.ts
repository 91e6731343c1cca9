/** A minimal OpenStack client for the conformance scenario: Keystone login, Trove calls. */

export interface Answer {
  status: number
  body: unknown
}

export interface Login {
  token: string
  projectId: string
  /** Trove base URL for RegionOne, from the catalog. */
  trove: string
}

const PASSWORDS: Record<string, string> = { admin: 'secret', demo: 'demo', alt: 'alt' }

export async function call(
  method: string,
  url: string,
  token: string | undefined,
  body?: unknown,
): Promise<Answer> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (token) headers['X-Auth-Token'] = token
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const res = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  let parsed: unknown = null
  if (text) {
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = text
    }
  }
  return { status: res.status, body: parsed }
}

export function authBody(user: string, password = PASSWORDS[user] ?? user) {
  return {
    auth: {
      identity: {
        methods: ['password'],
        password: { user: { name: user, domain: { name: 'Default' }, password } },
      },
      scope: { project: { name: user, domain: { name: 'Default' } } },
    },
  }
}

export async function login(keystone: string, user: string): Promise<Login> {
  const res = await fetch(`${keystone}/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(authBody(user)),
  })
  if (res.status !== 201) throw new Error(`login ${user} at ${keystone}: ${res.status}`)
  const token = res.headers.get('x-subject-token') ?? ''
  const body = (await res.json()) as {
    token: {
      project: { id: string }
      catalog: {
        type: string
        endpoints: { interface: string; region_id: string; url: string }[]
      }[]
    }
  }
  const db = body.token.catalog.find((c) => c.type === 'database')
  const ep = db?.endpoints.find((e) => e.interface === 'public' && e.region_id === 'RegionOne')
  if (!ep) throw new Error(`no database endpoint in RegionOne at ${keystone}`)
  return { token, projectId: body.token.project.id, trove: ep.url.replace(/\/$/, '') }
}

export async function waitFor(
  what: string,
  read: () => Promise<Answer>,
  done: (a: Answer) => boolean,
  timeoutMs = 90_000,
): Promise<Answer> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const a = await read()
    if (done(a)) return a
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(a.body)}`)
    await new Promise((r) => setTimeout(r, 500))
  }
}
