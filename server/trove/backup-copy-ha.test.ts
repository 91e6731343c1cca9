import { BACKUP_DELETE_SECONDS } from '../engine/backup-task-kinds'
import { afterEach, describe, expect, it } from 'vitest'
import { setQuota } from '../store/quota-queries'
import { troveFixture, type Session } from './test-fixtures'

let fx: Awaited<ReturnType<typeof troveFixture>>
afterEach(() => fx?.t.close())

const two = (s: Session) => fx.t.troveBase(s.projectId, 'RegionTwo')
const backup = (s: Session, body: Record<string, unknown>) =>
  fx.t.json('POST', `${s.base}/backups`, { token: s.token, body: { backup: body } })
const copy = (s: Session, id: string, body: unknown) =>
  fx.t.json('POST', `${s.base}/backups/${id}/action`, { token: s.token, body })
const listIn = (s: Session, base: string, q = '') =>
  fx.t.json('GET', `${base}/backups${q}`, { token: s.token })

async function completed(s: Session, body: Record<string, unknown>): Promise<string> {
  const res = await backup(s, body)
  if (res.status !== 202) throw new Error(JSON.stringify(res.body))
  fx.t.advance(10)
  return res.body.backup.id as string
}

describe('copy a backup to another region (Rackspace copy-backup)', () => {
  it('answers 202 with no body; the copy shows in the target region NEW then COMPLETED', async () => {
    fx = await troveFixture()
    const inst = await fx.active(fx.demo)
    const id = await completed(fx.demo, { name: 'orig', instance: inst, description: 'd' })
    const res = await copy(fx.demo, id, {
      'copy-backup': { target_backup_region: 'RegionTwo', name: 'r1-to-r2', description: 'a copy' },
    })
    expect(res.status).toBe(202)
    expect(res.body).toBeNull()
    const location = res.headers.get('location') ?? ''
    const copyId = location.split('/').pop()
    expect(location).toBe(
      `http://cloud.test:8080/trove/RegionTwo/v1.0/${fx.demo.projectId}/backups/${copyId}`,
    )
    const listed = await listIn(fx.demo, two(fx.demo))
    expect(listed.body.backups).toHaveLength(1)
    expect(listed.body.backups[0]).toMatchObject({
      id: copyId,
      name: 'r1-to-r2',
      description: 'a copy',
      status: 'NEW',
      instance_id: null,
      parent_id: null,
      size: 0.14,
      project_id: fx.demo.projectId,
      datastore: { type: 'mysql', version: '5.7' },
    })
    // The source region is unchanged, and the instance is not busy.
    expect((await listIn(fx.demo, fx.demo.base)).body.backups).toHaveLength(1)
    expect((await fx.show(fx.demo, inst)).body.instance.status).toBe('ACTIVE')
    fx.t.advance(8)
    const done = await fx.t.json('GET', `${two(fx.demo)}/backups/${copyId}`, {
      token: fx.demo.token,
    })
    expect(done.body.backup).toMatchObject({
      status: 'COMPLETED',
      locationRef: expect.stringContaining(
        `swift.regiontwo.dbaas.local:8080/v1/AUTH_${fx.demo.projectId}/database_backups/${copyId}`,
      ),
    })
    // The copy restores in its region.
    const restored = await fx.create(
      fx.demo,
      { name: 'dr', flavorRef: '2', volume: { size: 2 }, restorePoint: { backupRef: copyId } },
      'RegionTwo',
    )
    expect(restored.status).toBe(200)
  })

  it('keeps name and description when the body gives none', async () => {
    fx = await troveFixture()
    const inst = await fx.active(fx.demo)
    const id = await completed(fx.demo, { name: 'orig', instance: inst, description: 'd' })
    await copy(fx.demo, id, { 'copy-backup': { target_backup_region: 'RegionTwo' } })
    const b = (await listIn(fx.demo, two(fx.demo))).body.backups[0]
    expect([b.name, b.description]).toEqual(['orig', 'd'])
  })

  it('copies an incremental only when its parent is in the target region: else 400', async () => {
    fx = await troveFixture()
    const inst = await fx.active(fx.demo)
    const full = await completed(fx.demo, { name: 'full', instance: inst })
    const inc = await completed(fx.demo, { name: 'inc', instance: inst, incremental: 1 })
    const early = await copy(fx.demo, inc, { 'copy-backup': { target_backup_region: 'RegionTwo' } })
    expect(early).toMatchObject({
      status: 400,
      body: {
        badRequest: {
          code: 400,
          message: `Backup ${inc} is incremental and its parent ${full} is not in region RegionTwo: copy the parent there first.`,
        },
      },
    })
    await copy(fx.demo, full, { 'copy-backup': { target_backup_region: 'RegionTwo' } })
    const ok = await copy(fx.demo, inc, { 'copy-backup': { target_backup_region: 'RegionTwo' } })
    expect(ok.status).toBe(202)
    fx.t.advance(8)
    const listed = (await listIn(fx.demo, two(fx.demo))).body.backups
    const fullCopy = listed.find((b: { name: string }) => b.name === 'full')
    const incCopy = listed.find((b: { name: string }) => b.name === 'inc')
    expect(incCopy.parent_id).toBe(fullCopy.id)
    // Copying the copy back: its parent's data is in RegionOne (the original).
    const back = await fx.t.json('POST', `${two(fx.demo)}/backups/${incCopy.id}/action`, {
      token: fx.demo.token,
      body: { 'copy-backup': { target_backup_region: 'RegionOne' } },
    })
    expect(back.status).toBe(202)
    const r1 = (await listIn(fx.demo, fx.demo.base)).body.backups
    expect(r1[0].parent_id).toBe(full)
    // Deleting the parent copy deletes the incremental copy with it.
    await fx.t.json('DELETE', `${two(fx.demo)}/backups/${fullCopy.id}`, { token: fx.demo.token })
    fx.t.advance(BACKUP_DELETE_SECONDS)
    expect((await listIn(fx.demo, two(fx.demo))).body.backups).toEqual([])
  })

  it('validates: body, region, same region, not completed, quota, isolation', async () => {
    fx = await troveFixture()
    const inst = await fx.active(fx.demo)
    const id = await completed(fx.demo, { name: 'orig', instance: inst })
    const noRegion = await copy(fx.demo, id, { 'copy-backup': {} })
    expect(noRegion.body.badRequest.message).toBe(
      "Validation error: copy-backup 'target_backup_region' is a required property",
    )
    const unknownAction = await copy(fx.demo, id, { bogus: {} })
    expect(unknownAction.status).toBe(400)
    const badRegion = await copy(fx.demo, id, {
      'copy-backup': { target_backup_region: 'Nowhere' },
    })
    expect(badRegion.body.badRequest.message).toContain("Region 'Nowhere' cannot be found")
    const same = await copy(fx.demo, id, { 'copy-backup': { target_backup_region: 'RegionOne' } })
    expect(same.body.badRequest.message).toContain('is already in region RegionOne')
    const running = await backup(fx.demo, { name: 'running', instance: inst })
    const notDone = await copy(fx.demo, running.body.backup.id, {
      'copy-backup': { target_backup_region: 'RegionTwo' },
    })
    expect(notDone.status).toBe(422)
    fx.t.advance(10)
    setQuota(fx.t.store, fx.demo.projectId, 'RegionTwo', 'backups', 0)
    const over = await copy(fx.demo, id, { 'copy-backup': { target_backup_region: 'RegionTwo' } })
    expect(over.status).toBe(413)
    const alt = await copy(fx.alt, id, { 'copy-backup': { target_backup_region: 'RegionTwo' } })
    expect(alt.status).toBe(404)
    // A copy in flight cannot be deleted.
    setQuota(fx.t.store, fx.demo.projectId, 'RegionTwo', 'backups', 50)
    await copy(fx.demo, id, { 'copy-backup': { target_backup_region: 'RegionTwo' } })
    const c = (await listIn(fx.demo, two(fx.demo))).body.backups[0]
    const del = await fx.t.json('DELETE', `${two(fx.demo)}/backups/${c.id}`, {
      token: fx.demo.token,
    })
    expect(del.status).toBe(422)
  })
})

