import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serverFaults, startServerProcess, type ServerProcess } from '../../../server/proof/process'
import {
  CallLog,
  httpJson,
  keystoneLogin,
  TroveClient,
  until,
  type Session,
} from '../../../server/proof/trove-client'
import { instanceShowSchema, type Instance } from '../instances/schemas'
import { instanceRequests } from '../instances/requests'
import type { MutationRequest } from './mutation-request'
import { openstackCommand } from './openstack-command'
import { PASSWORD_PLACEHOLDER, redactPasswords } from './redact'
import { PUBLIC_NETWORK_ID } from '../../../server/network/networks'
import { userTwins } from '../users/twin-requests'
import { userCreateBody } from '../users/schemas'
import { databaseTwins } from '../databases/twin-requests'
import { rootTwins } from '../root/twin-requests'

/** The seeded all-tenants module for MySQL (server/store/schema/modules.ts). */
const SEEDED_MYSQL_MODULE = '5a4f8c1e-7d2b-4e6a-9c3f-0b1d2e3f4a02'

/**
 * The CLI twin, proven: for each instance action the dialog's request (from the same builders
 * the mutations send) goes once to the embedded cloud as the console sends it, and once as the
 * `openstack database ...` command the dialog shows, run by the real /usr/bin/openstack on a
 * twin instance. Both instances must end in the same state.
 */

const run = promisify(execFile)
const REGION = 'RegionOne'
const dir = mkdtempSync(join(tmpdir(), 'proof-cli-twin-'))
let server: ServerProcess
let session: Session
let trove: TroveClient

beforeAll(async () => {
  server = await startServerProcess({ dbPath: join(dir, 'cloud.db'), taskSpeed: 0.05 })
  session = await keystoneLogin(server.url, 'demo', 'demo')
  trove = new TroveClient(session, REGION, new CallLog())
}, 90_000)

afterAll(async () => {
  await server.kill()
  rmSync(dir, { recursive: true, force: true })
})

/** What the console's fetch does: the JSON body to the catalog endpoint with the token. */
async function sendAsConsole(req: MutationRequest): Promise<void> {
  const reply = await httpJson(req.method, `${trove.base}${req.path}`, {
    token: session.token,
    body: req.body,
  })
  expect(reply.status, `${req.method} ${req.path}: ${JSON.stringify(reply.body)}`).toBeLessThan(300)
}

/** The twin's openstack command, run by the real CLI against the same cloud and project. */
async function sendAsCli(
  req: MutationRequest,
  swap: (argv: string[]) => string[] = (argv) => argv,
): Promise<string[]> {
  const cmd = openstackCommand(req)
  if (!('argv' in cmd)) throw new Error(`no openstack command for ${req.method} ${req.path}`)
  const argv = swap(cmd.argv)
  const [bin, ...args] = argv
  expect(bin).toBe('openstack')
  await run('/usr/bin/openstack', args, {
    timeout: 90_000,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: dir,
      OS_AUTH_URL: `${server.url}/v3`,
      OS_IDENTITY_API_VERSION: '3',
      OS_USERNAME: 'demo',
      OS_PASSWORD: 'demo',
      OS_PROJECT_NAME: 'demo',
      OS_USER_DOMAIN_ID: 'default',
      OS_PROJECT_DOMAIN_ID: 'default',
      OS_REGION_NAME: REGION,
      OS_INTERFACE: 'public',
    },
  })
  return argv
}

async function show(id: string): Promise<Instance | null> {
  const reply = await trove.call('GET', `/instances/${id}`)
  if (reply.status === 404) return null
  return instanceShowSchema.parse(reply.body).instance
}

async function settled(id: string): Promise<Instance> {
  return until(
    `instance ${id} to settle`,
    async () => {
      const i = await show(id)
      return i && (i.status === 'ACTIVE' || i.status === 'ERROR') && i.operating_status !== ''
        ? i
        : undefined
    },
    60_000,
  )
}

/** What an action may change, without what differs between two instances by nature. */
function state(i: Instance) {
  return {
    status: i.status,
    flavor: String(i.flavor.id),
    volume: i.volume?.size,
    access: i.access ?? null,
    datastore: i.datastore,
  }
}

