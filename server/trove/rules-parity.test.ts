/**
 * One rule, two places: every case goes through the console's form schema and through the
 * embedded cloud's route (in-process), for every datastore the cloud seeds, and both must give
 * the same verdict. Where a case settles a question (the four contradictions of issue 13, the
 * limits per datastore), the expected verdict is written down too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databaseCreateBody, databaseFormSchema } from '../../src/api/databases/schemas'
import { SEEDED_DATASTORES, datastoreFamily } from '../../src/api/rules/datastore-family'
import {
  passwordsFormSchema,
  userCreateBody,
  userEditBody,
  userEditSchema,
  userFormSchema,
} from '../../src/api/users/schemas'
import {
  renameSchema,
  resizeVolumeSchema,
  toAccessChange,
  updateAccessSchema,
} from '../../src/features/instances/forms/action-schemas'
import {
  launchInstanceDefaults,
  launchInstanceSchema,
  toCreateInstanceRequest,
  type LaunchInstanceValues,
} from '../../src/features/instances/forms/launch-instance.schema'
import { troveFixture } from './test-fixtures'

type Family = 'mysql' | 'postgresql'
/** A case: the value, and (optionally) the verdict each family must give. */
type Case = [value: string, expected?: Partial<Record<Family, boolean>>]
const both = (ok: boolean) => ({ mysql: ok, postgresql: ok })

const VERSIONS: Record<(typeof SEEDED_DATASTORES)[number], string> = {
  mysql: '5.7',
  mariadb: '10.4',
  postgresql: '12',
}

const DATABASE_NAMES: Case[] = [
  ['a', both(true)], // contradiction 1: the launch form refused it, both routes accepted it
  ['a\tb', { mysql: false, postgresql: true }], // contradiction 2 (MySQL): create accepted it
  ['', both(false)],
  ['db1', both(true)],
  ['x'.repeat(63), both(true)],
  ['x'.repeat(64), { mysql: true, postgresql: false }],
  ['x'.repeat(65), both(false)],
  ['with space', both(true)],
  [' lead', { mysql: false, postgresql: true }],
  ['trail ', both(false)],
  ['a@b', both(true)],
  ['my.db', { mysql: false, postgresql: true }],
  ['a%b', { mysql: false, postgresql: true }],
  ['a_b', both(true)],
  ["o'k", { mysql: false, postgresql: true }],
  ['a"b', { mysql: false, postgresql: true }],
  ['a\\b', { mysql: false }],
  ['a\nb', { mysql: false }],
  ['dé', { mysql: false, postgresql: true }],
  ['ünïcødé', { mysql: false, postgresql: true }],
  ['__', both(false)], // no letter or digit (non_empty_string)
  ['mysql', { mysql: false, postgresql: true }],
  ['sys', { mysql: false }],
  ['postgres', { mysql: true, postgresql: false }],
  ['os_admin', { postgresql: false }],
  ['template1', { postgresql: false }],
]

const USER_NAMES: Case[] = [
  ['u1', both(true)],
  ['x'.repeat(16), both(true)],
  ['x'.repeat(17), { mysql: false, postgresql: true }],
  ['x'.repeat(22), { mysql: false, postgresql: true }], // contradiction 3
  ['x'.repeat(63), { mysql: false, postgresql: true }],
  ['x'.repeat(64), both(false)],
  ['', both(false)],
  [' x', { mysql: false }],
  ['x ', { mysql: false }],
  ['a b', both(true)],
  ["o'neil", { mysql: false, postgresql: true }],
  ['a;b', { mysql: false }],
  ['a`b', { mysql: false }],
  ['a/b', { mysql: false }],
  ['a\\b', { mysql: false }],
  ['a\tb', { mysql: false }],
  ['a\u200bb', { mysql: false }],
  ['ünï', both(true)],
  ['a%b', both(true)],
  ['a_b', both(true)],
  ['___', both(false)],
  ['root', both(false)],
  ['os_admin', both(false)],
  ['postgres', { mysql: true, postgresql: false }],
]

const HOSTS: Case[] = [
  ['%', both(true)],
  ['10.0.0.5', both(true)],
  ['192.168.1.%', both(true)],
  ['%.%.%.%', both(false)], // host_string: % only at either end
  ['999.1.1.%', { mysql: false, postgresql: true }], // contradiction 4
  ['300.1.1.1', { mysql: false, postgresql: true }],
  ['10.%.2.3', both(false)],
  ['db.example.com', { mysql: false, postgresql: true }],
  ['db-1.example.com', both(false)],
  ['10.0.0.0/8', both(false)],
  ['::1', both(false)],
  [' 10.0.0.5', both(false)],
]

const PASSWORDS: Case[] = [
  ['s3cret', both(true)],
  ['with space', both(true)],
  [' lead', { mysql: false, postgresql: true }],
  ["it's", { mysql: false, postgresql: true }],
  ['a;b', { mysql: false, postgresql: true }],
  ['a\tb', { mysql: false }],
  ['p@ss#?', both(true)],
  ['ünï1', both(true)],
  ['!!!', both(false)],
  ['x'.repeat(255), both(true)],
  ['x'.repeat(256), both(false)],
]

