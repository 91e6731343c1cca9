import { describe, expect, it } from 'vitest'
import { instanceRequests } from '../instances/requests'
import { mgmtActionRequest } from '../mgmt/requests'
import { curlCommand } from './curl-command'
import { openstackCommand, shellLine, shellQuote } from './openstack-command'
import { userTwins } from '../users/twin-requests'
import { dbaasTwins, migrationCheckTwin, redactUriPassword } from '../dbaas/twin-requests'

const ID = '3f1a2b4c-0000-4000-8000-000000000001'
const argv = (r: Parameters<typeof openstackCommand>[0]) => {
  const c = openstackCommand(r)
  return 'argv' in c ? c.argv.slice(2).join(' ') : `none: ${c.none}`
}

describe('openstackCommand', () => {
  it('maps the instance requests to their OSC commands', () => {
    expect(argv(instanceRequests.restart(ID))).toBe(`instance restart ${ID}`)
    expect(argv(instanceRequests.resizeFlavor(ID, '7'))).toBe(`instance resize flavor ${ID} 7`)
    expect(argv(instanceRequests.resizeVolume(ID, 12))).toBe(`instance resize volume ${ID} 12`)
    expect(argv(instanceRequests.resetStatus(ID))).toBe(`instance reset status ${ID}`)
    expect(argv(instanceRequests.rename(ID, 'new name'))).toBe(
      `instance update ${ID} --name new name`,
    )
    expect(argv(instanceRequests.delete(ID))).toBe(`instance delete ${ID}`)
    expect(
      argv(instanceRequests.updateAccess(ID, { is_public: true, allowed_cidrs: ['10.0.0.0/8'] })),
    ).toBe(`instance update ${ID} --is-public --allowed-cidr 10.0.0.0/8`)
  })

  it('maps the admin reboot and rebuild to their OSC commands (both send the /mgmt action)', () => {
    expect(argv(mgmtActionRequest(ID, 'reboot'))).toBe(`instance reboot ${ID}`)
    const image = 'c00000c0-00c0-0c00-00c0-000c000000cc'
    expect(argv(mgmtActionRequest(ID, 'rebuild', { imageId: image }))).toBe(
      `instance rebuild ${ID} ${image}`,
    )
  })

  it('says so where the CLI cannot send the same body', () => {
    expect(
      argv(instanceRequests.updateAccess(ID, { is_public: false, allowed_cidrs: [] })),
    ).toMatch(/^none: .*CIDRs/)
    expect(argv({ service: 'dbaas', method: 'DELETE', path: '/dbaas-mysql/x' })).toMatch(/^none:/)
    expect(argv({ service: 'database', method: 'POST', path: '/mgmt/instances/x/action' })).toMatch(
      /^none:/,
    )
    expect(argv(mgmtActionRequest(ID, 'stop'))).toMatch(/^none: .*admin action stop/)
    expect(argv(mgmtActionRequest(ID, 'migrate', { host: 'compute-002' }))).toMatch(
      /^none: .*admin action migrate/,
    )
    expect(argv(mgmtActionRequest(ID, 'reset-task-status'))).toMatch(/^none: .*reset-task-status/)
    expect(
      argv({
        service: 'database',
        method: 'POST',
        path: `/backups/${ID}/action`,
        body: { 'copy-backup': { target_backup_region: 'b' } },
      }),
    ).toMatch(/^none: .*copying/)
  })

  it('maps backups, root, databases and users', () => {
    expect(
      argv({
        service: 'database',
        method: 'POST',
        path: '/backups',
        body: { backup: { name: 'nightly', instance: ID, description: 'd', incremental: 1 } },
      }),
    ).toBe(`backup create --instance ${ID} --description d --incremental nightly`)
    expect(argv({ service: 'database', method: 'DELETE', path: `/backups/${ID}` })).toBe(
      `backup delete ${ID}`,
    )
    expect(
      argv({ service: 'database', method: 'DELETE', path: `/instances/${ID}/users/bob%40%25` }),
    ).toBe(`user delete ${ID} bob --host %`)
  })

  it('maps access grant and revoke (the requests the access dialog sends)', () => {
    const scope = { projectId: 'p', region: 'r', instanceId: ID }
    const bob = { name: 'bob', host: '%' }
    expect(argv(userTwins.grantAccess(scope, bob, ['app', 'logs']))).toBe(
      `user grant access ${ID} bob --host % app logs`,
    )
    expect(argv(userTwins.revokeAccess(scope, { name: 'a.b' }, 'my db'))).toBe(
      `user revoke access ${ID} a.b --host % my db`,
    )
    expect(userTwins.revokeAccess(scope, { name: 'a.b' }, 'my db').path).toBe(
      `/instances/${ID}/users/a.b%40%25/databases/my%20db`,
    )
    expect(
      argv({
        service: 'database',
        method: 'PUT',
        path: `/instances/${ID}/users/bob%40%25/databases`,
        body: { databases: [{ name: 'app', character_set: 'utf8' }] },
      }),
    ).toMatch(/^none: .*access grant/)
  })

  it('says the DBaaS dialogs have no openstack command, and hides a source URI password', () => {
    const twin = migrationCheckTwin('pg-1', {
      'source-service-uri': 'postgres://admin:s3cr:et@db.example.com:5432/app',
      'ignore-dbs': 'tmp',
    })
    expect(JSON.stringify(twin.body)).not.toContain('s3cr')
    expect(twin.body).toEqual({
      'source-service-uri': 'postgres://admin:<password>@db.example.com:5432/app',
      'ignore-dbs': 'tmp',
    })
    expect(redactUriPassword('mysql://db.example.com/app')).toBe('mysql://db.example.com/app')
    for (const req of [
      twin,
      dbaasTwins.attachEndpoint('pg-1', 'e1', 'prometheus'),
      dbaasTwins.detachEndpoint('pg-1', 'i1'),
      dbaasTwins.createIntegration({
        'integration-type': 'metrics',
        'source-service': 'pg-1',
        'dest-service': 'm3',
        settings: {},
      }),
      dbaasTwins.updateIntegration('i1', { interval: 10 }),
    ])
      expect(argv(req)).toMatch(/^none: The openstack CLI has no command for the DBaaS/)
    expect(curlCommand(dbaasTwins.updateIntegration('i 1', { interval: 10 }))).toBe(
      `curl -X PUT "$DBAAS_URL/dbaas-integration/i%201" \\\n  -H "X-Auth-Token: $OS_TOKEN" \\\n  -H "Content-Type: application/json" \\\n  -d '{"settings":{"interval":10}}'`,
    )
  })
})

