import { describe, expect, it } from 'vitest'
import { curlCommand } from './curl-command'
import { openstackCommand, shellLine } from './openstack-command'
import { PASSWORD_PLACEHOLDER, redactPasswords } from './redact'
import { userTwins } from '../users/twin-requests'
import { databaseTwins } from '../databases/twin-requests'
import { rootTwins } from '../root/twin-requests'
import { dbaasTwins } from '../dbaas/twin-requests'

const scope = { projectId: 'p', region: 'RegionOne', instanceId: 'i-1' }
const argv = (r: Parameters<typeof openstackCommand>[0]) => {
  const c = openstackCommand(r)
  if (!('argv' in c)) throw new Error(c.none)
  return c.argv
}

describe('instance create twin', () => {
  it('maps flavor, size, datastore, version, nic, modules, configuration, backup and users', () => {
    const body = {
      instance: {
        name: 'db1',
        datastore: { type: 'mysql', version: '8.0' },
        flavorRef: '2',
        volume: { size: 5, type: 'ssd' },
        databases: [{ name: 'app' }],
        users: [{ name: 'u', password: PASSWORD_PLACEHOLDER, databases: [{ name: 'app' }] }],
        nics: [{ 'net-id': 'n-1' }],
        configuration: 'c-1',
        restorePoint: { backupRef: 'b-1' },
        modules: [{ id: 'm-1' }, { id: 'm-2' }],
      },
    }
    expect(argv({ service: 'database', method: 'POST', path: '/instances', body })).toEqual([
      'openstack',
      'database',
      'instance',
      'create',
      'db1',
      '--datastore',
      'mysql',
      '--datastore-version',
      '8.0',
      '--flavor',
      '2',
      '--size',
      '5',
      '--volume-type',
      'ssd',
      '--nic',
      'net-id=n-1',
      '--configuration',
      'c-1',
      '--backup',
      'b-1',
      '--module',
      'm-1',
      '--module',
      'm-2',
      '--databases',
      'app',
      '--users',
      'u:<password>',
    ])
  })
  it('maps a replica (source and count) and public access', () => {
    const body = {
      instance: {
        name: 'r',
        replica_of: 'src',
        replica_count: 2,
        access: { is_public: true, allowed_cidrs: ['10.0.0.0/8'] },
      },
    }
    expect(shellLine(argv({ service: 'database', method: 'POST', path: '/instances', body }))).toBe(
      'openstack database instance create r --replica-of src --replica-count 2 --is-public --allowed-cidr 10.0.0.0/8',
    )
  })
  it('says why when the CLI cannot send the body (a user with only some databases, a host)', () => {
    const some = {
      instance: {
        name: 'x',
        databases: [{ name: 'a' }, { name: 'b' }],
        users: [{ name: 'u', password: 'p', databases: [{ name: 'a' }] }],
      },
    }
    const r1 = openstackCommand({
      service: 'database',
      method: 'POST',
      path: '/instances',
      body: some,
    })
    expect(r1).toEqual({ none: expect.stringContaining('only some of the initial databases') })
    const host = { instance: { name: 'x', users: [{ name: 'u', password: 'p', host: '10.%' }] } }
    const r2 = openstackCommand({
      service: 'database',
      method: 'POST',
      path: '/instances',
      body: host,
    })
    expect(r2).toEqual({ none: expect.stringContaining('with a host') })
  })
})

describe('users, databases, root and DBaaS twins', () => {
  const typed = 'S3cret-typed-by-the-user!'

  it('never shows the password typed into the create-user form', () => {
    const req = userTwins.create(scope, {
      name: 'app',
      password: typed,
      host: '%',
      databases: ['sales'],
    })
    const os = shellLine(argv(req))
    const curl = curlCommand(req)
    expect(os).toBe(
      "openstack database user create i-1 app '<password>' --host % --databases sales",
    )
    expect(curl).toContain('"password":"<password>"')
    for (const text of [os, curl, JSON.stringify(req)]) expect(text).not.toContain(typed)
  })
  it('never shows new passwords of the edit and batch password dialogs', () => {
    const edit = userTwins.update(scope, { name: 'app', host: '%' }, { user: { password: typed } })
    const batch = userTwins.passwords(scope, {
      users: [{ name: 'a', host: '%', password: typed }],
    })
    for (const r of [edit, batch]) {
      expect(curlCommand(r)).not.toContain(typed)
      expect(JSON.stringify(openstackCommand(r))).not.toContain(typed)
    }
  })
  it('redacts at any depth and leaves the original alone', () => {
    const body = { instance: { users: [{ name: 'u', password: typed }] } }
    expect(JSON.stringify(redactPasswords(body))).not.toContain(typed)
    expect(body.instance.users[0]?.password).toBe(typed)
  })
  it('maps database create with its character set and collation', () => {
    const req = databaseTwins.create(scope, {
      name: 'sales',
      characterSet: 'utf8mb4',
      collation: 'utf8mb4_bin',
    })
    expect(argv(req).slice(2)).toContain('create')
    expect(shellLine(argv(req))).toMatch(/^openstack database db create i-1 sales/)
    expect(argv(req)).toEqual(expect.arrayContaining(['--character_set', 'utf8mb4']))
  })
  it('maps root enable and disable', () => {
    expect(shellLine(argv(rootTwins.enable(scope)))).toBe('openstack database root enable i-1')
    expect(shellLine(argv(rootTwins.disable(scope)))).toBe('openstack database root disable i-1')
  })
  it('says the CLI has no DBaaS command and keeps the curl request', () => {
    const req = dbaasTwins.deleteService('pg-1')
    expect(openstackCommand(req)).toEqual({ none: expect.stringContaining('DBaaS') })
    expect(curlCommand(req)).toBe(
      'curl -X DELETE "$DBAAS_URL/dbaas-service/pg-1" \\\n  -H "X-Auth-Token: $OS_TOKEN"',
    )
  })
})
