import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { backupShowSchema, type Backup } from '../../src/api/backups/schemas'
import { flavorListSchema } from '../../src/api/flavors/schemas'
import type { Instance } from '../../src/api/instances/schemas'
import { serverFaults, startServerProcess, type ServerProcess } from './process'
import {
  answered,
  idOf,
  isCreate,
  sendWave,
  waveWithKill,
  type BackupRequest,
  type Job,
} from './request-waves'
import { CallLog, keystoneLogin, TroveClient, until } from './trove-client'

/**
 * Issue 7: SIGKILL the real server while 50 instances build and backups run, restart it on the
 * same SQLite file, and check that every resource reaches a final status exactly once.
 */

/** Near-real durations: a build takes 6.3 s, a backup 7 s, so work is mid-flight at each kill. */
const SPEED = 0.7
/** ACTIVE instances seeded into demo/RegionOne at start: the sources of the backups. */
const SEEDED = 10
/** The first kill comes when this many of the 50 creates have been answered. */
const KILL_AFTER_CREATES = 30
const CREATE_CONCURRENCY = 4

interface Scope {
  user: string
  project: string
  region: string
  creates: number
}
const SCOPES: Scope[] = [
  { user: 'demo', project: 'demo', region: 'RegionOne', creates: 14 },
  { user: 'demo', project: 'demo', region: 'RegionTwo', creates: 12 },
  { user: 'demo', project: 'demo-staging', region: 'RegionOne', creates: 12 },
  { user: 'alt', project: 'alt', region: 'RegionOne', creates: 12 },
]
const scopeKey = (s: Pick<Scope, 'project' | 'region'>) => `${s.project}/${s.region}`

const FINAL_INSTANCE = new Set(['ACTIVE', 'ERROR'])
const FINAL_BACKUP = new Set(['COMPLETED', 'FAILED'])

const dir = mkdtempSync(join(tmpdir(), 'proof-crash-'))
const dbPath = join(dir, 'cloud.db')
const servers: ServerProcess[] = []
const log = new CallLog()

/** The first start picks a free port; restarts take the same one (clients keep their origin). */
async function start(): Promise<ServerProcess> {
  const first = servers[0]
  const s = await startServerProcess({
    ...(first ? { port: Number(new URL(first.url).port) } : {}),
    dbPath,
    taskSpeed: SPEED,
    args: ['--demo-instances', String(SEEDED)],
  })
  servers.push(s)
  return s
}

/** Reads the SQLite file directly while no server runs (after a kill or a stop). */
function readStore<T>(read: (db: Database.Database) => T): T {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true })
  try {
    return read(db)
  } finally {
    db.close()
  }
}
const count = (db: Database.Database, sql: string) => (db.prepare(sql).get() as { n: number }).n

afterAll(async () => {
  for (const s of servers) await s.kill()
  rmSync(dir, { recursive: true, force: true })
})

/**
 * What was running in the store when the server died. A create or backup answered less than
 * 5 s before the kill is surely still running there (a build takes 6.3 s, a backup 7 s).
 */
function checkInFlight(jobs: Job[], wave: number, killedAt: number) {
  const running = readStore((db) => ({
    building: count(db, "SELECT COUNT(*) AS n FROM instances WHERE task_status = 'BUILDING'"),
    backups: count(db, "SELECT COUNT(*) AS n FROM backups WHERE status IN ('NEW', 'BUILDING')"),
  }))
  const inWave = jobs.filter(
    (j) => j.outcome?.kind === 'answered' && j.outcome.at > killedAt - 5000,
  )
  expect(running.building, `builds running at kill ${wave}`).toBeGreaterThanOrEqual(
    inWave.filter(isCreate).length,
  )
  expect(running.backups, `backups running at kill ${wave}`).toBeGreaterThanOrEqual(
    inWave.filter((j) => j.backup).length,
  )
  expect(running.building + running.backups, `work running at kill ${wave}`).toBeGreaterThan(0)
  return running
}