describe('shell text', () => {
  it('quotes what the shell would split or expand', () => {
    expect(shellQuote('abc-1.2')).toBe('abc-1.2')
    expect(shellQuote("it's $HOME")).toBe(`'it'\\''s $HOME'`)
    expect(shellLine(['openstack', 'database', 'instance', 'update', ID, '--name', 'a b'])).toBe(
      `openstack database instance update ${ID} --name 'a b'`,
    )
  })

  it('writes the curl request with the exact JSON body and the token as $OS_TOKEN', () => {
    const text = curlCommand(instanceRequests.resizeVolume(ID, 12))
    expect(text).toContain(`curl -X POST "$TROVE_URL/instances/${ID}/action"`)
    expect(text).toContain('-H "X-Auth-Token: $OS_TOKEN"')
    expect(text).toContain(`-d '{"resize":{"volume":{"size":12}}}'`)
    expect(curlCommand(instanceRequests.delete(ID))).not.toContain('-d ')
  })
})

describe('configuration attach and detach', () => {
  it('maps to instance update with --configuration / --remove-configuration', () => {
    expect(argv(instanceRequests.attachConfiguration(ID, 'cfg-1'))).toBe(
      `instance update ${ID} --configuration cfg-1`,
    )
    expect(argv(instanceRequests.detachConfiguration(ID))).toBe(
      `instance update ${ID} --remove-configuration`,
    )
    expect(argv(instanceRequests.detach(ID))).toBe(`instance detach ${ID}`)
    expect(argv(instanceRequests.upgrade(ID, 'v-2'))).toBe(`instance upgrade ${ID} v-2`)
  })
})
