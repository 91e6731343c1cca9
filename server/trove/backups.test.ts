import { afterEach, describe, expect, it } from 'vitest'
import { backupListSchema, backupShowSchema } from '../../src/api/backups/schemas'
import { setQuota } from '../store/quota-queries'
import { eventsFor } from '../store/task-queries'
import { BACKUP_DELETE_SECONDS } from '../engine/backup-task-kinds'
import { troveFixture, type Session } from './test-fixtures'

let fx: Awaited<ReturnType<typeof troveFixture>>
afterEach(() => fx?.t.close())

const backup = (s: Session, body: Record<string, unknown>) =>
  fx.t.json('POST', `${s.base}/backups`, { token: s.token, body: { backup: body } })
const getBackup = (s: Session, id: string) =>
  fx.t.json('GET', `${s.base}/backups/${id}`, { token: s.token })
const list = (s: Session, query = '') =>
  fx.t.json('GET', `${s.base}/backups${query}`, { token: s.token })
const del = (s: Session, id: string) =>
  fx.t.json('DELETE', `${s.base}/backups/${id}`, { token: s.token })

/** Creates a backup and runs it to the end; returns its id. */
async function completed(s: Session, body: Record<string, unknown>): Promise<string> {
  const res = await backup(s, body)
  if (res.status !== 202) throw new Error(JSON.stringify(res.body))
  fx.t.advance(10)
  return res.body.backup.id as string
}

