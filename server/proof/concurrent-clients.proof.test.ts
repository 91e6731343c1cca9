import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { backupShowSchema } from '../../src/api/backups/schemas'
import {
  configurationInstancesSchema,
  configurationShowSchema,
} from '../../src/api/configurations/schemas'
import { databaseListSchema } from '../../src/api/databases/schemas'
import { instanceShowSchema } from '../../src/api/instances/schemas'
import { parameterListSchema } from '../../src/api/parameters/schemas'
import { userListSchema } from '../../src/api/users/schemas'
import { ConsoleClient, type ParameterRange, type SharedTargets } from './console-client'
import { serverFaults, startServerProcess, type ServerProcess } from './process'
import { CallLog, keystoneLogin, TroveClient, until } from './trove-client'

/**
 * Issue 7: 20 browser-like clients poll and act at once against the real server for a minute
 * (PROOF_CLIENTS_SECONDS): no errors, and no lost updates, even when several clients write to
 * the same instance or configuration group.
 */

/** Ten times faster than real: builds take ~1 s, so instances settle within the run. */
const SPEED = 0.1
const SECONDS = Number(process.env.PROOF_CLIENTS_SECONDS ?? 60)
const SEED = Number(process.env.PROOF_SEED ?? 7)

interface Group {
  user: string
  project: string
  region: string
  clients: number
}
const GROUPS: Group[] = [
  { user: 'demo', project: 'demo', region: 'RegionOne', clients: 5 },
  { user: 'demo', project: 'demo', region: 'RegionTwo', clients: 3 },
  { user: 'demo', project: 'demo-staging', region: 'RegionOne', clients: 4 },
  { user: 'alt', project: 'alt', region: 'RegionOne', clients: 5 },
  { user: 'admin', project: 'admin', region: 'RegionOne', clients: 3 },
]

const dir = mkdtempSync(join(tmpdir(), 'proof-clients-'))
let server: ServerProcess | undefined
afterAll(async () => {
  await server?.kill()
  rmSync(dir, { recursive: true, force: true })
})

const sorted = <T>(items: T[], key: (t: T) => string) =>
  [...items].sort((a, b) => key(a).localeCompare(key(b)))

