import { afterEach, describe, expect, it } from 'vitest'
import { troveFixture, type Session } from './test-fixtures'
import type { JsonBody } from '../testing'

let fx: Awaited<ReturnType<typeof troveFixture>>
afterEach(() => fx?.t.close())

const st = (res: { body: JsonBody }) => [
  res.body.instance.status,
  res.body.instance.operating_status,
]

/** A primary and `n` replicas, all ACTIVE. */
async function replicated(n = 2, name = 'db1') {
  const primary = await fx.active(fx.demo, { name })
  const res = await fx.create(fx.demo, { name: 'rep', replica_of: primary, replica_count: n })
  expect(res.status).toBe(200)
  fx.t.advance(10)
  const list = await fx.t.json('GET', `${fx.demo.base}/instances/detail`, { token: fx.demo.token })
  const replicas = (list.body.instances as JsonBody[])
    .filter((i) => i.replica_of?.id === primary)
    .sort((x, y) => String(x.name).localeCompare(String(y.name)))
    .map((i) => i.id as string)
  expect(replicas).toHaveLength(n)
  return { primary, replicas }
}

const patch = (s: Session, id: string, instance: unknown, method = 'PATCH') =>
  fx.t.json(method, `${s.base}/instances/${id}`, { token: s.token, body: { instance } })

describe('replicas', () => {
  it('builds replicas with the primary datastore, flavor and volume, named -1..-n', async () => {
    fx = await troveFixture()
    const primary = await fx.active(fx.demo, { name: 'src', flavorRef: '3', volume: { size: 5 } })
    const res = await fx.create(fx.demo, { name: 'r', replica_of: primary, replica_count: 2 })
    expect(res.status).toBe(200)
    expect(res.body.instance).toMatchObject({
      name: 'r-1',
      status: 'BUILD',
      flavor: { id: '3' },
      volume: { size: 5 },
      replica_of: { id: primary },
    })
    fx.t.advance(10)
    const src = await fx.show(fx.demo, primary)
    expect(src.body.instance.replicas).toHaveLength(2)
  })
})

describe('promote_to_replica_source', () => {
  it('PROMOTE on the whole set, then the replica is the source and the old source its replica', async () => {
    fx = await troveFixture()
    const { primary, replicas } = await replicated(2)
    const [a, b] = replicas as [string, string]
    const res = await fx.action(fx.demo, a, { promote_to_replica_source: {} })
    expect(res.status).toBe(202)
    for (const id of [primary, a, b]) {
      expect(st(await fx.show(fx.demo, id))).toEqual(['PROMOTE', ''])
    }
    fx.t.advance(8)
    const newPrimary = await fx.show(fx.demo, a)
    expect(st(newPrimary)).toEqual(['ACTIVE', 'HEALTHY'])
    expect(newPrimary.body.instance.replica_of).toBeUndefined()
    expect(newPrimary.body.instance.replicas.map((r: JsonBody) => r.id).sort()).toEqual(
      [primary, b].sort(),
    )
    const old = await fx.show(fx.demo, primary)
    expect(st(old)).toEqual(['ACTIVE', 'HEALTHY'])
    expect(old.body.instance.replica_of.id).toBe(a)
    expect((await fx.show(fx.demo, b)).body.instance.replica_of.id).toBe(a)
  })

  it('refuses a non-replica (400) and a busy set (422)', async () => {
    fx = await troveFixture()
    const { primary, replicas } = await replicated(1)
    const notReplica = await fx.action(fx.demo, primary, { promote_to_replica_source: {} })
    expect(notReplica.status).toBe(400)
    expect(notReplica.body.badRequest.message).toBe(`Instance ${primary} is not a replica.`)
    await fx.action(fx.demo, primary, { restart: {} })
    const busy = await fx.action(fx.demo, replicas[0]!, { promote_to_replica_source: {} })
    expect(busy.status).toBe(422)
    expect(busy.body.unprocessableEntity.message).toMatch(
      /replica source: task status was REBOOTING/,
    )
  })

  it('a member in PROMOTE cannot be deleted until the change settles', async () => {
    fx = await troveFixture()
    const { replicas } = await replicated(1)
    await fx.action(fx.demo, replicas[0]!, { promote_to_replica_source: {} })
    const del = await fx.t.json('DELETE', `${fx.demo.base}/instances/${replicas[0]}`, {
      token: fx.demo.token,
    })
    expect(del.status).toBe(422)
  })
})