async function create(name: string): Promise<string> {
  const reply = await trove.call('POST', '/instances', {
    instance: {
      name,
      flavorRef: '2',
      volume: { size: 1 },
      datastore: { type: 'mysql', version: '5.7' },
    },
  })
  expect(reply.status).toBe(200)
  return instanceShowSchema.parse(reply.body).instance.id
}

describe('the CLI twin of each instance action does what the console does', () => {
  let a = ''
  let b = ''

  beforeAll(async () => {
    a = await create('twin-console')
    b = await create('twin-cli')
    await Promise.all([settled(a), settled(b)])
  }, 90_000)

  const ACTIONS: {
    name: string
    req: (id: string) => MutationRequest
    after?: (i: Instance) => void
  }[] = [
    { name: 'restart', req: (id) => instanceRequests.restart(id) },
    {
      name: 'resize volume',
      req: (id) => instanceRequests.resizeVolume(id, 2),
      after: (i) => expect(i.volume?.size).toBe(2),
    },
    {
      name: 'resize flavor',
      req: (id) => instanceRequests.resizeFlavor(id, '3'),
      after: (i) => expect(String(i.flavor.id)).toBe('3'),
    },
    {
      name: 'update access',
      req: (id) =>
        instanceRequests.updateAccess(id, { is_public: true, allowed_cidrs: ['10.0.0.0/8'] }),
      after: (i) => expect(i.access?.allowed_cidrs).toEqual(['10.0.0.0/8']),
    },
  ]

  for (const action of ACTIONS) {
    it(`${action.name}`, { timeout: 150_000 }, async () => {
      await Promise.all([sendAsConsole(action.req(a)), sendAsCli(action.req(b))])
      const [byConsole, byCli] = await Promise.all([settled(a), settled(b)])
      action.after?.(byConsole)
      expect(state(byCli)).toEqual(state(byConsole))
    })
  }

  it('rename', { timeout: 150_000 }, async () => {
    await Promise.all([
      sendAsConsole(instanceRequests.rename(a, 'twin-console-2')),
      sendAsCli(instanceRequests.rename(b, 'twin-cli-2')),
    ])
    const [byConsole, byCli] = await Promise.all([settled(a), settled(b)])
    expect(byConsole.name).toBe('twin-console-2')
    expect(byCli.name).toBe('twin-cli-2')
    expect(state(byCli)).toEqual(state(byConsole))
  })

  it('delete', { timeout: 150_000 }, async () => {
    await Promise.all([
      sendAsConsole(instanceRequests.delete(a)),
      sendAsCli(instanceRequests.delete(b)),
    ])
    for (const id of [a, b])
      await until(`instance ${id} gone`, async () => ((await show(id)) ? undefined : true), 60_000)
    expect(serverFaults(server.output())).toEqual([])
  })
})

