import { describe, expect, it } from 'vitest'
import { createInstanceRequestSchema } from '@/api/instances/schemas'
import { isCidr, isIpv6 } from '@/api/rules/cidrs'
import { DEFAULT_PASSWORD_POLICY, generatePolicyPassword } from '@/api/rules/password-strength'
import {
  launchInstanceDefaults,
  launchInstanceSchema,
  launchInstanceSchemaFor,
  toCreateInstanceRequest,
  type LaunchInstanceValues,
} from './launch-instance.schema'

const U1 = '11111111-2222-3333-4444-555555555555'
const U2 = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'

const minimal: LaunchInstanceValues = {
  ...launchInstanceDefaults,
  name: 'orders',
  datastoreType: 'mysql',
  datastoreVersion: '8.0',
  flavorId: '2',
  volumeSize: 5,
}

function errors(values: LaunchInstanceValues): Record<string, string> {
  const r = launchInstanceSchema.safeParse(values)
  if (r.success) return {}
  const out: Record<string, string> = {}
  for (const i of r.error.issues) out[i.path.join('.')] ??= i.message
  return out
}

describe('address helpers', () => {
  it('accepts IPv4 and IPv6 CIDRs', () => {
    for (const ok of [
      '10.0.0.0/8',
      '0.0.0.0/0',
      '192.168.1.7',
      '2001:db8::/32',
      '::/0',
      '::1',
      'fe80::1%'.slice(0, 7),
      '2001:db8:0:0:0:0:0:1/128',
      '::ffff:10.0.0.1/128',
    ]) {
      expect(isCidr(ok), ok).toBe(true)
    }
    for (const bad of [
      '10.0.0.0/33',
      '10.0.0/8',
      '256.1.1.1/8',
      'abc',
      '',
      '2001:db8::/129',
      '1:2:3:4:5:6:7:8:9',
      '1::2::3',
      '10.0.0.0/8/1',
      '10.0.0.0/x',
    ]) {
      expect(isCidr(bad), bad).toBe(false)
    }
    expect(isIpv6('1:2:3:4:5:6:7:8')).toBe(true)
    expect(isIpv6('1:2:3:4:5:6:7')).toBe(false)
    expect(isIpv6('1:2:3:4:5:6:1.2.3.4')).toBe(true)
    expect(isIpv6('12345::')).toBe(false)
  })
})