const INSTANCE_NAMES: Case[] = [
  ['orders', both(true)],
  ['  orders  ', both(true)], // the form trims what it sends
  ['', both(false)],
  ['   ', both(false)],
  ['!!!', both(false)],
  ['x'.repeat(255), both(true)],
  ['x'.repeat(256), both(false)],
  ['ünï-1', both(true)],
]

const CIDRS: Case[] = [
  ['10.0.0.0/8', both(true)],
  ['10.0.0.0/8\n192.168.1.7', both(true)],
  ['2001:db8::/32', both(true)],
  ['10.0.0.0/33', both(false)],
  ['999.0.0.0/8', both(false)],
  ['10.0.0.0/8\n10.0.0.0/8', both(false)],
  ['fe80::1%eth0', both(false)],
  ['nope', both(false)],
]

/**
 * The launch form cannot know the cloud's max_accepted_volume_size (Trove does not publish it),
 * so sizes above it are the cloud's 413 alone; the resize form gets the maximum and checks it.
 */
const VOLUME_SIZES: [number, boolean][] = [
  [0, false],
  [1, true],
  [2.5, false],
  [100, true],
]

let fx: Awaited<ReturnType<typeof troveFixture>>
afterAll(() => fx.t.close())

const formOk = (r: { success: boolean }) => r.success
const serverOk = (status: number) => {
  if (status >= 200 && status < 300) return true
  if (status === 400 || status === 413) return false
  throw new Error(`unexpected status ${status}`)
}

function checkExpected(value: string, family: Family, expected: Case[1], verdict: boolean) {
  const want = expected?.[family]
  if (want !== undefined)
    expect(verdict, `expected verdict for ${JSON.stringify(value)}`).toBe(want)
}

beforeAll(async () => {
  // PostgreSQL user and database rules are reachable through the console's extension only (real
  // Trove 18 refuses those operations on PostgreSQL with a 422).
  fx = await troveFixture({ postgresqlUsersExtension: true })
  // Accepted creates make instances: no quota may interfere with the verdicts.
  const res = await fx.t.json('PUT', `${fx.admin.base}/mgmt/quotas/${fx.demo.projectId}`, {
    token: fx.admin.token,
    body: { quotas: { instances: -1, ram: -1, volumes: -1 } },
  })
  expect(res.status).toBe(200)
})