describe('backup create', () => {
  it('answers 202 with the backup view, NEW -> BUILDING -> COMPLETED, instance BACKUP meanwhile', async () => {
    fx = await troveFixture()
    const inst = await fx.active(fx.demo)
    const res = await backup(fx.demo, { name: 'bk1', instance: inst, description: 'first' })
    expect(res.status).toBe(202)
    expect(backupShowSchema.safeParse(res.body).success).toBe(true)
    const version = fx.t.store
      .prepare("SELECT id FROM datastore_versions WHERE name = '5.7'")
      .get() as { id: string }
    expect(res.body).toEqual({
      backup: {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'bk1',
        description: 'first',
        locationRef: null,
        instance_id: inst,
        created: '2026-11-23T03:53:25',
        updated: '2026-11-23T03:53:25',
        size: null,
        status: 'NEW',
        parent_id: null,
        project_id: fx.demo.projectId,
        datastore: { type: 'mysql', version: '5.7', version_id: version.id },
      },
    })
    const id = res.body.backup.id
    const shown = await fx.show(fx.demo, inst)
    expect([shown.body.instance.status, shown.body.instance.operating_status]).toEqual([
      'BACKUP',
      'HEALTHY',
    ])
    expect(shown.body.instance.updated).toBe('2026-11-23T03:53:25')

    fx.t.advance(2)
    expect((await getBackup(fx.demo, id)).body.backup.status).toBe('BUILDING')
    fx.t.advance(7.9)
    expect((await getBackup(fx.demo, id)).body.backup.status).toBe('BUILDING')
    fx.t.advance(0.1)
    const done = await getBackup(fx.demo, id)
    expect(done.body.backup).toMatchObject({
      status: 'COMPLETED',
      size: 0.14,
      updated: '2026-11-23T03:53:35',
      locationRef: `http://swift.regionone.dbaas.local:8080/v1/AUTH_${fx.demo.projectId}/database_backups/${id}.xbstream.gz.enc`,
    })
    expect((await fx.show(fx.demo, inst)).body.instance.status).toBe('ACTIVE')
    const events = eventsFor(fx.t.store, inst).map((e) => [e.from_status, e.to_status])
    expect(events.slice(-3)).toEqual([
      ['ACTIVE', 'BACKUP'],
      ['BACKUP', 'BACKUP'],
      ['BACKUP', 'ACTIVE'],
    ])
  })

  it('FAILs a backup whose name ends in FAIL_BACKUP (failure injection)', async () => {
    fx = await troveFixture()
    const inst = await fx.active(fx.demo)
    const id = await completed(fx.demo, { name: 'nightly-FAIL_BACKUP', instance: inst })
    const b = (await getBackup(fx.demo, id)).body.backup
    expect([b.status, b.size, b.locationRef]).toEqual(['FAILED', null, null])
    expect((await fx.show(fx.demo, inst)).body.instance.status).toBe('ACTIVE')
  })

  it('FAILs every backup of an instance whose name ends in FAIL_BACKUP (failure injection)', async () => {
    fx = await troveFixture()
    const inst = await fx.active(fx.demo, { name: 'doomed-FAIL_BACKUP' })
    const id = await completed(fx.demo, { name: 'doomed-final-backup', instance: inst })
    expect((await getBackup(fx.demo, id)).body.backup.status).toBe('FAILED')
    const other = await fx.active(fx.demo, { name: 'fine' })
    const ok = await completed(fx.demo, { name: 'fine-final-backup', instance: other })
    expect((await getBackup(fx.demo, ok)).body.backup.status).toBe('COMPLETED')
  })

  it('refuses a second backup (and restart, delete) of a busy instance with 422', async () => {
    fx = await troveFixture()
    const inst = await fx.active(fx.demo)
    await backup(fx.demo, { name: 'bk1', instance: inst })
    const again = await backup(fx.demo, { name: 'bk2', instance: inst })
    const msg = `Instance ${inst} is not currently available for an action to be performed (instance status was BACKUP).`
    expect(again).toMatchObject({
      status: 422,
      body: { unprocessableEntity: { code: 422, message: msg } },
    })
    expect((await fx.action(fx.demo, inst, { restart: {} })).body.unprocessableEntity.message).toBe(
      msg,
    )
    const delInst = await fx.t.json('DELETE', `${fx.demo.base}/instances/${inst}`, {
      token: fx.demo.token,
    })
    expect(delInst.status).toBe(422)
    const building = await fx.create(fx.demo, { name: 'b', flavorRef: '2', volume: { size: 1 } })
    const busy = await backup(fx.demo, { name: 'x', instance: building.body.instance.id })
    expect(busy.status).toBe(422)
    expect(busy.body.unprocessableEntity.message).toContain('(instance status was BUILD)')
  })

  it('validates the body: 400 with Trove-style messages', async () => {
    fx = await troveFixture()
    const inst = await fx.active(fx.demo)
    const noName = await backup(fx.demo, { instance: inst })
    expect(noName).toMatchObject({
      status: 400,
      body: { badRequest: { message: "Validation error: backup 'name' is a required property" } },
    })
    const long = await backup(fx.demo, { name: 'n'.repeat(65), instance: inst })
    expect(long.status).toBe(400)
    expect(long.body.badRequest.message).toBe(
      `Validation error: backup['name'] '${'n'.repeat(65)}' is too long`,
    )
    expect((await backup(fx.demo, { name: 'ok'.repeat(32), instance: inst })).status).toBe(202)
    fx.t.advance(10)
    const noInstance = await backup(fx.demo, { name: 'x' })
    expect(noInstance.body).toEqual({ badRequest: { code: 400, message: 'instance is missing.' } })
    const badUuid = await backup(fx.demo, { name: 'x', instance: 'abc' })
    expect(badUuid.status).toBe(400)
    expect(badUuid.body.badRequest.message).toContain("backup['instance'] 'abc' does not match")
    const badInc = await backup(fx.demo, { name: 'x', instance: inst, incremental: 2 })
    expect(badInc.body.badRequest.message).toBe(
      "Validation error: backup['incremental'] 2 is greater than the maximum of 1",
    )
    const badContainer = await backup(fx.demo, {
      name: 'x',
      instance: inst,
      swift_container: 'a;b',
    })
    expect(badContainer.body.badRequest.message).toBe('The value is not allowed: a;b.')
    const empty = await fx.t.json('POST', `${fx.demo.base}/backups`, { token: fx.demo.token })
    expect(empty.status).toBe(400)
    const unknown = await backup(fx.demo, {
      name: 'x',
      instance: '00000000-0000-0000-0000-000000000000',
    })
    expect(unknown.body).toEqual({
      itemNotFound: {
        code: 404,
        message: 'Resource 00000000-0000-0000-0000-000000000000 cannot be found.',
      },
    })
  })

  it('answers 413 when the backups quota (50) is used up', async () => {
    fx = await troveFixture()
    const inst = await fx.active(fx.demo)
    setQuota(fx.t.store, fx.demo.projectId, 'RegionOne', 'backups', 1)
    await completed(fx.demo, { name: 'one', instance: inst })
    const over = await backup(fx.demo, { name: 'two', instance: inst })
    expect(over).toMatchObject({
      status: 413,
      body: { overLimit: { code: 413, message: "Quota exceeded for resources: ['backups']." } },
    })
  })

  it('uses the default quota of 50 backups', async () => {
    fx = await troveFixture()
    const inst = await fx.active(fx.demo)
    for (let i = 0; i < 50; i++) await completed(fx.demo, { name: `b${i}`, instance: inst })
    expect((await backup(fx.demo, { name: 'b50', instance: inst })).status).toBe(413)
  })
})