describe('eject_replica_source', () => {
  it('refuses a source with a heartbeat and a non-source', async () => {
    fx = await troveFixture()
    const { primary, replicas } = await replicated(1)
    const alive = await fx.action(fx.demo, primary, { eject_replica_source: {} })
    expect(alive.status).toBe(400)
    expect(alive.body.badRequest.message).toBe(
      `Replica Source ${primary} cannot be ejected as it has a current heartbeat`,
    )
    const notSource = await fx.action(fx.demo, replicas[0]!, { eject_replica_source: {} })
    expect(notSource.status).toBe(400)
    expect(notSource.body.badRequest.message).toBe(
      `Instance ${replicas[0]} is not a replica source.`,
    )
  })

  it('elects the most current replica when the source is gone (ERROR); the old source leaves', async () => {
    fx = await troveFixture()
    const { primary, replicas } = await replicated(2)
    // The source's guest stops answering: an admin status reset leaves it ERROR (UNKNOWN).
    // (admins reach other projects' instances through their own project's URL)
    const reset = await fx.t.json('POST', `${fx.admin.base}/instances/${primary}/action`, {
      token: fx.admin.token,
      body: { reset_status: {} },
    })
    expect(reset.status).toBe(202)
    expect(st(await fx.show(fx.demo, primary))).toEqual(['ACTIVE', 'ERROR'])
    const res = await fx.action(fx.demo, primary, { eject_replica_source: {} })
    expect(res.status).toBe(202)
    for (const id of [primary, ...replicas]) {
      expect((await fx.show(fx.demo, id)).body.instance.status).toBe('EJECT')
    }
    fx.t.advance(8)
    const [first, second] = replicas as [string, string]
    const elected = await fx.show(fx.demo, first)
    expect(st(elected)).toEqual(['ACTIVE', 'HEALTHY'])
    expect(elected.body.instance.replica_of).toBeUndefined()
    expect(elected.body.instance.replicas.map((r: JsonBody) => r.id)).toEqual([second])
    const old = await fx.show(fx.demo, primary)
    expect(old.body.instance.replica_of).toBeUndefined()
    expect(old.body.instance.replicas).toBeUndefined()
    expect(st(old)).toEqual(['ACTIVE', 'ERROR'])
  })
})

describe('detach', () => {
  it('PATCH replica_of null: DETACH, then standalone after 4 s', async () => {
    fx = await troveFixture()
    const { primary, replicas } = await replicated(1)
    const id = replicas[0]!
    const res = await patch(fx.demo, id, { replica_of: null })
    expect(res.status).toBe(202)
    expect(st(await fx.show(fx.demo, id))).toEqual(['DETACH', ''])
    fx.t.advance(4)
    const done = await fx.show(fx.demo, id)
    expect(st(done)).toEqual(['ACTIVE', 'HEALTHY'])
    expect(done.body.instance.replica_of).toBeUndefined()
    expect((await fx.show(fx.demo, primary)).body.instance.replicas).toBeUndefined()
  })

  it('PATCH slave_of null and PUT replica_of null detach too; a standalone is 400', async () => {
    fx = await troveFixture()
    const { primary, replicas } = await replicated(2)
    expect((await patch(fx.demo, replicas[0]!, { slave_of: null })).status).toBe(202)
    expect((await patch(fx.demo, replicas[1]!, { replica_of: null }, 'PUT')).status).toBe(202)
    const bad = await patch(fx.demo, primary, { replica_of: null })
    expect(bad.status).toBe(400)
    expect(bad.body.badRequest.message).toBe(`Instance ${primary} is not a replica.`)
  })
})