describe('20 concurrent console clients', () => {
  it(
    'poll and act for a minute without errors or lost updates',
    { timeout: SECONDS * 1000 + 90_000 },
    async () => {
      server = await startServerProcess({
        dbPath: join(dir, 'cloud.db'),
        taskSpeed: SPEED,
        // Twenty clients of one project poll far above Trove's 200 requests a minute.
        args: ['--rate-limit', '0'],
      })
      const origin = server.url
      const log = new CallLog()

      // Configuration keys the clients own: integers that apply without a restart.
      const setupSession = await keystoneLogin(origin, 'demo', 'demo', log)
      const params = await new TroveClient(setupSession, 'RegionOne', log).get(
        '/datastores/mysql/versions/5.7/parameters',
        parameterListSchema,
      )
      const keys: ParameterRange[] = params['configuration-parameters']
        .filter((p) => p.type === 'integer' && !p.restart_required)
        .filter((p) => p.min !== undefined && p.max !== undefined && p.max - p.min >= 10)
        .map((p) => ({ name: p.name, min: p.min!, max: p.max! }))
        .sort((a, b) => a.name.localeCompare(b.name))
      const clientCount = GROUPS.reduce((n, g) => n + g.clients, 0)
      expect(clientCount).toBe(20)
      expect(keys.length).toBeGreaterThan(clientCount)
      const initialKey = keys[clientCount]!

      // Per project and region: one shared instance with one shared configuration group.
      const groups = await Promise.all(
        GROUPS.map(async (g) => {
          const session = await keystoneLogin(origin, g.user, g.project, log)
          const setup = new TroveClient(session, g.region, log, `setup ${g.project}/${g.region}`)
          const inst = await setup.call('POST', '/instances', {
            instance: {
              name: `shared-${g.project}`,
              flavorRef: '2',
              volume: { size: 2 },
              datastore: { type: 'mysql', version: '5.7' },
            },
          })
          expect(inst.status, JSON.stringify(inst.body)).toBe(200)
          const conf = await setup.call('POST', '/configurations', {
            configuration: {
              name: `shared-conf-${g.project}`,
              values: { [initialKey.name]: initialKey.min },
              datastore: { type: 'mysql', version: '5.7' },
            },
          })
          expect(conf.status, JSON.stringify(conf.body)).toBe(200)
          const shared: SharedTargets = {
            instanceId: (inst.body as { instance: { id: string } }).instance.id,
            configurationId: (conf.body as { configuration: { id: string } }).configuration.id,
          }
          await until(
            `shared instance of ${g.project}/${g.region} to be ACTIVE`,
            async () => {
              const s = await setup.get(`/instances/${shared.instanceId}`, instanceShowSchema)
              return s.instance.status === 'ACTIVE' ? true : undefined
            },
            30_000,
          )
          const attach = await setup.call('PUT', `/instances/${shared.instanceId}`, {
            instance: { configuration: shared.configurationId },
          })
          expect(attach.status, JSON.stringify(attach.body)).toBe(202)
          return { ...g, setup, shared }
        }),
      )

      // Twenty clients, each with its own Keystone login (its own browser tab).
      let index = 0
      const clients: { group: (typeof groups)[number]; client: ConsoleClient }[] = []
      for (const g of groups) {
        for (let n = 0; n < g.clients; n++, index++) {
          const name = `cc${String(index).padStart(2, '0')}`
          const session = await keystoneLogin(origin, g.user, g.project, log)
          const trove = new TroveClient(session, g.region, log, name)
          const extraPoll = session.isAdmin ? '/mgmt/instances' : '/limits'
          const client = new ConsoleClient(
            name,
            trove,
            g.shared,
            keys[index]!,
            SEED * 1000 + index,
            extraPoll,
          )
          clients.push({ group: g, client })
        }
      }

      // The run: everyone polls and acts at once.
      const started = Date.now()
      const deadline = started + SECONDS * 1000
      await Promise.all(clients.map(({ client }) => client.run(deadline)))
      const ranMs = Date.now() - started
      const duringRun = log.records.length

      // Let what the clients started finish (they keep polling, as the console would).
      await until(
        'every client to see its instances and backups settle',
        async () => {
          await Promise.all(
            clients.map(({ client }) => (client.settled() ? undefined : client.poll())),
          )
          return clients.every(({ client }) => client.settled()) ? true : undefined
        },
        30_000,
        500,
      )

      // ---- Nothing unexpected was answered, to anyone.
      const surprises = clients.flatMap(({ client }) => client.surprises)
      expect(surprises).toEqual([])
      expect(log.records.filter((r) => r.status === 0 || r.status >= 500)).toEqual([])
      expect(serverFaults(server.output())).toEqual([])

      // ---- No lost updates: each client's own record matches the cloud exactly.
      for (const { group, client } of clients) {
        const { setup } = group
        const listed = (await setup.instances()).filter((i) => i.name.startsWith(client.prefix))
        const own = [...client.instances.values()]
        const live = own.filter((i) => !i.deleted)
        expect(
          sorted(listed, (i) => i.id).map((i) => ({
            id: i.id,
            name: i.name,
            status: i.status,
            volume: i.volume?.size,
            flavor: String(i.flavor.id),
            configuration: i.configuration?.id ?? null,
          })),
          `${client.name}'s instances`,
        ).toEqual(
          sorted(live, (i) => i.id).map((i) => ({
            id: i.id,
            name: i.name,
            status: i.failing ? 'ERROR' : 'ACTIVE',
            volume: i.volume,
            flavor: i.flavor,
            configuration: i.configurationId,
          })),
        )
        for (const i of own.filter((x) => x.deleted)) {
          expect((await setup.call('GET', `/instances/${i.id}`)).status, `${i.name} deleted`).toBe(
            404,
          )
        }

        const backups = (await setup.backups()).filter((b) => b.name.startsWith(client.prefix))
        const ownBackups = [...client.backups.values()]
        expect(
          sorted(backups, (b) => b.id).map((b) => ({
            id: b.id,
            name: b.name,
            instance: b.instance_id,
            status: b.status,
          })),
          `${client.name}'s backups`,
        ).toEqual(
          sorted(
            ownBackups.filter((b) => !b.deleted),
            (b) => b.id,
          ).map((b) => ({ id: b.id, name: b.name, instance: b.instanceId, status: 'COMPLETED' })),
        )
        for (const b of ownBackups.filter((x) => x.deleted)) {
          expect((await setup.call('GET', `/backups/${b.id}`)).status, `${b.name} deleted`).toBe(
            404,
          )
        }
        for (const b of backups) await setup.get(`/backups/${b.id}`, backupShowSchema)

        const conf = client.ownConfiguration
        if (conf) {
          const shown = await setup.get(`/configurations/${conf.id}`, configurationShowSchema)
          expect(shown.configuration.values, `${client.name}'s configuration`).toEqual(conf.values)
          const using = await setup.get(
            `/configurations/${conf.id}/instances`,
            configurationInstancesSchema,
          )
          expect(
            sorted(
              using.instances.map((i) => i.id),
              (s) => s,
            ),
          ).toEqual(
            sorted(
              live.filter((i) => i.configurationId === conf.id).map((i) => i.id),
              (s) => s,
            ),
          )
        }
      }

      // ---- Shared resources: every client's writes landed, side by side.
      for (const g of groups) {
        const mine = clients.filter((c) => c.group === g).map((c) => c.client)
        const base = `/instances/${g.shared.instanceId}`
        const dbs = await g.setup.all(`${base}/databases`, databaseListSchema, (p) => p.databases)
        expect(
          sorted(
            dbs.map((d) => d.name),
            (s) => s,
          ),
          `databases of shared-${g.project}`,
        ).toEqual(
          sorted(
            mine.flatMap((c) => c.sharedDatabases),
            (s) => s,
          ),
        )
        const users = await g.setup.all(`${base}/users`, userListSchema, (p) => p.users)
        expect(
          sorted(
            users.map((u) => ({ name: u.name, databases: (u.databases ?? []).map((d) => d.name) })),
            (u) => u.name,
          ),
          `users of shared-${g.project}`,
        ).toEqual(
          sorted(
            mine.flatMap((c) => c.sharedUsers),
            (u) => u.name,
          ),
        )
        const conf = await g.setup.get(
          `/configurations/${g.shared.configurationId}`,
          configurationShowSchema,
        )
        const expected: Record<string, number> = { [initialKey.name]: initialKey.min }
        for (const c of mine) if (c.sharedValue !== undefined) expected[c.key.name] = c.sharedValue
        expect(conf.configuration.values, `values of shared-conf-${g.project}`).toEqual(expected)
        const shared = await g.setup.get(base, instanceShowSchema)
        expect(shared.instance.status).toBe('ACTIVE')
        expect(shared.instance.configuration?.id).toBe(g.shared.configurationId)
      }

      // ---- The numbers, for the record.
      const actions: Record<string, number> = {}
      for (const { client } of clients) {
        for (const [k, v] of Object.entries(client.actions)) actions[k] = (actions[k] ?? 0) + v
      }
      const ms = log.records.map((r) => r.ms).sort((a, b) => a - b)
      const pct = (p: number) =>
        Math.round(ms[Math.min(ms.length - 1, Math.floor(p * ms.length))] ?? 0)
      console.info(
        `concurrent-clients: ${clients.length} clients for ${(ranMs / 1000).toFixed(1)} s: ` +
          `${duringRun} requests during the run, ${log.records.length} in all; by status ` +
          `${JSON.stringify(log.byStatus())}; by kind ${JSON.stringify(actions)}; ` +
          `latency p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${pct(1)} ms`,
      )
      await server.stop()
    },
  )
})