describe('incremental backups', () => {
  it('incremental: 1 takes the latest COMPLETED backup as parent; none -> full', async () => {
    fx = await troveFixture()
    const inst = await fx.active(fx.demo)
    const first = await completed(fx.demo, { name: 'inc-none', instance: inst, incremental: 1 })
    expect((await getBackup(fx.demo, first)).body.backup.parent_id).toBeNull()
    const failed = await completed(fx.demo, { name: 'x-FAIL_BACKUP', instance: inst })
    const second = await completed(fx.demo, { name: 'inc', instance: inst, incremental: 1 })
    const b = (await getBackup(fx.demo, second)).body.backup
    expect(b.parent_id).toBe(first)
    expect(b.parent_id).not.toBe(failed)
    expect(b.size).toBe(0.02)
    const third = await completed(fx.demo, { name: 'inc2', instance: inst, incremental: 1 })
    expect((await getBackup(fx.demo, third)).body.backup.parent_id).toBe(second)
  })

  it('parent_id must exist, be COMPLETED and belong to the same instance', async () => {
    fx = await troveFixture()
    const a = await fx.active(fx.demo)
    const b = await fx.active(fx.demo, { name: 'db2' })
    const full = await completed(fx.demo, { name: 'full', instance: a })
    const child = await backup(fx.demo, { name: 'child', instance: a, parent_id: full })
    expect(child.status).toBe(202)
    expect(child.body.backup.parent_id).toBe(full)
    fx.t.advance(10)
    const missing = await backup(fx.demo, {
      name: 'x',
      instance: a,
      parent_id: '00000000-0000-0000-0000-000000000000',
    })
    expect(missing.status).toBe(404)
    const other = await backup(fx.demo, { name: 'x', instance: b, parent_id: full })
    expect(other.status).toBe(400)
    expect(other.body.badRequest.message).toContain(`was not taken from instance ${b}`)
    const failed = await completed(fx.demo, { name: 'f-FAIL_BACKUP', instance: a })
    const onFailed = await backup(fx.demo, { name: 'x', instance: a, parent_id: failed })
    expect(onFailed.body.badRequest.message).toContain('needs a COMPLETED parent')
  })
})