describe('crash and restart under load', () => {
  it(
    'finishes every build and backup exactly once after SIGKILLs',
    { timeout: 150_000 },
    async () => {
      const started = Date.now()
      const phases: Record<string, number> = {}
      const mark = (phase: string) => (phases[phase] = Date.now() - started)
      let server = await start()
      mark('server up')
      const origin = server.url

      // Sign in as each tenant; one client per project and region.
      const sessions = new Map<string, Awaited<ReturnType<typeof keystoneLogin>>>()
      for (const s of SCOPES) {
        const key = `${s.user}/${s.project}`
        if (!sessions.has(key))
          sessions.set(key, await keystoneLogin(origin, s.user, s.project, log))
      }
      const admin = await keystoneLogin(origin, 'admin', 'admin', log)
      const clients = new Map(
        SCOPES.map((s) => [
          scopeKey(s),
          new TroveClient(sessions.get(`${s.user}/${s.project}`)!, s.region, log),
        ]),
      )
      const demo = clients.get('demo/RegionOne')!
      const seeded = (await demo.instances()).sort((a, b) => a.name.localeCompare(b.name))
      expect(seeded).toHaveLength(SEEDED)
      expect(seeded.every((i) => i.status === 'ACTIVE')).toBe(true)
      const seededAt = (n: number): Instance => seeded[n]!

      // Round 1: backups that complete before the crash (one fails by injection).
      const round1: { instanceId: string; name: string; id: string }[] = []
      for (const [n, name] of [
        [0, 'pre-crash-0'],
        [1, 'pre-crash-1'],
        [2, 'pre-crash-2-FAIL_BACKUP'],
      ] as const) {
        const r = await demo.call('POST', '/backups', {
          backup: { name, instance: seededAt(n).id },
        })
        expect(r.status, JSON.stringify(r.body)).toBe(202)
        round1.push({ instanceId: seededAt(n).id, name, id: idOf(r.body, 'backup')! })
      }
      await until(
        'the round-1 backups to finish',
        async () => {
          const all = await demo.backups()
          return round1.every((b) => FINAL_BACKUP.has(all.find((x) => x.id === b.id)?.status ?? ''))
            ? true
            : undefined
        },
        30_000,
      )

      mark('round-1 backups done')
      // The burst: actions and backups in flight, then 50 creates; SIGKILL after 30 are answered.
      const jobs: Job[] = []
      const newFlavorOf2 = String(seededAt(2).flavor.id) === '3' ? '2' : '3'
      const act = (label: string, method: string, path: string, body?: unknown) =>
        jobs.push({ label, scope: 'demo/RegionOne', send: () => demo.call(method, path, body) })
      const backupJob = (label: string, backup: BackupRequest): Job => ({
        label,
        scope: 'demo/RegionOne',
        backup,
        send: () => demo.call('POST', '/backups', { backup }),
      })
      jobs.push(
        backupJob('incremental backup of seeded 0', {
          name: 'incr-0',
          instance: seededAt(0).id,
          parent_id: round1[0]!.id,
        }),
        backupJob('backup of seeded 3', { name: 'inflight-3', instance: seededAt(3).id }),
        backupJob('backup of seeded 4', {
          name: 'inflight-4-FAIL_BACKUP',
          instance: seededAt(4).id,
        }),
      )
      act('restart seeded 5', 'POST', `/instances/${seededAt(5).id}/action`, { restart: {} })
      act('resize volume of seeded 6', 'POST', `/instances/${seededAt(6).id}/action`, {
        resize: { volume: { size: (seededAt(6).volume?.size ?? 1) + 1 } },
      })
      act('delete seeded 7', 'DELETE', `/instances/${seededAt(7).id}`)
      act('resize flavor of seeded 2', 'POST', `/instances/${seededAt(2).id}/action`, {
        resize: { flavorRef: newFlavorOf2 },
      })
      act('copy backup 0 to RegionTwo', 'POST', `/backups/${round1[0]!.id}/action`, {
        'copy-backup': { target_backup_region: 'RegionTwo', name: 'copy-0' },
      })
      act('rename seeded 8', 'PATCH', `/instances/${seededAt(8).id}`, {
        instance: { name: 'renamed-before-crash' },
      })

      const createJobs: (Job & { name: string })[] = []
      const byScope = SCOPES.map((s) =>
        Array.from({ length: s.creates }, (_, i) => {
          const failing = i % 6 === 5
          const name = `crash-${s.project}-${s.region}-${String(i).padStart(2, '0')}${failing ? '-GUEST_ERROR' : ''}`
          const client = clients.get(scopeKey(s))!
          return {
            label: `create ${name}`,
            scope: scopeKey(s),
            name,
            send: () =>
              client.call('POST', '/instances', {
                instance: {
                  name,
                  flavorRef: String(1 + (i % 3)),
                  volume: { size: 1 + (i % 4) },
                  datastore: { type: 'mysql', version: '5.7' },
                  databases: [{ name: 'app' }],
                },
              }),
          }
        }),
      )
      // Interleave the projects and regions, as many users at once would.
      for (let i = 0; createJobs.length < 50; i++) {
        for (const list of byScope) if (list[i]) createJobs.push(list[i]!)
      }
      expect(createJobs).toHaveLength(50)
      // Two more backups queued among the last creates: likely in flight at the kill.
      const late: Job[] = [
        backupJob('late backup of seeded 9', { name: 'late-9', instance: seededAt(9).id }),
        backupJob('late backup of seeded 1', { name: 'late-1', instance: seededAt(1).id }),
      ]
      // And one more among the creates the restarted server gets (before the second kill).
      const later: Job[] = [
        backupJob('backup of renamed seeded 8', { name: 'later-8', instance: seededAt(8).id }),
      ]
      jobs.push(
        ...createJobs.slice(0, 28),
        ...late,
        ...createJobs.slice(28, 36),
        ...later,
        ...createJobs.slice(36),
      )

      // Wave 1: SIGKILL while creates are being sent, after 30 of them were answered. The kill
      // really hits work in flight: builds and backups are running in the store.
      const kill1 = await waveWithKill(server, jobs, 1, CREATE_CONCURRENCY, KILL_AFTER_CREATES)
      mark('kill 1')
      const atKill1 = checkInFlight(jobs, 1, kill1)
      const lostAtKill1 = jobs.filter((j) => j.outcome?.kind === 'lost').length

      // Wave 2: restart; the clients send what they had not sent yet (never what got no
      // answer: they cannot know whether it happened) and the server dies again mid-wave,
      // with the recovered builds (unless the restart took longer than a build) and the new
      // ones running.
      server = await start()
      const kill2 = await waveWithKill(server, jobs, 2, CREATE_CONCURRENCY, 10)
      mark('kill 2')
      const atKill2 = checkInFlight(jobs, 2, kill2)

      // Wave 3: restart for good; whatever is still unsent goes now.
      server = await start()
      await sendWave(jobs, 3, CREATE_CONCURRENCY, () => false)
      const lostCount = jobs.filter((j) => j.outcome?.kind === 'lost').length
      expect(jobs.every((j) => j.outcome)).toBe(true)

      // Every answer was a success: no request was refused for a state it could not know, and
      // none failed inside the server.
      for (const j of jobs) {
        const r = answered(j)
        if (r) expect([200, 202], `${j.label}: ${JSON.stringify(r.body)}`).toContain(r.status)
      }

      // Settle: every instance and backup reaches a final status within a bounded time.
      const adminBy = (region: string) => new TroveClient(admin, region, log)
      await until(
        'every instance and backup to reach a final status',
        async () => {
          for (const c of clients.values()) {
            const [inst, backups] = await Promise.all([c.instances(), c.backups()])
            if (inst.some((i) => !FINAL_INSTANCE.has(i.status))) return undefined
            if (backups.some((b) => !FINAL_BACKUP.has(b.status))) return undefined
          }
          return true
        },
        45_000,
        500,
      )
      mark('settled')

      // ---- What the cloud holds now, per project and region.
      const flavors = await demo.get('/flavors', flavorListSchema)
      const ramOf = new Map(flavors.flavors.map((f) => [f.str_id ?? String(f.id), f.ram]))
      const held = new Map<string, { instances: Instance[]; backups: Backup[] }>()
      for (const [key, c] of clients)
        held.set(key, { instances: await c.instances(), backups: await c.backups() })

      const allInstances = [...held.values()].flatMap((h) => h.instances)
      const allBackups = [...held.values()].flatMap((h) => h.backups)
      expect(new Set(allInstances.map((i) => i.id)).size).toBe(allInstances.length)
      expect(new Set(allBackups.map((b) => b.id)).size).toBe(allBackups.length)

      for (const [key, h] of held) {
        const names = h.instances.map((i) => i.name)
        expect(new Set(names).size, `instance names in ${key}`).toBe(names.length)
        for (const i of h.instances) {
          // Never half-made: flavor, volume, datastore and (for ACTIVE) addresses are all there.
          expect(ramOf.has(String(i.flavor.id)), `${i.name} flavor`).toBe(true)
          expect(i.volume?.size, `${i.name} volume`).toBeGreaterThan(0)
          expect(i.datastore.type, `${i.name} datastore`).not.toBe('')
          expect(i.datastore.version, `${i.name} datastore version`).not.toBe('')
          const expected = i.name.endsWith('GUEST_ERROR') ? 'ERROR' : 'ACTIVE'
          expect(i.status, `${key} ${i.name}`).toBe(expected)
          if (expected === 'ACTIVE') {
            expect(i.operating_status, i.name).toBe('HEALTHY')
            expect(i.ip?.length ?? 0, `${i.name} ip`).toBeGreaterThan(0)
          } else expect(i.fault?.message, `${i.name} fault`).toBeTruthy()
        }
      }

      // ---- Creates: answered ones exist exactly once with their id; lost ones at most once;
      // unsent ones not at all; nothing else appeared.
      let createdLost = 0
      for (const j of createJobs) {
        const h = held.get(j.scope)!
        const matches = h.instances.filter((i) => i.name === j.name)
        const r = answered(j)
        if (r) {
          expect(
            matches.map((m) => m.id),
            j.label,
          ).toEqual([idOf(r.body, 'instance')])
        } else if (j.outcome?.kind === 'lost') {
          expect(matches.length, j.label).toBeLessThanOrEqual(1)
          createdLost += matches.length
        } else expect(matches, j.label).toEqual([])
        // Whole, never half-made: the database asked for at create time came with it.
        for (const m of matches.filter((x) => x.status === 'ACTIVE')) {
          const dbs = await clients.get(j.scope)!.call('GET', `/instances/${m.id}/databases`)
          expect(dbs.body, j.label).toEqual({ databases: [{ name: 'app' }] })
        }
      }
      const createNames = new Set(createJobs.map((j) => j.name))
      const seededNames = new Set(seeded.map((i) => i.name))
      for (const [key, h] of held) {
        for (const i of h.instances) {
          const known =
            createNames.has(i.name) ||
            (key === 'demo/RegionOne' &&
              (seededNames.has(i.name) || i.name === 'renamed-before-crash'))
          expect(known, `unexpected instance ${i.name} in ${key}`).toBe(true)
        }
      }
      const answeredCreateCount = createJobs.filter((j) => answered(j)).length
      const createdCount = allInstances.filter((i) => createNames.has(i.name)).length
      expect(createdCount).toBe(answeredCreateCount + createdLost)

      // ---- Actions on the seeded instances.
      const demoHeld = held.get('demo/RegionOne')!
      const seededNow = (n: number) => demoHeld.instances.find((i) => i.id === seededAt(n).id)
      const outcomeOf = (label: string) => jobs.find((j) => j.label === label)?.outcome?.kind
      const deleteOutcome = outcomeOf('delete seeded 7')
      if (deleteOutcome === 'answered') {
        expect(seededNow(7)).toBeUndefined()
        expect((await demo.call('GET', `/instances/${seededAt(7).id}`)).status).toBe(404)
      }
      const resized = seededNow(6)
      const oldSize = seededAt(6).volume?.size ?? 1
      if (outcomeOf('resize volume of seeded 6') === 'answered')
        expect(resized?.volume?.size).toBe(oldSize + 1)
      else expect([oldSize, oldSize + 1]).toContain(resized?.volume?.size)
      const oldFlavor = String(seededAt(2).flavor.id)
      if (outcomeOf('resize flavor of seeded 2') === 'answered')
        expect(String(seededNow(2)?.flavor.id)).toBe(newFlavorOf2)
      else expect([oldFlavor, newFlavorOf2]).toContain(String(seededNow(2)?.flavor.id))
      if (outcomeOf('rename seeded 8') === 'answered')
        expect(seededNow(8)?.name).toBe('renamed-before-crash')
      expect(seededNow(5)?.status).toBe('ACTIVE')
      for (let n = 0; n < SEEDED; n++) {
        if (n !== 7) expect(seededNow(n), `seeded ${n} survives`).toBeDefined()
      }

      // ---- Backups: each answered create exists once, final, tied to its instance (and parent).
      const backupJobs = jobs.filter((j) => j.backup)
      const expectedBackupNames = new Set(round1.map((b) => b.name))
      for (const b of round1) {
        const got = demoHeld.backups.filter((x) => x.id === b.id)
        expect(got, b.name).toHaveLength(1)
        expect(got[0]!.instance_id).toBe(b.instanceId)
      }
      for (const j of backupJobs) {
        const body = j.backup!
        expectedBackupNames.add(body.name)
        const matches = demoHeld.backups.filter((b) => b.name === body.name)
        const r = answered(j)
        if (r) {
          expect(
            matches.map((m) => m.id),
            j.label,
          ).toEqual([idOf(r.body, 'backup')])
        } else if (j.outcome?.kind === 'lost')
          expect(matches.length, j.label).toBeLessThanOrEqual(1)
        else expect(matches, j.label).toEqual([])
        for (const m of matches) {
          expect(m.instance_id, j.label).toBe(body.instance)
          expect(m.parent_id ?? null, j.label).toBe(body.parent_id ?? null)
        }
      }
      // A cross-region copy, started just before the first kill, lands once in RegionTwo.
      const demoTwo = held.get('demo/RegionTwo')!
      const copies = demoTwo.backups.filter((b) => b.name === 'copy-0')
      const copyOutcome = outcomeOf('copy backup 0 to RegionTwo')
      if (copyOutcome === 'answered') expect(copies).toHaveLength(1)
      else expect(copies.length).toBeLessThanOrEqual(1)
      expect(demoTwo.backups.filter((b) => b.name !== 'copy-0')).toEqual([])
      for (const c of copies) {
        expect(c.status).toBe('COMPLETED')
        expect(c.instance_id ?? null).toBeNull()
        expect(c.locationRef).toContain(c.id)
      }

      for (const b of demoHeld.backups) {
        expect(expectedBackupNames.has(b.name), `unexpected backup ${b.name}`).toBe(true)
        const want = b.name.endsWith('FAIL_BACKUP') ? 'FAILED' : 'COMPLETED'
        expect(b.status, b.name).toBe(want)
        if (want === 'COMPLETED') {
          expect(b.size ?? 0, b.name).toBeGreaterThan(0)
          expect(b.locationRef, b.name).toContain(b.id)
        }
        // The backup's own page agrees with the list, and its instance is one we hold.
        const shown = await demo.get(`/backups/${b.id}`, backupShowSchema)
        expect(shown.backup.status).toBe(b.status)
        expect(demoHeld.instances.some((i) => i.id === b.instance_id)).toBe(true)
      }
      for (const [key, h] of held) {
        if (key !== 'demo/RegionOne' && key !== 'demo/RegionTwo') expect(h.backups, key).toEqual([])
      }

      // ---- Quota usage equals what exists, in every project and region.
      for (const s of SCOPES) {
        const h = held.get(scopeKey(s))!
        const projectId = sessions.get(`${s.user}/${s.project}`)!.projectId
        const q = await adminBy(s.region).quotas(projectId)
        const sum = (f: (i: Instance) => number) => h.instances.reduce((t, i) => t + f(i), 0)
        expect(
          {
            instances: q.instances?.in_use,
            volumes: q.volumes?.in_use,
            ram: q.ram?.in_use,
            backups: q.backups?.in_use,
          },
          scopeKey(s),
        ).toEqual({
          instances: h.instances.length,
          volumes: sum((i) => i.volume?.size ?? 0),
          ram: sum((i) => ramOf.get(String(i.flavor.id)) ?? 0),
          backups: h.backups.length,
        })
      }

      // ---- The store itself: no task left behind, no orphan rows, the server never failed.
      await server.stop()
      readStore((db) => {
        expect(count(db, 'SELECT COUNT(*) AS n FROM tasks')).toBe(0)
        expect(
          count(db, "SELECT COUNT(*) AS n FROM backups WHERE status IN ('NEW', 'BUILDING')"),
        ).toBe(0)
        expect(
          count(
            db,
            `SELECT COUNT(*) AS n FROM instances i LEFT JOIN flavors f ON f.id = i.flavor_id
             WHERE i.deleted = 0 AND (f.id IS NULL OR i.volume_id IS NULL OR i.server_id IS NULL)`,
          ),
        ).toBe(0)
        expect(
          count(
            db,
            `SELECT COUNT(*) AS n FROM backups b LEFT JOIN instances i ON i.id = b.instance_id
             WHERE b.deleted = 0 AND b.instance_id IS NOT NULL AND i.id IS NULL`,
          ),
        ).toBe(0)
      })
      for (const s of servers) expect(serverFaults(s.output())).toEqual([])

      console.info(
        `crash-restart: running at kill 1: ${JSON.stringify(atKill1)}, at kill 2: ${JSON.stringify(atKill2)}; ` +
          `${jobs.length} burst requests, ${answeredCreateCount}/50 creates answered, ${lostCount} requests lost ` +
          `(${lostAtKill1} at kill 1), ${createdLost} of the lost creates happened; phases (ms) ${JSON.stringify(phases)}; ` +
          `requests by status ${JSON.stringify(log.byStatus())}`,
      )
    },
  )
})
