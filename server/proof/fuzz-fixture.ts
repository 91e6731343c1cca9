import type { TestCloud } from '../testing'
import type { FuzzFixture } from './endpoints'
import { buildWorld, defaultMysqlVersion, session } from './world'

const IMAGE = '11111111-2222-4333-8444-555555555555'

/**
 * The fixture the endpoint table's valid requests need: a member's world of resources in
 * RegionOne, an admin, a spare token, a deletable version and an empty datastore. Used by the
 * fuzz and by the response contract test.
 */
export async function buildFuzzFixture(t: TestCloud): Promise<FuzzFixture> {
  const member = await session(t, 'demo', 'demo', 'demo')
  const admin = await session(t, 'admin', 'secret', 'admin')
  const spare = await session(t, 'demo', 'demo', 'demo')
  const signIn = await t.json('POST', '/console-api/v1/session', {
    headers: { 'X-Console-Request': '1' },
    body: {
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'demo', domain: { id: 'default' }, password: 'demo' } },
        },
        scope: { project: { name: 'demo', domain: { id: 'default' } } },
      },
    },
  })
  const consoleCookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  if (signIn.status !== 201 || !consoleCookie) throw new Error(`console session: ${signIn.status}`)
  const w = await buildWorld(t, member, 'RegionOne', 'fz')
  // A version no instance uses, and a datastore whose only version was deleted.
  const mgmt = `${t.troveBase(admin.projectId)}/mgmt/datastore-versions`
  const version = (name: string, datastore: string) => ({
    version: {
      name,
      datastore_name: datastore,
      datastore_manager: 'mysql',
      image: IMAGE,
      active: true,
    },
  })
  for (const [name, store] of [
    ['fuzz-spare', 'mysql'],
    ['fuzz-gone', 'fuzzstore'],
  ] as const) {
    const res = await t.json('POST', mgmt, { token: admin.token, body: version(name, store) })
    if (res.status !== 202) throw new Error(`version ${name}: ${res.status}`)
  }
  const versions = (await t.json('GET', mgmt, { token: admin.token })).body.versions as {
    id: string
    name: string
  }[]
  const idOf = (name: string) => versions.find((v) => v.name === name)?.id ?? ''
  const gone = await t.json('DELETE', `${mgmt}/${idOf('fuzz-gone')}`, { token: admin.token })
  if (gone.status !== 202) throw new Error(`delete version: ${gone.status}`)
  return {
    spareVersionId: idOf('fuzz-spare'),
    emptyDatastore: 'fuzzstore',
    region: 'RegionOne',
    member,
    admin,
    w,
    ...(await defaultMysqlVersion(t, member)),
    spareToken: spare.token,
    consoleCookie,
  }
}
