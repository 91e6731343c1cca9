import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { journalPageSchema } from '@/api/journal/schemas'
import { tokenBodySchema } from '@/api/identity/schemas'
import { openPostgresStateStore } from '../console-state/postgres-state-store'
import { CONSOLE_REQUEST_HEADER, SESSION_PATH } from '@/api/session/schemas'
import { startServerProcess, type ServerProcess } from '../proof/process'

/**
 * The journal on a real PostgreSQL shared by two console servers (run by
 * `npm run test:postgres`, which starts a throwaway cluster: scripts/with-postgres.sh). Skipped
 * without DATABASE_URL.
 */
const url = process.env.DATABASE_URL
const dir = mkdtempSync(join(tmpdir(), 'journal-pg-'))
const servers: ServerProcess[] = []
afterAll(async () => {
  for (const s of servers) if (!s.exited()) await s.kill('SIGTERM')
  rmSync(dir, { recursive: true, force: true })
})

async function start(name: string): Promise<ServerProcess> {
  const s = await startServerProcess({
    dbPath: join(dir, `${name}.db`),
    taskSpeed: 0.01,
    args: ['--database-url', url ?? '', '--static', join(dir, 'no-spa')],
    startTimeoutMs: 60_000,
  })
  servers.push(s)
  return s
}

async function login(base: string, user: string, password: string) {
  const res = await fetch(`${base}/v3/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: user, domain: { id: 'default' }, password } },
        },
        scope: { project: { name: user === 'admin' ? 'admin' : user, domain: { id: 'default' } } },
      },
    }),
  })
  const body = tokenBodySchema.parse(await res.json())
  return {
    token: res.headers.get('x-subject-token') ?? '',
    projectId: body.token.project?.id ?? '',
  }
}

async function createInstance(
  base: string,
  s: { token: string; projectId: string },
  name: string,
  password: string,
) {
  const res = await fetch(`${base}/trove/RegionOne/v1.0/${s.projectId}/instances`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Auth-Token': s.token },
    body: JSON.stringify({
      instance: { name, flavorRef: '2', volume: { size: 1 }, users: [{ name: 'app', password }] },
    }),
  })
  expect(res.status).toBe(200)
}

async function journal(base: string, token: string, query = '') {
  const res = await fetch(`${base}/console-api/v1/journal${query}`, {
    headers: { 'X-Auth-Token': token },
  })
  expect(res.status).toBe(200)
  return journalPageSchema.parse(await res.json()).entries
}

describe.skipIf(!url)('journal on PostgreSQL', () => {
  it('applies its migrations once when several servers open it', async () => {
    const [a, b] = await Promise.all([
      openPostgresStateStore(url ?? ''),
      openPostgresStateStore(url ?? ''),
    ])
    const rows = await a.query<{ version: number }>(
      'SELECT version FROM console_state_migrations ORDER BY version',
    )
    expect(rows.map((r) => r.version)).toEqual([1, 2])
    await Promise.all([a.close(), b.close()])
  })

  it('two console servers share one journal; a restart loses no entry; secrets are never stored', async () => {
    const [one, two] = await Promise.all([start('one'), start('two')])
    const demo1 = await login(one.url, 'demo', 'demo')
    const alt2 = await login(two.url, 'alt', 'alt')
    await createInstance(one.url, demo1, 'from-one', 'pg-Secret-one-1')
    await createInstance(two.url, alt2, 'from-two', 'pg-Secret-two-2')

    // Each server's member sees its own project's entries, wherever they were written.
    const onOne = await journal(one.url, demo1.token, '?type=request')
    expect(onOne.map((e) => e.summary)).toEqual([
      expect.objectContaining({ instance: expect.objectContaining({ name: 'from-one' }) }),
    ])
    const admin1 = await login(one.url, 'admin', 'secret')
    const all = await journal(one.url, admin1.token, '?type=request&action=create')
    expect(new Set(all.map((e) => e.projectId))).toEqual(new Set([demo1.projectId, alt2.projectId]))

    // Restart server one (SIGTERM: it writes what it queued): nothing recorded is lost.
    const before = await journal(two.url, alt2.token)
    const countBefore = (await journal(one.url, admin1.token, '?limit=500')).length
    await one.kill('SIGTERM')
    const again = await start('one')
    const demoAgain = await login(again.url, 'demo', 'demo')
    expect((await journal(again.url, demoAgain.token, '?type=request')).map((e) => e.id)).toEqual(
      onOne.map((e) => e.id),
    )
    expect(await journal(two.url, alt2.token)).toEqual(expect.arrayContaining(before))
    const adminAgain = await login(again.url, 'admin', 'secret')
    expect(
      (await journal(again.url, adminAgain.token, '?limit=500')).length,
    ).toBeGreaterThanOrEqual(countBefore)

    const dump = execFileSync(process.env.PG_DUMP ?? 'pg_dump', [url ?? ''], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    })
    expect(dump).toContain('from-one')
    expect(dump).toContain('from-two')
    for (const secret of [
      'pg-Secret-one-1',
      'pg-Secret-two-2',
      demo1.token,
      alt2.token,
      'demo", "password"',
    ]) {
      expect(dump).not.toContain(secret)
    }
  }, 180_000)

  it('keeps console sessions beside the journal: one server’s sign-in is known to the other', async () => {
    const [one, two] = await Promise.all([start('sess-one'), start('sess-two')])
    const signIn = await fetch(`${one.url}${SESSION_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [CONSOLE_REQUEST_HEADER]: '1' },
      body: JSON.stringify({
        auth: {
          identity: {
            methods: ['password'],
            password: { user: { name: 'demo', domain: { id: 'default' }, password: 'demo' } },
          },
          scope: { project: { name: 'demo', domain: { id: 'default' } } },
        },
      }),
    })
    expect([signIn.status, signIn.status === 201 ? '' : await signIn.text()]).toEqual([201, ''])
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    expect(cookie).toMatch(/=.+/)
    // Server two never saw the sign-in: it finds the session in the shared PostgreSQL store.
    const onTwo = await fetch(`${two.url}${SESSION_PATH}`, { headers: { Cookie: cookie } })
    expect(onTwo.status).toBe(200)
    expect(tokenBodySchema.parse(await onTwo.json()).token.user.name).toBe('demo')
    const store = await openPostgresStateStore(url ?? '')
    const rows = await store.query<{ n: string }>('SELECT COUNT(*) AS n FROM console_sessions')
    await store.close()
    expect(Number(rows[0]?.n)).toBeGreaterThanOrEqual(1)
  }, 180_000)
})