describe('HA backups (Rackspace): an instance with replicas is an HA group named by its primary', () => {
  async function haGroup() {
    const primary = await fx.active(fx.demo, { name: 'primary' })
    const rep = await fx.create(fx.demo, { name: 'replica', replica_of: primary })
    if (rep.status !== 200) throw new Error(JSON.stringify(rep.body))
    fx.t.advance(10)
    return { primary, replica: rep.body.instance.id as string }
  }

  it('backs up the group from its replica, with source {type: ha, id}', async () => {
    fx = await troveFixture()
    const { primary, replica } = await haGroup()
    const res = await backup(fx.demo, {
      instance: null,
      name: 'ha-backup1',
      description: 'my_ha_backup1',
      source: { type: 'ha', id: primary },
    })
    expect(res.status).toBe(202)
    expect(res.body.backup).toMatchObject({
      name: 'ha-backup1',
      status: 'NEW',
      instance_id: replica,
      source: { type: 'ha', id: primary },
    })
    expect((await fx.show(fx.demo, replica)).body.instance.status).toBe('BACKUP')
    const again = await backup(fx.demo, { name: 'x', source: { type: 'ha', id: primary } })
    expect(again.status).toBe(422)
    expect(again.body.unprocessableEntity.message).toContain(`Instance ${primary}`)
    fx.t.advance(10)
    const inc = await backup(fx.demo, {
      name: 'ha-backup2',
      incremental: 1,
      source: { type: 'ha', id: primary },
    })
    expect(inc.body.backup.parent_id).toBe(res.body.backup.id)
    fx.t.advance(10)

    const listed = await fx.t.json('GET', `${fx.demo.base}/ha/${primary}/backups`, {
      token: fx.demo.token,
    })
    expect(listed.status).toBe(200)
    expect(listed.body.backups.map((b: { name: string }) => b.name)).toEqual([
      'ha-backup2',
      'ha-backup1',
    ])
    // A plain backup of the primary is not an HA backup.
    await backup(fx.demo, { name: 'plain', instance: primary })
    fx.t.advance(10)
    const again2 = await fx.t.json('GET', `${fx.demo.base}/ha/${primary}/backups`, {
      token: fx.demo.token,
    })
    expect(again2.body.backups).toHaveLength(2)
  })

  it('refuses instances that are not HA groups, replicas, unknown ids and other tenants', async () => {
    fx = await troveFixture()
    const { primary, replica } = await haGroup()
    const lone = await fx.active(fx.demo, { name: 'lone' })
    const notHa = await backup(fx.demo, { name: 'x', source: { type: 'ha', id: lone } })
    expect(notHa.status).toBe(400)
    expect(notHa.body.badRequest.message).toContain('has no replicas')
    const ofReplica = await backup(fx.demo, { name: 'x', source: { type: 'ha', id: replica } })
    expect(ofReplica.body.badRequest.message).toContain(`named by its primary instance, ${primary}`)
    const unknown = await backup(fx.demo, {
      name: 'x',
      source: { type: 'ha', id: '00000000-0000-0000-0000-000000000000' },
    })
    expect(unknown.status).toBe(404)
    const badType = await backup(fx.demo, { name: 'x', source: { type: 'cluster', id: primary } })
    expect(badType.status).toBe(400)
    const alt = await fx.t.json('GET', `${fx.alt.base}/ha/${primary}/backups`, {
      token: fx.alt.token,
    })
    expect(alt.status).toBe(404)
    const altCreate = await backup(fx.alt, { name: 'x', source: { type: 'ha', id: primary } })
    expect(altCreate.status).toBe(404)
    const none = await fx.t.json(
      'GET',
      `${fx.demo.base}/ha/00000000-0000-0000-0000-000000000000/backups`,
      { token: fx.demo.token },
    )
    expect(none.status).toBe(404)
  })

  it('source {type: instance} is the same as instance', async () => {
    fx = await troveFixture()
    const inst = await fx.active(fx.demo)
    const res = await backup(fx.demo, { name: 'x', source: { type: 'instance', id: inst } })
    expect(res.status).toBe(202)
    expect(res.body.backup.instance_id).toBe(inst)
    expect(res.body.backup.source).toBeUndefined()
  })
})