describe('upgrade datastore version', () => {
  it('UPGRADE then ACTIVE/HEALTHY on the new version (by name or id)', async () => {
    fx = await troveFixture()
    const id = await fx.active(fx.demo, { datastore: { type: 'mysql', version: '5.7' } })
    const res = await patch(fx.demo, id, { datastore_version: '8.0' })
    expect(res.status).toBe(202)
    const mid = await fx.show(fx.demo, id)
    expect(st(mid)).toEqual(['UPGRADE', ''])
    expect(mid.body.instance.datastore.version).toBe('8.0')
    fx.t.advance(12)
    const done = await fx.show(fx.demo, id)
    expect(st(done)).toEqual(['ACTIVE', 'HEALTHY'])
    expect(done.body.instance.datastore).toMatchObject({ type: 'mysql', version: '8.0' })
  })

  it('400 for another datastore, an inactive or unknown version, the current one; 422 busy', async () => {
    fx = await troveFixture()
    const id = await fx.active(fx.demo, { datastore: { type: 'mysql', version: '5.7' } })
    const versions = await fx.t.json('GET', `${fx.demo.base}/datastores/postgresql/versions`, {
      token: fx.demo.token,
    })
    const pg12 = versions.body.versions[0].id as string
    const other = await patch(fx.demo, id, { datastore_version: pg12 }, 'PUT')
    expect(other.status).toBe(400)
    expect(other.body.badRequest.message).toMatch(/another datastore/)
    expect((await patch(fx.demo, id, { datastore_version: 'nope' })).body.badRequest.message).toBe(
      "Datastore version 'nope' cannot be found.",
    )
    expect((await patch(fx.demo, id, { datastore_version: '5.7' })).status).toBe(400)
    const maria = await fx.active(fx.demo, {
      name: 'm',
      datastore: { type: 'mariadb', version: '10.4' },
    })
    const inactive = await patch(fx.demo, maria, { datastore_version: '10.11' })
    expect(inactive.status).toBe(400)
    expect(inactive.body.badRequest.message).toBe("Datastore version '10.11' is not active.")
    await fx.action(fx.demo, id, { restart: {} })
    expect((await patch(fx.demo, id, { datastore_version: '8.0' })).status).toBe(422)
  })

  it('a name ending in UPGRADE_ERROR ends in ERROR with a fault', async () => {
    fx = await troveFixture()
    const id = await fx.active(fx.demo, { name: 'x-UPGRADE_ERROR' })
    await patch(fx.demo, id, { datastore_version: '8.0' })
    fx.t.advance(12)
    const done = await fx.show(fx.demo, id)
    expect(done.body.instance.status).toBe('ERROR')
    expect(done.body.instance.fault.message).toMatch(/Upgrade to datastore version 8.0 failed/)
  })
})

describe('access allowed_cidrs', () => {
  it('accepts IPv4 and IPv6 networks and bare hosts; rejects zone ids, leading zeros, duplicates', async () => {
    fx = await troveFixture()
    const id = await fx.active(fx.demo)
    const ok = await patch(
      fx.demo,
      id,
      { access: { allowed_cidrs: ['10.0.0.0/8', '2001:db8::/32', '192.0.2.7', '::1'] } },
      'PUT',
    )
    expect(ok.status).toBe(202)
    fx.t.advance(2)
    for (const bad of ['fe80::1%eth0/64', '010.0.0.0/8', '10.0.0.0/33', '2001:db8::/129']) {
      const res = await patch(fx.demo, id, { access: { allowed_cidrs: [bad] } }, 'PUT')
      expect(res.status, bad).toBe(400)
      expect(res.body.badRequest.message).toMatch(/is not a 'cidr'/)
    }
    const dup = await patch(
      fx.demo,
      id,
      { access: { allowed_cidrs: ['10.0.0.0/8', '10.0.0.0/8'] } },
      'PUT',
    )
    expect(dup.status).toBe(400)
    expect(dup.body.badRequest.message).toMatch(/has non-unique elements/)
  })
})
