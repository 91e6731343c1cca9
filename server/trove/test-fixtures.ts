import { createTestCloud, type TestCloud } from '../testing'

export interface Session {
  token: string
  projectId: string
  base: string
}

/** A cloud with demo (member), alt (member) and admin sessions. */
export async function troveFixture(opts: Parameters<typeof createTestCloud>[0] = {}) {
  const t: TestCloud = createTestCloud(opts)
  const mk = async (u: string, p: string, project: string): Promise<Session> => {
    const s = await t.login(u, p, project)
    return { token: s.token, projectId: s.projectId, base: t.troveBase(s.projectId) }
  }
  const demo = await mk('demo', 'demo', 'demo')
  const alt = await mk('alt', 'alt', 'alt')
  const admin = await mk('admin', 'secret', 'admin')
  const create = async (s: Session, instance: Record<string, unknown>, region = 'RegionOne') =>
    t.json('POST', `${t.troveBase(s.projectId, region)}/instances`, {
      token: s.token,
      body: { instance },
    })
  const show = async (s: Session, id: string) =>
    t.json('GET', `${s.base}/instances/${id}`, { token: s.token })
  const action = async (s: Session, id: string, body: unknown) =>
    t.json('POST', `${s.base}/instances/${id}/action`, { token: s.token, body })
  /** Creates an instance and runs its build to the end. */
  const active = async (s: Session, instance: Record<string, unknown> = {}) => {
    const res = await create(s, { name: 'db1', flavorRef: '2', volume: { size: 2 }, ...instance })
    if (res.status !== 200) throw new Error(JSON.stringify(res.body))
    t.advance(10)
    return res.body.instance.id as string
  }
  return { t, demo, alt, admin, create, show, action, active }
}

export const count = (t: TestCloud, table: string): number =>
  (t.store.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n
