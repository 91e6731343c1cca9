/**
 * Just enough of Keystone v3 and Trove v1.0 for the benchmarks to arrange data on any cloud that
 * speaks them: the embedded one and the real reference cloud (Keystone 22 + Trove 18).
 */

export interface CloudSession {
  token: string
  userId: string
  projectId: string
  /** Trove's public endpoint for RegionOne, e.g. http://127.0.0.1:8779/v1.0/{projectId}. */
  trove: string
}

interface TokenBody {
  token: {
    user: { id: string }
    project?: { id: string }
    catalog?: { type: string; endpoints: { region_id: string; interface: string; url: string }[] }[]
  }
}

/** Password login scoped to a project of the same name (the demo logins are built that way). */
export async function keystoneLogin(
  keystoneV3: string,
  user: string,
  password: string,
  project = user,
): Promise<CloudSession> {
  const res = await fetch(`${keystoneV3}/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: user, domain: { name: 'Default' }, password } },
        },
        scope: { project: { name: project, domain: { name: 'Default' } } },
      },
    }),
  })
  if (res.status !== 201) throw new Error(`login ${user}: HTTP ${res.status} ${await res.text()}`)
  const token = res.headers.get('x-subject-token') ?? ''
  const body = (await res.json()) as TokenBody
  const db = body.token.catalog?.find((c) => c.type === 'database')
  const ep = db?.endpoints.find((e) => e.region_id === 'RegionOne' && e.interface === 'public')
  if (!ep || !body.token.project) throw new Error(`login ${user}: no database endpoint`)
  return {
    token,
    userId: body.token.user.id,
    projectId: body.token.project.id,
    trove: ep.url.replace(/\/$/, ''),
  }
}

export async function troveRequest<T>(
  s: CloudSession,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; data: T }> {
  const res = await fetch(path.startsWith('http') ? path : `${s.trove}${path}`, {
    method,
    headers: {
      'X-Auth-Token': s.token,
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, data: (text ? JSON.parse(text) : {}) as T }
}

/** An admin raises a project's quotas (`PUT /mgmt/quotas/{project}`). */
export async function raiseQuotas(
  admin: CloudSession,
  projectId: string,
  quotas: Record<string, number>,
): Promise<void> {
  const r = await troveRequest(admin, 'PUT', `/mgmt/quotas/${projectId}`, { quotas })
  if (r.status !== 200) throw new Error(`quotas: HTTP ${r.status} ${JSON.stringify(r.data)}`)
}

export interface ListedInstance {
  id: string
  name: string
  status: string
  operating_status?: string
}
interface InstancePage {
  instances: ListedInstance[]
  links?: { rel: string; href: string }[]
}

/** Every instance of the project, following `next` links. */
export async function listAllInstances(s: CloudSession): Promise<ListedInstance[]> {
  const all: ListedInstance[] = []
  let url: string | undefined = `${s.trove}/instances/detail?limit=1000`
  while (url) {
    const r: { status: number; data: InstancePage } = await troveRequest<InstancePage>(
      s,
      'GET',
      url,
    )
    if (r.status !== 200) throw new Error(`list: HTTP ${r.status}`)
    all.push(...r.data.instances)
    const next = r.data.links?.find((l) => l.rel === 'next')?.href
    // Trove builds `next` from its own host name; keep the origin we talk to.
    url = next ? `${s.trove}/instances/detail${new URL(next).search}` : undefined
  }
  return all
}

/** Runs `task(i)` for i in [0, n) with at most `concurrency` in flight. */
export async function pool(n: number, concurrency: number, task: (i: number) => Promise<void>) {
  let next = 0
  const worker = async () => {
    while (next < n) await task(next++)
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker))
}

/** Names `${prefix}-0001` ... that the project does not have yet, up to `count`. */
export function missingNames(prefix: string, count: number, have: ListedInstance[]): string[] {
  const taken = new Set(have.map((i) => i.name))
  return Array.from(
    { length: count },
    (_, i) => `${prefix}-${String(i + 1).padStart(4, '0')}`,
  ).filter((n) => !taken.has(n))
}

/**
 * Creates mysql 5.7 instances (flavor 2, 1 GB volume) with these names, `concurrency` creates in
 * flight; returns their ids and the wall time it took. The first create runs alone: real Trove
 * answers 500 to concurrent first creates of a project (both insert its quota_usages row).
 */
export async function createInstances(
  s: CloudSession,
  names: string[],
  concurrency: number,
): Promise<{ ids: string[]; ms: number }> {
  const ids: string[] = []
  const t0 = performance.now()
  const create = async (name: string) => {
    const body = {
      instance: {
        name,
        flavorRef: '2',
        volume: { size: 1 },
        datastore: { type: 'mysql', version: '5.7' },
      },
    }
    const r = await troveRequest<{ instance?: { id: string } }>(s, 'POST', '/instances', body)
    if (r.status !== 200 || !r.data.instance) {
      throw new Error(`create ${name}: HTTP ${r.status} ${JSON.stringify(r.data)}`)
    }
    ids.push(r.data.instance.id)
  }
  if (names.length > 0) await create(names[0] ?? '')
  await pool(names.length - 1, concurrency, (i) => create(names[i + 1] ?? ''))
  return { ids, ms: performance.now() - t0 }
}

/** Polls the list until `done(list)` holds; returns the last list. */
export async function waitForInstances(
  s: CloudSession,
  done: (list: ListedInstance[]) => boolean,
  timeoutMs: number,
  everyMs = 2000,
): Promise<ListedInstance[]> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const list = await listAllInstances(s)
    if (done(list)) return list
    if (Date.now() > deadline) {
      const counts: Record<string, number> = {}
      for (const i of list) counts[i.status] = (counts[i.status] ?? 0) + 1
      throw new Error(`instances did not settle: ${JSON.stringify(counts)}`)
    }
    await new Promise((r) => setTimeout(r, everyMs))
  }
}