describe('backup delete', () => {
  it('deleting a parent deletes its incremental children and grandchildren', async () => {
    fx = await troveFixture()
    const inst = await fx.active(fx.demo)
    const full = await completed(fx.demo, { name: 'full', instance: inst })
    const inc1 = await completed(fx.demo, { name: 'inc1', instance: inst, incremental: 1 })
    const inc2 = await completed(fx.demo, { name: 'inc2', instance: inst, incremental: 1 })
    const other = await completed(fx.demo, { name: 'other', instance: inst })
    expect(inc2).toBeTruthy()
    const res = await del(fx.demo, inc1)
    expect(res.status).toBe(202)
    expect(res.body).toBeNull()
    // As Trove: accepted now, removed by the task manager a moment later.
    expect((await list(fx.demo)).body.backups).toHaveLength(4)
    expect((await getBackup(fx.demo, inc2)).body.backup.status).toBe('COMPLETED')
    fx.t.advance(BACKUP_DELETE_SECONDS)
    const ids = (await list(fx.demo)).body.backups.map((b: { id: string }) => b.id)
    expect(ids.sort()).toEqual([full, other].sort())
    expect((await getBackup(fx.demo, inc2)).status).toBe(404)
    await del(fx.demo, full)
    fx.t.advance(BACKUP_DELETE_SECONDS)
    expect((await list(fx.demo)).body.backups.map((b: { id: string }) => b.id)).toEqual([other])
    expect((await del(fx.demo, full)).status).toBe(404)
  })

  it('refuses to delete a running backup (or a parent whose child runs): 422', async () => {
    fx = await troveFixture()
    const inst = await fx.active(fx.demo)
    const full = await completed(fx.demo, { name: 'full', instance: inst })
    const running = await backup(fx.demo, { name: 'inc', instance: inst, incremental: 1 })
    const id = running.body.backup.id
    const self = await del(fx.demo, id)
    expect(self.body).toEqual({
      unprocessableEntity: {
        code: 422,
        message: `Backup ${id} cannot be deleted because it is running.`,
      },
    })
    expect((await del(fx.demo, full)).status).toBe(422)
    expect((await list(fx.demo)).body.backups).toHaveLength(2)
    fx.t.advance(10)
    expect((await del(fx.demo, full)).status).toBe(202)
    // A second DELETE while the first is pending is accepted too and keeps the first's time.
    expect((await del(fx.demo, full)).status).toBe(202)
    expect((await list(fx.demo)).body.backups).toHaveLength(2)
    fx.t.advance(BACKUP_DELETE_SECONDS)
    expect((await list(fx.demo)).body.backups).toHaveLength(0)
  })

  it('frees quota when backups are deleted', async () => {
    fx = await troveFixture()
    const inst = await fx.active(fx.demo)
    setQuota(fx.t.store, fx.demo.projectId, 'RegionOne', 'backups', 1)
    const one = await completed(fx.demo, { name: 'one', instance: inst })
    await del(fx.demo, one)
    // The quota is released when the delete is accepted, while the backup still lists.
    expect((await list(fx.demo)).body.backups).toHaveLength(1)
    expect((await backup(fx.demo, { name: 'two', instance: inst })).status).toBe(202)
  })
})