describe('launchInstanceSchema', () => {
  it('accepts the minimal form', () => {
    expect(errors(minimal)).toEqual({})
  })
  it('the defaults are complete but not submittable', () => {
    expect(errors(launchInstanceDefaults)).toEqual({
      name: 'Enter a name.',
      datastoreType: 'Choose a datastore.',
      datastoreVersion: 'Choose a version.',
      flavorId: 'Choose a flavor.',
    })
  })
  it('checks volume size and replica count', () => {
    expect(errors({ ...minimal, volumeSize: 0 })).toHaveProperty('volumeSize')
    expect(errors({ ...minimal, volumeSize: 1.5 })).toHaveProperty('volumeSize')
    expect(errors({ ...minimal, volumeSize: Number.NaN })).toHaveProperty('volumeSize')
    expect(errors({ ...minimal, replicaCount: 2 })).toHaveProperty('replicaCount')
    expect(errors({ ...minimal, replicaOf: U1, replicaCount: 4 })).toHaveProperty('replicaCount')
  })
  it('a replica does not need datastore or flavor', () => {
    expect(
      errors({
        ...minimal,
        datastoreType: '',
        datastoreVersion: '',
        flavorId: '',
        replicaOf: U1,
        replicaCount: 3,
      }),
    ).toEqual({})
  })
  it('fields of disabled controls (undefined) fall back to defaults', () => {
    const r = launchInstanceSchema.safeParse({
      ...minimal,
      datastoreType: undefined,
      datastoreVersion: undefined,
      flavorId: undefined,
      volumeSize: undefined,
      locality: undefined,
      replicaOf: U1,
    })
    expect(r.success).toBe(true)
    if (r.success)
      expect(toCreateInstanceRequest(r.data).instance).toEqual({
        name: 'orders',
        replica_of: U1,
        replica_count: 1,
      })
    const notReplica = launchInstanceSchema.safeParse({ ...minimal, replicaCount: undefined })
    expect(notReplica.success).toBe(true)
  })
  it('reports every problem at once, even with an empty number', () => {
    expect(
      Object.keys(
        errors({ ...launchInstanceDefaults, volumeSize: Number.NaN, allowedCidrs: 'x' }),
      ).sort(),
    ).toEqual([
      'allowedCidrs',
      'datastoreType',
      'datastoreVersion',
      'flavorId',
      'name',
      'volumeSize',
    ])
  })
  it('checks databases and users', () => {
    const e = errors({
      ...minimal,
      databases: [
        { name: 'shop', characterSet: '', collate: '' },
        { name: 'shop', characterSet: '', collate: '' },
        { name: 'bad name!', characterSet: '', collate: '' },
        { name: '', characterSet: '', collate: '' },
      ],
      users: [
        { name: 'this_name_is_way_too_long', password: 'x1', host: '', databases: [] },
        { name: 'app', password: '', host: 'not a host', databases: ['nope'] },
        { name: 'ok', password: 'pw', host: '%', databases: ['shop'] },
        { name: 'bad;', password: 'pw', host: '', databases: [] },
      ],
    })
    expect(Object.keys(e).sort()).toEqual([
      'databases.1.name',
      'databases.2.name',
      'databases.3.name',
      'users.0.name',
      'users.1.databases',
      'users.1.host',
      'users.1.password',
      'users.3.name',
    ])
  })
  it('postgres database names are not held to MySQL rules', () => {
    // A dot is fine in PostgreSQL (PostgreSQLSchema.name_regex), not in MySQL (MySQLSchema).
    expect(
      errors({
        ...minimal,
        datastoreType: 'postgresql',
        databases: [{ name: 'my.db', characterSet: '', collate: '' }],
      }),
    ).toEqual({})
    expect(
      errors({ ...minimal, databases: [{ name: 'my.db', characterSet: '', collate: '' }] }),
    ).toHaveProperty('databases.0.name')
    // One character: the cloud accepts `a` on every datastore, so the form does too (it used to
    // refuse it for MySQL while both server routes accepted it).
    for (const datastoreType of ['mysql', 'postgresql']) {
      expect(
        errors({
          ...minimal,
          datastoreType,
          databases: [{ name: 'a', characterSet: '', collate: '' }],
        }),
      ).toEqual({})
    }
  })
  it('checks network, CIDRs and references', () => {
    expect(errors({ ...minimal, networkId: 'abc' })).toHaveProperty('networkId')
    expect(errors({ ...minimal, fixedIp: '10.0.0.5' })).toHaveProperty('fixedIp')
    expect(errors({ ...minimal, networkId: U1, fixedIp: '10.0.0.500' })).toHaveProperty('fixedIp')
    expect(errors({ ...minimal, networkId: U1, fixedIp: '10.0.0.5' })).toEqual({})
    expect(errors({ ...minimal, allowedCidrs: '10.0.0.0/8\n\n  2001:db8::/32 \n' })).toEqual({})
    expect(errors({ ...minimal, allowedCidrs: '10.0.0.0/8\nnope' })['allowedCidrs']).toContain(
      'nope',
    )
    expect(errors({ ...minimal, allowedCidrs: '10.0.0.0/8\n10.0.0.0/8' })).toHaveProperty(
      'allowedCidrs',
    )
    expect(errors({ ...minimal, configurationId: 'x' })).toHaveProperty('configurationId')
    expect(errors({ ...minimal, backupId: 'x' })).toHaveProperty('backupId')
    expect(errors({ ...minimal, moduleIds: `${U1}, nope` })['moduleIds']).toContain('nope')
    expect(errors({ ...minimal, name: '!!!' })).toHaveProperty('name')
    expect(errors({ ...minimal, volumeType: '--' })).toHaveProperty('volumeType')
  })
})