describe.each(SEEDED_DATASTORES)('%s', (datastore) => {
  const fam = datastoreFamily(datastore) as Family
  let id = ''
  const call = (method: string, path: string, body?: unknown) =>
    fx.t.json(method, `${fx.demo.base}/instances/${id}${path}`, { token: fx.demo.token, body })
  const create = async (values: LaunchInstanceValues) => {
    const res = await fx.create(fx.demo, toCreateInstanceRequest(values).instance)
    return serverOk(res.status)
  }
  const launch: LaunchInstanceValues = {
    ...launchInstanceDefaults,
    name: 'parity',
    datastoreType: datastore,
    datastoreVersion: VERSIONS[datastore],
    flavorId: '2',
    volumeSize: 2,
  }

  beforeAll(async () => {
    id = await fx.active(fx.demo, { datastore: { type: datastore, version: VERSIONS[datastore] } })
    const res = await call('POST', '/users', { users: [{ name: 'edit', password: 'pw1' }] })
    expect(res.status).toBe(202)
  })

  describe('database names', () => {
    it.each(DATABASE_NAMES)('%j: launch form = instance create', async (name, expected) => {
      const values = { ...launch, databases: [{ name, characterSet: '', collate: '' }] }
      const form = formOk(launchInstanceSchema.safeParse(values))
      expect(await create(values)).toBe(form)
      checkExpected(name, fam, expected, form)
    })
    it.each(DATABASE_NAMES)('%j: add-database form = add databases', async (name, expected) => {
      const values = { name, characterSet: '', collation: '' }
      const form = formOk(databaseFormSchema(fam).safeParse(values))
      const res = await call('POST', '/databases', databaseCreateBody(values))
      expect(serverOk(res.status)).toBe(form)
      checkExpected(name, fam, expected, form)
    })
  })

  describe('user names', () => {
    it.each(USER_NAMES)('%j: launch form = instance create', async (name, expected) => {
      const values = { ...launch, users: [{ name, password: 'pw1', host: '', databases: [] }] }
      const form = formOk(launchInstanceSchema.safeParse(values))
      expect(await create(values)).toBe(form)
      checkExpected(name, fam, expected, form)
    })
    it.each(USER_NAMES)('%j: add-user form = add users', async (name, expected) => {
      const values = { name, password: 'pw1', host: '%', databases: [] }
      const form = formOk(userFormSchema(fam).safeParse(values))
      const res = await call('POST', '/users', userCreateBody(values))
      expect(serverOk(res.status)).toBe(form)
      checkExpected(name, fam, expected, form)
    })
  })

  describe('hosts', () => {
    it.each(HOSTS)('%j: launch form = instance create', async (host, expected) => {
      const values = { ...launch, users: [{ name: 'u1', password: 'pw1', host, databases: [] }] }
      const form = formOk(launchInstanceSchema.safeParse(values))
      expect(await create(values)).toBe(form)
      checkExpected(host, fam, expected, form)
    })
    it.each(HOSTS.map(([h, e], i): [string, Case[1], number] => [h, e, i]))(
      '%j: add-user form = add users',
      async (host, expected, i) => {
        const values = { name: `h${i}`, password: 'pw1', host, databases: [] }
        const form = formOk(userFormSchema(fam).safeParse(values))
        const res = await call('POST', '/users', userCreateBody(values))
        expect(serverOk(res.status)).toBe(form)
        checkExpected(host, fam, expected, form)
      },
    )
  })

  describe('passwords', () => {
    it.each(PASSWORDS)('%j: launch form = instance create', async (password, expected) => {
      const values = { ...launch, users: [{ name: 'u1', password, host: '', databases: [] }] }
      const form = formOk(launchInstanceSchema.safeParse(values))
      expect(await create(values)).toBe(form)
      checkExpected(password, fam, expected, form)
    })
    it.each(PASSWORDS)('%j: passwords form = update users', async (password, expected) => {
      const entries = [{ name: 'edit', host: '%', selected: true, password }]
      const form = formOk(passwordsFormSchema(fam).safeParse({ entries }))
      const res = await call('PUT', '/users', { users: [{ name: 'edit', password }] })
      expect(serverOk(res.status)).toBe(form)
      checkExpected(password, fam, expected, form)
    })
    it.each(PASSWORDS)('%j: edit-user form = update user', async (password, expected) => {
      const current = { name: 'edit', host: '%' }
      const values = { name: 'edit', host: '%', password }
      const form = formOk(userEditSchema(fam, current).safeParse(values))
      const res = await call('PUT', '/users/edit', userEditBody(values, current))
      expect(serverOk(res.status)).toBe(form)
      checkExpected(password, fam, expected, form)
    })
  })

  describe('instance names', () => {
    it.each(INSTANCE_NAMES)('%j: launch form = instance create', async (name, expected) => {
      const values = { ...launch, name }
      const form = formOk(launchInstanceSchema.safeParse(values))
      expect(await create(values)).toBe(form)
      checkExpected(name, fam, expected, form)
    })
    it.each(INSTANCE_NAMES)('%j: rename form = instance update', async (name, expected) => {
      const form = renameSchema('db1').safeParse({ newName: name })
      const sent = form.success ? form.data.newName : name.trim()
      const res = await fx.t.json('PUT', `${fx.demo.base}/instances/${id}`, {
        token: fx.demo.token,
        body: { instance: { name: sent } },
      })
      expect(serverOk(res.status)).toBe(form.success)
      checkExpected(name, fam, expected, form.success)
    })
  })

  describe('CIDRs', () => {
    it.each(CIDRS)('%j: launch form = instance create', async (cidrs, expected) => {
      const values = { ...launch, allowedCidrs: cidrs }
      const form = formOk(launchInstanceSchema.safeParse(values))
      expect(await create(values)).toBe(form)
      checkExpected(cidrs, fam, expected, form)
    })
    it.each(CIDRS)('%j: access form = instance update', async (cidrs, expected) => {
      const values = { isPublic: false, allowedCidrs: cidrs }
      const form = formOk(updateAccessSchema.safeParse(values))
      const res = await fx.t.json('PUT', `${fx.demo.base}/instances/${id}`, {
        token: fx.demo.token,
        body: { instance: { access: toAccessChange(values) } },
      })
      fx.t.advance(10) // the access update settles before the next case
      expect(serverOk(res.status)).toBe(form)
      checkExpected(cidrs, fam, expected, form)
    })
  })

  describe('volume sizes', () => {
    it.each(VOLUME_SIZES)('%j GB: launch form = instance create', async (volumeSize, ok) => {
      const values = { ...launch, volumeSize }
      const form = formOk(launchInstanceSchema.safeParse(values))
      expect(await create(values)).toBe(form)
      expect(form).toBe(ok)
    })
    it('resize form = resize action (grow only, at most the cloud maximum)', async () => {
      for (const delta of [0, -1, 1, 0.5]) {
        const shown = await fx.show(fx.demo, id)
        const current = shown.body.instance.volume.size as number
        const size = current + delta
        const form = formOk(resizeVolumeSchema(current, 100).safeParse({ size }))
        const res = await fx.action(fx.demo, id, { resize: { volume: { size } } })
        fx.t.advance(10)
        expect(serverOk(res.status), `resize ${current} -> ${size}`).toBe(form)
        expect(form).toBe(delta === 1)
      }
      for (const size of [100, 101]) {
        const shown = await fx.show(fx.demo, id)
        const current = shown.body.instance.volume.size as number
        const form = formOk(resizeVolumeSchema(current, 100).safeParse({ size }))
        const res = await fx.action(fx.demo, id, { resize: { volume: { size } } })
        fx.t.advance(10)
        expect(serverOk(res.status), `resize ${current} -> ${size}`).toBe(form)
        expect(form).toBe(size === 100)
      }
    })
  })
})