describe('backup lists', () => {
  it('lists newest first, filters by instance_id and datastore, pages with limit/marker', async () => {
    fx = await troveFixture()
    const a = await fx.active(fx.demo)
    const b = await fx.active(fx.demo, { name: 'pg', datastore: { type: 'postgresql' } })
    const names: string[] = []
    for (let i = 0; i < 3; i++) {
      await completed(fx.demo, { name: `a${i}`, instance: a })
      await completed(fx.demo, { name: `b${i}`, instance: b })
      names.push(`a${i}`, `b${i}`)
    }
    const all = await list(fx.demo)
    expect(backupListSchema.safeParse(all.body).success).toBe(true)
    expect(all.body.backups.map((x: { name: string }) => x.name)).toEqual([...names].reverse())
    expect(all.body.links).toBeUndefined()
    const byInst = await list(fx.demo, `?instance_id=${b}`)
    expect(byInst.body.backups.map((x: { name: string }) => x.name)).toEqual(['b2', 'b1', 'b0'])
    const byDs = await list(fx.demo, '?datastore=mysql')
    expect(byDs.body.backups.map((x: { name: string }) => x.name)).toEqual(['a2', 'a1', 'a0'])
    expect((await list(fx.demo, '?datastore=nosuch')).body).toEqual({
      itemNotFound: { code: 404, message: "Datastore 'nosuch' cannot be found." },
    })

    const p1 = await list(fx.demo, '?limit=4')
    expect(p1.body.backups).toHaveLength(4)
    const next = new URL(p1.body.links[0].href)
    expect(p1.body.links[0].rel).toBe('next')
    expect(next.searchParams.get('marker')).toBe(p1.body.backups[3].id)
    const p2 = await list(fx.demo, next.search)
    expect(p2.body.backups.map((x: { name: string }) => x.name)).toEqual(['b0', 'a0'])
    expect(p2.body.links).toBeUndefined()
    expect((await list(fx.demo, '?marker=nope')).body).toEqual({ backups: [] })
    expect((await list(fx.demo, '?limit=0')).status).toBe(400)

    const perInstance = await fx.t.json('GET', `${fx.demo.base}/instances/${a}/backups`, {
      token: fx.demo.token,
    })
    expect(perInstance.body.backups.map((x: { name: string }) => x.name)).toEqual([
      'a2',
      'a1',
      'a0',
    ])
    const unknown = await fx.t.json(
      'GET',
      `${fx.demo.base}/instances/00000000-0000-0000-0000-000000000000/backups`,
      { token: fx.demo.token },
    )
    expect(unknown.status).toBe(404)
  })

  it('keeps backups after their instance is deleted', async () => {
    fx = await troveFixture()
    const inst = await fx.active(fx.demo)
    const id = await completed(fx.demo, { name: 'keep', instance: inst })
    await fx.t.json('DELETE', `${fx.demo.base}/instances/${inst}`, { token: fx.demo.token })
    fx.t.advance(5)
    expect((await fx.show(fx.demo, inst)).status).toBe(404)
    expect((await getBackup(fx.demo, id)).body.backup.status).toBe('COMPLETED')
  })
})

describe('tenant isolation', () => {
  it("hides other projects' backups: 404 on show, delete, parent and restore; absent from lists", async () => {
    fx = await troveFixture()
    const inst = await fx.active(fx.demo)
    const id = await completed(fx.demo, { name: 'mine', instance: inst })
    expect((await getBackup(fx.alt, id)).status).toBe(404)
    expect((await del(fx.alt, id)).status).toBe(404)
    expect((await list(fx.alt)).body).toEqual({ backups: [] })
    expect((await list(fx.alt, '?all_projects=true')).status).toBe(403)
    expect((await list(fx.alt, `?project_id=${fx.demo.projectId}`)).status).toBe(403)
    const altInst = await fx.active(fx.alt)
    const parent = await backup(fx.alt, { name: 'x', instance: altInst, parent_id: id })
    expect(parent.status).toBe(404)
    const ofDemo = await backup(fx.alt, { name: 'x', instance: inst })
    expect(ofDemo.status).toBe(404)
    const restore = await fx.create(fx.alt, {
      name: 'r',
      flavorRef: '2',
      volume: { size: 2 },
      restorePoint: { backupRef: id },
    })
    expect(restore.status).toBe(404)
    // An admin sees every project's backups when asking for them.
    const all = await list(fx.admin, '?all_projects=true')
    expect(all.body.backups.map((b: { id: string }) => b.id)).toContain(id)
    expect((await getBackup(fx.admin, id)).status).toBe(200)
  })

  it('keeps regions apart: a RegionOne backup is 404 in RegionTwo', async () => {
    fx = await troveFixture()
    const inst = await fx.active(fx.demo)
    const id = await completed(fx.demo, { name: 'r1', instance: inst })
    const two = await fx.t.json(
      'GET',
      `${fx.t.troveBase(fx.demo.projectId, 'RegionTwo')}/backups/${id}`,
      {
        token: fx.demo.token,
      },
    )
    expect(two.status).toBe(404)
  })
})