describe('the CLI twin of launch, user create, database create and root enable', () => {
  const PASSWORD = 'Twin-Pass-2026-ok'
  const redact = (argv: string[]) => argv.map((a) => a.replaceAll(PASSWORD_PLACEHOLDER, PASSWORD))
  let a = ''
  let b = ''

  const launchBody = (name: string, password: string) => ({
    instance: {
      name,
      datastore: { type: 'mysql', version: '8.0' },
      flavorRef: '2',
      volume: { size: 1, type: 'ssd' },
      databases: [{ name: 'app' }],
      users: [{ name: 'owner', password, databases: [{ name: 'app' }] }],
      nics: [{ 'net-id': PUBLIC_NETWORK_ID }],
      modules: [{ id: SEEDED_MYSQL_MODULE }],
    },
  })
  const list = async (id: string, what: 'users' | 'databases') => {
    const reply = await trove.call('GET', `/instances/${id}/${what}`)
    expect(reply.status).toBe(200)
    return reply.body
  }

  it('launch', { timeout: 150_000 }, async () => {
    const twin: MutationRequest = {
      service: 'database',
      method: 'POST',
      path: '/instances',
      body: redactPasswords(launchBody('twin-launch-cli', PASSWORD)),
    }
    const consoleReply = await trove.call(
      'POST',
      '/instances',
      launchBody('twin-launch-console', PASSWORD),
    )
    expect(consoleReply.status).toBe(200)
    a = instanceShowSchema.parse(consoleReply.body).instance.id
    const argv = await sendAsCli(twin, redact)
    expect(argv).toEqual(expect.arrayContaining(['--nic', `net-id=${PUBLIC_NETWORK_ID}`]))
    expect(argv).toEqual(expect.arrayContaining(['--module', SEEDED_MYSQL_MODULE]))
    const found = await until(
      'the CLI-launched instance',
      async () => {
        const r = await trove.call('GET', '/instances')
        const all = (r.body as { instances: { id: string; name: string }[] }).instances
        return all.find((i) => i.name === 'twin-launch-cli')?.id
      },
      30_000,
    )
    b = found
    const [byConsole, byCli] = await Promise.all([settled(a), settled(b)])
    expect(byConsole.status).toBe('ACTIVE')
    // troveclient always sends `access: {is_public: false}`; the console sends no access for a
    // private instance. Both are private: compare what access means, not how it is spelled.
    const meaning = (i: Instance) => ({
      ...state(i),
      access: { is_public: i.access?.is_public ?? false, cidrs: i.access?.allowed_cidrs ?? [] },
    })
    expect(meaning(byCli)).toEqual(meaning(byConsole))
    expect(await list(b, 'databases')).toEqual(await list(a, 'databases'))
    expect(await list(b, 'users')).toEqual(await list(a, 'users'))
  })

  it('user create, database create, root enable', { timeout: 150_000 }, async () => {
    const scopeA = { projectId: session.projectId, region: REGION, instanceId: a }
    const scopeB = { ...scopeA, instanceId: b }
    const user = { name: 'reporter', password: PASSWORD, host: '%', databases: ['app'] }
    // The twin never carries the typed password: the CLI user puts theirs in its place.
    expect(JSON.stringify(userTwins.create(scopeB, user))).not.toContain(PASSWORD)
    await sendAsConsole({ ...userTwins.create(scopeA, user), body: userCreateBody(user) })
    await sendAsCli(userTwins.create(scopeB, user), redact)
    expect(await list(b, 'users')).toEqual(await list(a, 'users'))

    const database = { name: 'reports', characterSet: 'utf8mb4', collation: 'utf8mb4_bin' }
    await sendAsConsole(databaseTwins.create(scopeA, database))
    await sendAsCli(databaseTwins.create(scopeB, database))
    expect(await list(b, 'databases')).toEqual(await list(a, 'databases'))

    await sendAsConsole(rootTwins.enable(scopeA))
    await sendAsCli(rootTwins.enable(scopeB))
    for (const id of [a, b]) {
      const r = await trove.call('GET', `/instances/${id}/root`)
      expect(r.body).toEqual({ rootEnabled: true })
    }
  })

  it('access grant and revoke (the access dialog)', { timeout: 150_000 }, async () => {
    const scopeA = { projectId: session.projectId, region: REGION, instanceId: a }
    const scopeB = { ...scopeA, instanceId: b }
    const reporter = { name: 'reporter', host: '%' }
    const access = async (id: string) => {
      const r = await trove.call('GET', `/instances/${id}/users/reporter%40%25/databases`)
      expect(r.status).toBe(200)
      return r.body
    }
    await sendAsConsole(userTwins.grantAccess(scopeA, reporter, ['reports']))
    const granted = await sendAsCli(userTwins.grantAccess(scopeB, reporter, ['reports']))
    expect(granted.slice(2, 5)).toEqual(['user', 'grant', 'access'])
    expect(await access(a)).toEqual({ databases: [{ name: 'app' }, { name: 'reports' }] })
    expect(await access(b)).toEqual(await access(a))

    await sendAsConsole(userTwins.revokeAccess(scopeA, reporter, 'app'))
    await sendAsCli(userTwins.revokeAccess(scopeB, reporter, 'app'))
    expect(await access(a)).toEqual({ databases: [{ name: 'reports' }] })
    expect(await access(b)).toEqual(await access(a))
  })

  afterAll(async () => {
    for (const id of [a, b].filter(Boolean)) await trove.call('DELETE', `/instances/${id}`)
    for (const id of [a, b].filter(Boolean))
      await until(`instance ${id} gone`, async () => ((await show(id)) ? undefined : true), 60_000)
    expect(serverFaults(server.output())).toEqual([])
  }, 90_000)
})
