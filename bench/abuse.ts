/**
 * One client against everyone (issue 19): `/healthz` p50/p99 while a single client sends the
 * worst request it can, beside the same figure alone and under normal load, and login timing for
 * known and unknown users. Runs the real server with its default limits. Results:
 * bench/results/abuse-latest.json (summarised in bench/RESULTS.md).
 */
import { availableParallelism, loadavg } from 'node:os'
import { healthzBesideWorst, round, runLoad } from './load'
import { runBench, startServer, writeResults } from './lib'

const PORT = Number(process.env.BENCH_PORT ?? 8204)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8)
const OUT = 'bench/results/abuse-latest.json'

const loginBody = (name: string, password: string, pad = 0) =>
  JSON.stringify({
    auth: {
      identity: {
        methods: ['password'],
        password: {
          user: { name, domain: { id: 'default' }, password: password + 'x'.repeat(pad) },
        },
      },
      scope: { project: { name: 'demo', domain: { id: 'default' } } },
    },
  })

async function login(origin: string): Promise<{ token: string; base: string }> {
  const res = await fetch(`${origin}/v3/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: loginBody('demo', 'demo'),
  })
  if (res.status !== 201) throw new Error(`login: ${res.status}`)
  const body = (await res.json()) as { token: { project: { id: string } } }
  return {
    token: res.headers.get('x-subject-token') ?? '',
    base: `${origin}/trove/RegionOne/v1.0/${body.token.project.id}`,
  }
}

async function send(url: string, method: string, token: string | null, body?: string) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  if (token) headers['X-Auth-Token'] = token
  const res = await fetch(url, { method, headers, body })
  await res.arrayBuffer()
  return res.status
}

async function loginTiming(origin: string, name: string, n: number) {
  const ms: number[] = []
  for (let i = 0; i < n; i++) {
    const s = performance.now()
    await send(`${origin}/v3/auth/tokens`, 'POST', null, loginBody(name, 'wrong-password'))
    ms.push(performance.now() - s)
  }
  ms.sort((a, b) => a - b)
  return { medianMs: round(ms[Math.floor(n / 2)] ?? NaN, 1), n }
}

runBench(async () => {
  // The server's defaults (bench/lib turns the rate limit off; this bench wants it on).
  const server = await startServer(PORT, ['--demo-instances', '1', '--rate-limit', '200'])
  const origin = server.url.replace(/\/$/, '')
  const healthz = `${origin}/healthz`
  try {
    const demo = await login(origin)
    const list = (await (
      await fetch(`${demo.base}/instances`, { headers: { 'X-Auth-Token': demo.token } })
    ).json()) as { instances: { id: string }[] }
    const id = list.instances[0]?.id
    if (!id) throw new Error('no seeded instance')
    const fifty = Array.from({ length: 50 }, (_, i) => ({ name: `u${i}`, password: `secret-${i}` }))
    const made = await send(
      `${demo.base}/instances/${id}/users`,
      'POST',
      demo.token,
      JSON.stringify({ users: fifty }),
    )
    if (made !== 202) throw new Error(`users: ${made}`)
    const ms = SECONDS * 1000

    const alone = await runLoad(healthz, {}, ms, 4)
    const normal = await healthzBesideWorst(
      healthz,
      () => send(`${demo.base}/instances`, 'GET', demo.token),
      ms,
    )
    const worst = {
      'PUT 50 users (the most one request may name: 50 scrypt hashes)': () =>
        send(
          `${demo.base}/instances/${id}/users`,
          'PUT',
          demo.token,
          JSON.stringify({ users: fifty }),
        ),
      'PUT 1,000 users (the 29 s freeze of the issue; now 400 before hashing)': () =>
        send(
          `${demo.base}/instances/${id}/users`,
          'PUT',
          demo.token,
          JSON.stringify({ users: Array.from({ length: 1000 }, () => fifty[0]) }),
        ),
      'POST login, 112 KiB body, unknown users (hash each; lockout after 30)': () =>
        send(
          `${origin}/v3/auth/tokens`,
          'POST',
          null,
          loginBody(`nobody-${Math.random()}`, 'x', 114_000),
        ),
      'POST 1 MiB instance create (largest body; validated and refused)': () =>
        send(
          `${demo.base}/instances`,
          'POST',
          demo.token,
          JSON.stringify({ instance: { name: 'x'.repeat(1024 * 1024 - 40) } }),
        ),
    }
    const scenarios: Record<string, Awaited<ReturnType<typeof healthzBesideWorst>>> = {}
    for (const [name, fn] of Object.entries(worst)) {
      scenarios[name] = await healthzBesideWorst(healthz, fn, ms)
      console.error(`${name}: healthz p99 ${scenarios[name].healthz.p99Ms} ms`)
    }
    await server.stop()

    // Login timing with the lockouts off (they would answer 429 at once after a few tries).
    const timing = await startServer(PORT, ['--login-lockout', '0', '--login-lockout-address', '0'])
    const t = timing.url.replace(/\/$/, '')
    const known = await loginTiming(t, 'demo', 20)
    const unknown = await loginTiming(t, 'nobody-at-all', 20)
    await timing.stop()

    writeResults(OUT, {
      date: new Date().toISOString(),
      // The machine's load while it ran (a shared machine skews every figure).
      loadAverage: loadavg().map((n) => round(n, 1)),
      cores: availableParallelism(),
      seconds: SECONDS,
      healthzAlone: alone,
      healthzBesideNormalLoad: normal,
      healthzBesideWorstClient: scenarios,
      loginRefusal: { knownUserWrongPassword: known, unknownUser: unknown },
    })
  } catch (e) {
    await server.stop().catch(() => undefined)
    throw e
  }
})