describe('restore', () => {
  it('builds a new instance from a backup on the backup datastore version, recording backup_id', async () => {
    fx = await troveFixture()
    const src = await fx.active(fx.demo, { datastore: { type: 'mysql', version: '8.0' } })
    const id = await completed(fx.demo, { name: 'to-restore', instance: src })
    const res = await fx.create(fx.demo, {
      name: 'restored',
      flavorRef: '2',
      volume: { size: 2 },
      restorePoint: { backupRef: id },
    })
    expect(res.status).toBe(200)
    expect(res.body.instance.datastore).toMatchObject({ type: 'mysql', version: '8.0' })
    expect(res.body.instance.status).toBe('BUILD')
    const row = fx.t.store
      .prepare('SELECT backup_id FROM instances WHERE id = ?')
      .get(res.body.instance.id) as { backup_id: string }
    expect(row.backup_id).toBe(id)
    fx.t.advance(10)
    expect((await fx.show(fx.demo, res.body.instance.id)).body.instance.status).toBe('ACTIVE')
  })

  it('refuses a backup that is not completed (409) or of another datastore (400)', async () => {
    fx = await troveFixture()
    const src = await fx.active(fx.demo)
    const running = await backup(fx.demo, { name: 'r', instance: src })
    const early = await fx.create(fx.demo, {
      name: 'x',
      flavorRef: '2',
      volume: { size: 2 },
      restorePoint: { backupRef: running.body.backup.id },
    })
    expect(early.status).toBe(409)
    fx.t.advance(10)
    const other = await fx.create(fx.demo, {
      name: 'x',
      flavorRef: '2',
      volume: { size: 2 },
      datastore: { type: 'postgresql' },
      restorePoint: { backupRef: running.body.backup.id },
    })
    expect(other.status).toBe(400)
  })

  it('records a backup from another location with restore_from: RESTORED, restorable', async () => {
    fx = await troveFixture()
    const version = fx.t.store
      .prepare("SELECT id FROM datastore_versions WHERE name = '5.7'")
      .get() as { id: string }
    const res = await backup(fx.demo, {
      name: 'remote',
      restore_from: {
        remote_location: 'http://swift.other/v1/AUTH_x/database_backups/abc.xbstream.gz.enc',
        local_datastore_version_id: version.id,
        size: 0.2,
      },
    })
    expect(res.status).toBe(202)
    expect(res.body.backup).toMatchObject({
      status: 'RESTORED',
      instance_id: null,
      size: 0.2,
      locationRef: 'http://swift.other/v1/AUTH_x/database_backups/abc.xbstream.gz.enc',
    })
    const inst = await fx.create(fx.demo, {
      name: 'from-remote',
      flavorRef: '2',
      volume: { size: 1 },
      restorePoint: { backupRef: res.body.backup.id },
    })
    expect(inst.status).toBe(200)
    const bad = await backup(fx.demo, {
      name: 'remote',
      restore_from: {
        remote_location: 'x',
        local_datastore_version_id: '00000000-0000-0000-0000-000000000000',
        size: 1,
      },
    })
    expect(bad.body.badRequest.message).toBe(
      "Datastore version '00000000-0000-0000-0000-000000000000' cannot be found.",
    )
  })
})

describe('engine', () => {
  it('runs a backup as an instance task with payload {backupId} (resumable: state in SQLite)', async () => {
    fx = await troveFixture()
    const inst = await fx.active(fx.demo)
    const res = await backup(fx.demo, { name: 'resume', instance: inst })
    const task = fx.t.store
      .prepare('SELECT kind, payload FROM tasks WHERE instance_id = ?')
      .get(inst)
    expect(task).toEqual({
      kind: 'backup',
      payload: JSON.stringify({ backupId: res.body.backup.id, name: 'resume' }),
    })
  })

  it('reset_status fails a running backup', async () => {
    fx = await troveFixture()
    const inst = await fx.active(fx.admin)
    const res = await backup(fx.admin, { name: 'stuck', instance: inst })
    await fx.action(fx.admin, inst, { reset_status: {} })
    expect((await getBackup(fx.admin, res.body.backup.id)).body.backup.status).toBe('FAILED')
    fx.t.advance(20)
    expect((await getBackup(fx.admin, res.body.backup.id)).body.backup.status).toBe('FAILED')
  })
})