describe('toCreateInstanceRequest', () => {
  it('builds the minimal body', () => {
    const body = toCreateInstanceRequest({ ...minimal, name: '  orders  ' })
    expect(body).toEqual({
      instance: {
        name: 'orders',
        datastore: { type: 'mysql', version: '8.0' },
        flavorRef: '2',
        volume: { size: 5 },
      },
    })
    expect(createInstanceRequestSchema.safeParse(body).success).toBe(true)
  })
  it('builds a full body that satisfies the wire schema', () => {
    const values: LaunchInstanceValues = {
      ...minimal,
      volumeType: 'ssd',
      availabilityZone: 'nova',
      locality: 'anti-affinity',
      databases: [
        { name: 'shop', characterSet: 'utf8mb4', collate: ' utf8mb4_general_ci ' },
        { name: 'logs', characterSet: '', collate: '' },
      ],
      users: [
        { name: 'app', password: 's3cret', host: '10.0.0.%', databases: ['shop', 'logs'] },
        { name: 'ro', password: 'pw', host: '', databases: [] },
      ],
      networkId: U1,
      fixedIp: '10.1.2.3',
      isPublic: true,
      allowedCidrs: '10.0.0.0/8\n192.168.0.0/16\n',
      configurationId: U2,
      backupId: U1,
      moduleIds: `${U1}, ${U2}`,
    }
    expect(errors(values)).toEqual({})
    const body = toCreateInstanceRequest(values)
    expect(body).toEqual({
      instance: {
        name: 'orders',
        datastore: { type: 'mysql', version: '8.0' },
        flavorRef: '2',
        volume: { size: 5, type: 'ssd' },
        locality: 'anti-affinity',
        availability_zone: 'nova',
        databases: [
          { name: 'shop', character_set: 'utf8mb4', collate: 'utf8mb4_general_ci' },
          { name: 'logs' },
        ],
        users: [
          {
            name: 'app',
            password: 's3cret',
            host: '10.0.0.%',
            databases: [{ name: 'shop' }, { name: 'logs' }],
          },
          { name: 'ro', password: 'pw' },
        ],
        nics: [{ 'net-id': U1, ip_address: '10.1.2.3' }],
        access: { is_public: true, allowed_cidrs: ['10.0.0.0/8', '192.168.0.0/16'] },
        configuration: U2,
        restorePoint: { backupRef: U1 },
        modules: [{ id: U1 }, { id: U2 }],
      },
    })
    expect(createInstanceRequestSchema.safeParse(body).success).toBe(true)
  })
  it('a replica sends only replica_of and the count (plus shared fields)', () => {
    const body = toCreateInstanceRequest({
      ...minimal,
      locality: 'affinity',
      replicaOf: U1,
      replicaCount: 2,
    })
    expect(body).toEqual({ instance: { name: 'orders', replica_of: U1, replica_count: 2 } })
    expect(createInstanceRequestSchema.safeParse(body).success).toBe(true)
  })
  it('sends access when only CIDRs are given, and not when nothing is', () => {
    expect(
      toCreateInstanceRequest({ ...minimal, allowedCidrs: '10.0.0.0/8' }).instance.access,
    ).toEqual({
      is_public: false,
      allowed_cidrs: ['10.0.0.0/8'],
    })
    expect(toCreateInstanceRequest(minimal).instance.access).toBeUndefined()
    expect(toCreateInstanceRequest({ ...minimal, isPublic: true }).instance.access).toEqual({
      is_public: true,
    })
  })
  it('a network without fixed IP sends only net-id', () => {
    expect(toCreateInstanceRequest({ ...minimal, networkId: U1 }).instance.nics).toEqual([
      { 'net-id': U1 },
    ])
  })
})

describe('launch form: password policy on the initial users', () => {
  const values = {
    ...launchInstanceDefaults,
    name: 'db1',
    datastoreType: 'mysql',
    datastoreVersion: '8.0',
    flavorId: '2',
    volumeSize: 2,
    users: [{ name: 'app', password: 'a', host: '', databases: [] }],
  }
  it('refuses a weak password the cloud would take', () => {
    expect(launchInstanceSchema.safeParse(values).success).toBe(true)
    const r = launchInstanceSchemaFor(DEFAULT_PASSWORD_POLICY).safeParse(values)
    expect(r.success).toBe(false)
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['users.0.password'])
  })
  it('accepts a generated one', () => {
    const password = generatePolicyPassword(DEFAULT_PASSWORD_POLICY)
    const ok = { ...values, users: [{ ...values.users[0]!, password }] }
    expect(launchInstanceSchemaFor(DEFAULT_PASSWORD_POLICY).safeParse(ok).success).toBe(true)
  })
})