describe('backup strategies', () => {
  const strategies = (s: Session, q = '') =>
    fx.t.json('GET', `${s.base}/backup_strategies${q}`, { token: s.token })
  const create = (s: Session, body: unknown) =>
    fx.t.json('POST', `${s.base}/backup_strategies`, { token: s.token, body })

  it('creates, updates, lists and deletes project-wide and per-instance strategies', async () => {
    fx = await troveFixture()
    expect((await strategies(fx.demo)).body).toEqual({ backup_strategies: [] })
    const inst = await fx.active(fx.demo)
    const project = await create(fx.demo, { backup_strategy: { swift_container: 'proj_bk' } })
    expect(project).toMatchObject({
      status: 202,
      body: {
        backup_strategy: {
          project_id: fx.demo.projectId,
          instance_id: '',
          backend: 'swift',
          swift_container: 'proj_bk',
        },
      },
    })
    const perInst = await create(fx.demo, {
      backup_strategy: { instance_id: inst, swift_container: 'inst_bk' },
    })
    expect(perInst.body.backup_strategy.instance_id).toBe(inst)
    await create(fx.demo, { backup_strategy: { swift_container: 'proj_bk2' } })
    const listed = (await strategies(fx.demo)).body.backup_strategies
    expect(listed.map((s: { swift_container: string }) => s.swift_container)).toEqual([
      'proj_bk2',
      'inst_bk',
    ])
    expect((await strategies(fx.demo, `?instance_id=${inst}`)).body.backup_strategies).toHaveLength(
      1,
    )

    // Backups go to the instance's container, else the project's, unless the body names one.
    const a = await backup(fx.demo, { name: 'a', instance: inst })
    fx.t.advance(10)
    const b = await backup(fx.demo, { name: 'b', instance: inst, swift_container: 'explicit' })
    fx.t.advance(10)
    const show = async (id: string) =>
      (await fx.t.json('GET', `${fx.demo.base}/backups/${id}`, { token: fx.demo.token })).body
        .backup.locationRef
    expect(await show(a.body.backup.id)).toContain('/inst_bk/')
    expect(await show(b.body.backup.id)).toContain('/explicit/')
    const del = await fx.t.json('DELETE', `${fx.demo.base}/backup_strategies?instance_id=${inst}`, {
      token: fx.demo.token,
    })
    expect(del.status).toBe(202)
    const c = await backup(fx.demo, { name: 'c', instance: inst })
    fx.t.advance(10)
    expect(await show(c.body.backup.id)).toContain('/proj_bk2/')
    await fx.t.json('DELETE', `${fx.demo.base}/backup_strategies`, { token: fx.demo.token })
    expect((await strategies(fx.demo)).body.backup_strategies).toEqual([])
  })

  it('validates and isolates', async () => {
    fx = await troveFixture()
    const extra = await create(fx.demo, { backup_strategy: { swift_container: 'x', foo: 1 } })
    expect(extra.body.badRequest.message).toBe(
      "Validation error: backup_strategy Additional properties are not allowed ('foo' was unexpected)",
    )
    const missing = await create(fx.demo, { backup_strategy: {} })
    expect(missing.body.badRequest.message).toBe(
      "Validation error: backup_strategy 'swift_container' is a required property",
    )
    const unknownInst = await create(fx.demo, {
      backup_strategy: {
        instance_id: '00000000-0000-0000-0000-000000000000',
        swift_container: 'x',
      },
    })
    expect(unknownInst.status).toBe(404)
    await create(fx.demo, { backup_strategy: { swift_container: 'mine' } })
    expect((await strategies(fx.alt)).body.backup_strategies).toEqual([])
    const peek = await strategies(fx.alt, `?project_id=${fx.demo.projectId}`)
    expect(peek).toMatchObject({
      status: 403,
      body: { forbidden: { message: `Operation not allowed for tenant ${fx.alt.projectId}.` } },
    })
    const adminPeek = await strategies(fx.admin, `?project_id=${fx.demo.projectId}`)
    expect(adminPeek.body.backup_strategies).toHaveLength(1)
  })
})
