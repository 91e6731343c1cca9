import { afterEach, describe, expect, it } from 'vitest'
import { databaseListSchema } from '../../src/api/databases/schemas'
import { rootEnabledSchema, rootStatusSchema } from '../../src/api/root/schemas'
import { userListSchema, userShowSchema } from '../../src/api/users/schemas'
import { verifyPassword } from '../identity/passwords'
import { findUser, rootHistory } from '../store/user-database-queries'
import { troveFixture, type Session } from './test-fixtures'
import type { JsonBody } from '../testing'

let fx: Awaited<ReturnType<typeof troveFixture>>
afterEach(() => fx?.t.close())

const fault = (name: string, code: number, message: string) => ({ [name]: { code, message } })
const bad = (message: string) => fault('badRequest', 400, message)

async function setup(
  instance: Record<string, unknown> = {},
  cloud: Parameters<typeof troveFixture>[0] = {},
) {
  fx = await troveFixture(cloud)
  const id = await fx.active(fx.demo, instance)
  const call = (method: string, path: string, body?: unknown, s: Session = fx.demo) =>
    fx.t.json(method, `${s.base}/instances/${id}${path}`, { token: s.token, body })
  return { id, call }
}

const names = (res: { body: JsonBody }, key: 'databases' | 'users') =>
  (res.body[key] as { name: string }[]).map((x) => x.name)

describe('databases', () => {
  it('lists the databases made at create, adds, refuses bad ones and deletes (transcript)', async () => {
    const { call } = await setup({
      databases: [{ name: 'db1', character_set: 'utf8', collate: 'utf8_general_ci' }],
      users: [{ name: 'u1', password: 'secret', databases: [{ name: 'db1' }] }],
    })
    const first = await call('GET', '/databases')
    expect(first.status).toBe(200)
    expect(first.body).toEqual({ databases: [{ name: 'db1' }] })
    databaseListSchema.parse(first.body)

    const created = await call('POST', '/databases', { databases: [{ name: 'db2' }] })
    expect(created.status).toBe(202)
    expect(created.body).toBeNull()

    const badName = await call('POST', '/databases', { databases: [{ name: 'bad name!' }] })
    expect(badName.status).toBe(400)
    expect(badName.body).toEqual(bad("'bad name!' is not a valid schema name."))

    expect(names(await call('GET', '/databases'), 'databases')).toEqual(['db1', 'db2'])
    expect((await call('DELETE', '/databases/db2')).status).toBe(202)
    expect(names(await call('GET', '/databases'), 'databases')).toEqual(['db1'])
  })

  it('refuses duplicates, reserved names, long names and unknown charsets in Trove words', async () => {
    const { call } = await setup({ databases: [{ name: 'db1' }] })
    const cases: [unknown, string][] = [
      [{ name: 'db1' }, 'A database with the name "db1" already exists.'],
      [
        { name: 'mysql' },
        `Database name "mysql" is on the reserved list: ['mysql', 'information_schema', 'performance_schema', 'sys', 'lost+found'].`,
      ],
      [{ name: 'x'.repeat(65) }, `Schema name '${'x'.repeat(65)}' is too long. Max length = 64.`],
      [{ name: ' lead' }, "' lead' is not a valid schema name."],
      [{ name: 'a;b' }, "'a;b' is not a valid schema name."],
      [{ name: 'two gaps here' }, "'two gaps here' is not a valid schema name."],
      [{ name: 'ok', character_set: 'klingon' }, "'klingon' not a valid character set."],
      [
        { name: 'ok', character_set: 'latin1', collate: 'utf8_bin' },
        'utf8_bin not a valid collation for charset latin1.',
      ],
      [{ name: 'ok', collate: 'nope_ci' }, "'nope_ci' not a valid collation."],
    ]
    for (const [d, message] of cases) {
      const res = await call('POST', '/databases', { databases: [d] })
      expect(res.status, JSON.stringify(d)).toBe(400)
      expect(res.body).toEqual(bad(message))
    }
    const dup = await call('POST', '/databases', { databases: [{ name: 'a1' }, { name: 'a1' }] })
    expect(dup.body.badRequest.message).toMatch(/^Two or more databases share the same name/)
    // Nothing of a refused batch is written.
    const mixed = await call('POST', '/databases', { databases: [{ name: 'z1' }, { name: 'b;' }] })
    expect(mixed.status).toBe(400)
    expect(names(await call('GET', '/databases'), 'databases')).toEqual(['db1'])
  })

  it('accepts a collation alone, the sample with utf8mb3 and names with inner spaces/@', async () => {
    const { call } = await setup()
    const res = await call('POST', '/databases', {
      databases: [
        { name: 'databaseA', character_set: 'utf8mb3', collate: 'utf8mb3_general_ci' },
        { name: 'databaseB', collate: 'utf8mb4_unicode_ci' },
        { name: 'with space' },
        { name: 'a@b' },
        { name: 'a' },
      ],
    })
    expect(res.status).toBe(202)
    const stored = fx.t.store
      .prepare('SELECT name, character_set, collation FROM instance_databases ORDER BY name')
      .all()
    expect(stored).toEqual([
      { name: 'a', character_set: 'utf8', collation: 'utf8_general_ci' },
      { name: 'a@b', character_set: 'utf8', collation: 'utf8_general_ci' },
      { name: 'databaseA', character_set: 'utf8mb3', collation: 'utf8mb3_general_ci' },
      { name: 'databaseB', character_set: 'utf8mb4', collation: 'utf8mb4_unicode_ci' },
      { name: 'with space', character_set: 'utf8', collation: 'utf8_general_ci' },
    ])
  })

  it('validates the body like jsonschema', async () => {
    const { call } = await setup()
    expect((await call('POST', '/databases', {})).body).toEqual(
      bad("Validation error: 'databases' is a required property"),
    )
    expect((await call('POST', '/databases', { databases: [{}] })).body).toEqual(
      bad("Validation error: databases[0] 'name' is a required property"),
    )
    expect((await call('POST', '/databases')).status).toBe(400)
  })

  it('deletes: unknown 404, reserved and invalid 400, and revokes access to it', async () => {
    const { id, call } = await setup({
      databases: [{ name: 'db1' }, { name: 'db2' }],
      users: [{ name: 'u1', password: 'pw', databases: [{ name: 'db1' }, { name: 'db2' }] }],
    })
    expect((await call('DELETE', '/databases/nope')).body).toEqual(
      fault('itemNotFound', 404, 'Database nope cannot be found on the instance.'),
    )
    expect((await call('DELETE', '/databases/mysql')).body.badRequest.message).toMatch(
      /^Database delete error: Cannot delete database: Database name "mysql" is on the reserved list/,
    )
    expect((await call('DELETE', `/databases/${encodeURIComponent('a;b')}`)).body).toEqual(
      bad("Database delete error: 'a;b' is not a valid schema name."),
    )
    expect((await call('DELETE', '/databases/db1')).status).toBe(202)
    expect(findUser(fx.t.store, id, 'u1', '%')?.databases).toEqual(['db2'])
  })

  it('pages by name, 20 at most, with a next link', async () => {
    const { call } = await setup()
    const list = Array.from({ length: 25 }, (_, i) => ({ name: `d${String(i).padStart(2, '0')}` }))
    expect((await call('POST', '/databases', { databases: list })).status).toBe(202)
    const p1 = await call('GET', '/databases?limit=100')
    expect(p1.body.databases).toHaveLength(20)
    expect(p1.body.links[0].rel).toBe('next')
    const next = new URL(p1.body.links[0].href)
    expect(next.searchParams.get('marker')).toBe('d19')
    expect(next.searchParams.get('limit')).toBe('20')
    const p2 = await call('GET', `/databases?${next.searchParams.toString()}`)
    expect(names(p2, 'databases')).toEqual(['d20', 'd21', 'd22', 'd23', 'd24'])
    expect(p2.body.links).toBeUndefined()
    expect((await call('GET', '/databases?limit=abc')).status).toBe(400)
  })

  it('refuses users and databases on PostgreSQL with Trove 18’s 422, and keeps root', async () => {
    const { call } = await setup({ datastore: { type: 'postgresql', version: '12' } })
    const refusal = fault(
      'unprocessableEntity',
      422,
      'Operation not supported for datastore postgresql.',
    )
    for (const [method, path, body] of [
      ['GET', '/databases'],
      ['POST', '/databases', { databases: [{ name: 'app' }] }],
      ['DELETE', '/databases/app'],
      ['GET', '/users'],
      ['POST', '/users', { users: [{ name: 'app', password: 'Secret-123' }] }],
      ['GET', '/users/app'],
      ['DELETE', '/users/app'],
    ] as const) {
      const res = await call(method, path, body)
      expect([method, path, res.status, res.body]).toEqual([method, path, 422, refusal])
    }
    const root = await call('POST', '/root', {})
    expect(root.status).toBe(200)
    expect(root.body.user.name).toBe('root')
  })

  it('applies PostgreSQL rules on postgresql instances (console extension on)', async () => {
    const { call } = await setup(
      { datastore: { type: 'postgresql', version: '12' } },
      { postgresqlUsersExtension: true },
    )
    expect(
      (
        await call('POST', '/databases', {
          databases: [{ name: 'Ünïcode ok', character_set: 'UTF8', collate: 'en_US.UTF-8' }],
        })
      ).status,
    ).toBe(202)
    expect((await call('POST', '/databases', { databases: [{ name: 'postgres' }] })).status).toBe(
      400,
    )
    expect(
      (await call('POST', '/databases', { databases: [{ name: 'x', character_set: 'utf8mb4' }] }))
        .body,
    ).toEqual(bad("'utf8mb4' is not a valid PostgreSQL encoding."))
    expect(
      (
        await call('POST', '/databases', {
          databases: [{ name: 'x', character_set: 'LATIN1', collate: 'en_US.UTF-8' }],
        })
      ).body,
    ).toEqual(bad("The locale 'en_US.UTF-8' does not match the encoding LATIN1."))
    expect(
      (await call('POST', '/databases', { databases: [{ name: 'x'.repeat(64) }] })).body,
    ).toEqual(bad(`Schema name '${'x'.repeat(64)}' is too long. Max length = 63.`))
  })
})

describe('readiness and scope', () => {
  it('answers 422 "is not ready" while the instance builds, 404 for another project', async () => {
    fx = await troveFixture()
    const res = await fx.create(fx.demo, { name: 'b', flavorRef: '2', volume: { size: 1 } })
    const id = res.body.instance.id as string
    const base = `${fx.demo.base}/instances/${id}`
    for (const path of ['/databases', '/users', '/root', '/users/u1', '/users/u1/databases']) {
      const r = await fx.t.json('GET', `${base}${path}`, { token: fx.demo.token })
      expect(r.status, path).toBe(422)
      expect(r.body).toEqual(fault('unprocessableEntity', 422, `Instance ${id} is not ready.`))
    }
    // Validation comes first on create; readiness after.
    const badBuild = await fx.t.json('POST', `${base}/databases`, {
      token: fx.demo.token,
      body: { databases: [{ name: 'bad name!' }] },
    })
    expect(badBuild.status).toBe(400)
    const other = await fx.t.json('GET', `${fx.alt.base}/instances/${id}/databases`, {
      token: fx.alt.token,
    })
    expect(other.status).toBe(404)
    expect(other.body).toEqual(fault('itemNotFound', 404, `Resource ${id} cannot be found.`))
    fx.t.advance(10)
    const ok = await fx.t.json('GET', `${base}/databases`, { token: fx.demo.token })
    expect(ok.status).toBe(200)
  })

  it('is 422 while the instance restarts', async () => {
    const { id, call } = await setup()
    await fx.action(fx.demo, id, { restart: {} })
    expect((await call('GET', '/users')).status).toBe(422)
    fx.t.advance(3)
    expect((await call('GET', '/users')).status).toBe(200)
  })
})

describe('users', () => {
  it('follows the transcript: list, create, duplicate, too long, show, unknown, access, update, delete', async () => {
    const { id, call } = await setup({
      databases: [{ name: 'db1' }],
      users: [{ name: 'u1', password: 'secret', databases: [{ name: 'db1' }] }],
    })
    const list = await call('GET', '/users')
    expect(list.body).toEqual({ users: [{ name: 'u1', host: '%', databases: [{ name: 'db1' }] }] })
    userListSchema.parse(list.body)

    const created = await call('POST', '/users', {
      users: [{ name: 'u2', password: 'pw', host: '%', databases: [{ name: 'db1' }] }],
    })
    expect(created.status).toBe(202)
    expect(created.body).toBeNull()

    expect(
      (await call('POST', '/users', { users: [{ name: 'u2', password: 'pw' }] })).body,
    ).toEqual(bad('A user with the name "u2" already exists.'))
    const long = 'this_name_is_way_too_long_for_mysql_users'
    expect(
      (await call('POST', '/users', { users: [{ name: long, password: 'pw' }] })).body,
    ).toEqual(bad(`User create error: User name '${long}' is too long. Max length = 16.`))

    const shown = await call('GET', '/users/u2')
    expect(shown.body).toEqual({ user: { name: 'u2', host: '%', databases: [{ name: 'db1' }] } })
    userShowSchema.parse(shown.body)
    expect((await call('GET', '/users/nouser')).body).toEqual(
      fault('itemNotFound', 404, 'User nouser@% cannot be found on the instance.'),
    )

    expect((await call('GET', '/users/u2/databases')).body).toEqual({
      databases: [{ name: 'db1' }],
    })
    expect(
      (await call('PUT', '/users/u2/databases', { databases: [{ name: 'db1' }] })).status,
    ).toBe(202)
    expect((await call('DELETE', '/users/u2/databases/db1')).status).toBe(202)
    expect((await call('GET', '/users/u2/databases')).body).toEqual({ databases: [] })

    expect((await call('PUT', '/users/u2', { user: { password: 'newpw' } })).status).toBe(202)
    expect(await verifyPassword('newpw', findUser(fx.t.store, id, 'u2', '%')!.password_hash)).toBe(
      true,
    )
    expect((await call('PUT', '/users', { users: [{ name: 'u2', password: 'x2' }] })).status).toBe(
      202,
    )
    expect(await verifyPassword('x2', findUser(fx.t.store, id, 'u2', '%')!.password_hash)).toBe(
      true,
    )
    expect((await call('DELETE', '/users/u2')).status).toBe(202)
    expect(names(await call('GET', '/users'), 'users')).toEqual(['u1'])
  })

  it('refuses invalid names, passwords and hosts with the documented messages', async () => {
    const { call } = await setup()
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "o'neil", password: 'pw' }, `User create error: 'o'neil' is not a valid user name.`],
      [{ name: 'a"b', password: 'pw' }, `User create error: 'a"b' is not a valid user name.`],
      [{ name: 'a;b', password: 'pw' }, "User create error: 'a;b' is not a valid user name."],
      [{ name: 'a`b', password: 'pw' }, "User create error: 'a`b' is not a valid user name."],
      [{ name: 'a,b', password: 'pw' }, "User create error: 'a,b' is not a valid user name."],
      [{ name: 'a/b', password: 'pw' }, "User create error: 'a/b' is not a valid user name."],
      [{ name: 'a\\b', password: 'pw' }, "User create error: 'a\\b' is not a valid user name."],
      [{ name: ' lead', password: 'pw' }, "User create error: ' lead' is not a valid user name."],
      [{ name: 'trail ', password: 'pw' }, "User create error: 'trail ' is not a valid user name."],
      [
        { name: 'root', password: 'pw' },
        `User create error: Cannot create user: User name "root" is on the reserved list: ['os_admin', 'root'].`,
      ],
      [
        { name: 'os_admin', password: 'pw' },
        `User create error: Cannot create user: User name "os_admin" is on the reserved list: ['os_admin', 'root'].`,
      ],
      [
        { name: 'u', password: 'pw', host: 'example.com' },
        "User create error: 'example.com' is not a valid hostname.",
      ],
      [
        { name: 'u', password: 'pw', host: '300.1.1.1' },
        "User create error: '300.1.1.1' is not a valid hostname.",
      ],
      [
        { name: 'u', password: "p'w" },
        expect.stringMatching(
          /^User create error: The password of user u contains characters that are not allowed/,
        ) as unknown as string,
      ],
      [
        { name: 'u', password: 'pw', databases: [{ name: 'bad name!' }] },
        "User create error: 'bad name!' is not a valid schema name.",
      ],
    ]
    for (const [u, message] of cases) {
      const res = await call('POST', '/users', { users: [u] })
      expect(res.status, JSON.stringify(u)).toBe(400)
      expect(res.body).toEqual(bad(message))
    }
    // The password is never repeated in an error.
    const pwRes = await call('POST', '/users', { users: [{ name: 'u', password: "secret'1" }] })
    expect(JSON.stringify(pwRes.body)).not.toContain("secret'1")
    // Schema errors first.
    expect((await call('POST', '/users', { users: [{ name: 'u' }] })).body).toEqual(
      bad("Validation error: users[0] 'password' is a required property"),
    )
    expect((await call('POST', '/users', { users: [] })).body).toEqual(
      bad('Validation error: users [] is too short'),
    )
    expect(
      (await call('POST', '/users', { users: [{ name: 'u', password: 'pw', host: '10.0.0.0/8' }] }))
        .status,
    ).toBe(400)
    const dup = await call('POST', '/users', {
      users: [
        { name: 'u', password: 'pw' },
        { name: 'u', password: 'pw2' },
      ],
    })
    expect(dup.body.badRequest.message).toMatch(/^Two or more users share the same name and host/)
    expect(names(await call('GET', '/users'), 'users')).toEqual([])
  })

  it('accepts hosts: %, an address and a wildcard address; the same name on two hosts', async () => {
    const { call } = await setup({ databases: [{ name: 'db1' }] })
    const res = await call('POST', '/users', {
      users: [
        { name: 'app', password: 'pw' },
        { name: 'app', password: 'pw', host: '10.0.0.5' },
        { name: 'net', password: 'pw', host: '192.168.1.%', databases: [{ name: 'db1' }] },
      ],
    })
    expect(res.status).toBe(202)
    const list = await call('GET', '/users')
    expect(list.body.users).toEqual([
      { name: 'app', host: '%', databases: [] },
      { name: 'app', host: '10.0.0.5', databases: [] },
      { name: 'net', host: '192.168.1.%', databases: [{ name: 'db1' }] },
    ])
    const byHost = await call('GET', `/users/${encodeURIComponent('app@10.0.0.5')}`)
    expect(byHost.body.user.host).toBe('10.0.0.5')
    const wild = await call('GET', `/users/${encodeURIComponent('net@192.168.1.%')}`)
    expect(wild.body.user.name).toBe('net')
    expect((await call('GET', `/users/${encodeURIComponent('app@10.9.9.9')}`)).body).toEqual(
      fault('itemNotFound', 404, 'User app@10.9.9.9 cannot be found on the instance.'),
    )
    expect((await call('GET', `/users/${encodeURIComponent('a;b')}`)).body).toEqual(
      bad("User show error: 'a;b' is not a valid user name."),
    )
  })

  it('refuses users for databases that do not exist (404)', async () => {
    const { call } = await setup()
    const res = await call('POST', '/users', {
      users: [{ name: 'u', password: 'pw', databases: [{ name: 'ghost' }] }],
    })
    expect(res.body).toEqual(
      fault('itemNotFound', 404, 'Database ghost cannot be found on the instance.'),
    )
  })

  it('renames, moves and re-passwords a user; keeps its access; refuses clashes', async () => {
    const { id, call } = await setup({
      databases: [{ name: 'db1' }],
      users: [
        { name: 'u1', password: 'pw', databases: [{ name: 'db1' }] },
        { name: 'u2', password: 'pw' },
      ],
    })
    expect((await call('PUT', '/users/u1', { user: {} })).body).toEqual(
      bad('Validation error: user {} does not have enough properties'),
    )
    expect((await call('PUT', '/users/u1', { user: { name: 'u2' } })).body).toEqual(
      bad('A user with the name "u2" already exists.'),
    )
    expect(
      (await call('PUT', '/users/u1', { user: { name: 'root' } })).body.badRequest.message,
    ).toMatch(/^User update error: User name "root" is on the reserved list/)
    expect((await call('PUT', '/users/u1', { user: { host: 'nohost' } })).body).toEqual(
      bad("User update error: 'nohost' is not a valid hostname."),
    )
    expect((await call('PUT', '/users/ghost', { user: { name: 'x' } })).status).toBe(404)
    const res = await call('PUT', '/users/u1', {
      user: { name: 'renamed', host: '10.1.2.3', password: 'fresh' },
    })
    expect(res.status).toBe(202)
    const moved = findUser(fx.t.store, id, 'renamed', '10.1.2.3')
    expect(moved?.databases).toEqual(['db1'])
    expect(await verifyPassword('fresh', moved!.password_hash)).toBe(true)
    expect(findUser(fx.t.store, id, 'u1', '%')).toBeUndefined()
  })

  it('changes passwords in a batch: all or nothing, unknown users 404', async () => {
    const { id, call } = await setup({
      users: [
        { name: 'a', password: 'pw' },
        { name: 'b', password: 'pw', host: '10.0.0.1' },
      ],
    })
    const before = findUser(fx.t.store, id, 'a', '%')!.password_hash
    const missing = await call('PUT', '/users', {
      users: [
        { name: 'a', password: 'n1' },
        { name: 'zz', password: 'n2' },
      ],
    })
    expect(missing.body).toEqual(
      fault('itemNotFound', 404, 'User zz@% cannot be found on the instance.'),
    )
    expect(findUser(fx.t.store, id, 'a', '%')!.password_hash).toBe(before)
    const badPw = await call('PUT', '/users', { users: [{ name: 'a', password: 'x;y' }] })
    expect(badPw.body.badRequest.message).toMatch(/^Error loading user: The password of user a/)
    const ok = await call('PUT', '/users', {
      users: [
        { name: 'a', password: 'n1' },
        { name: 'b', host: '10.0.0.1', password: 'n2' },
      ],
    })
    expect(ok.status).toBe(202)
    expect(
      await verifyPassword('n2', findUser(fx.t.store, id, 'b', '10.0.0.1')!.password_hash),
    ).toBe(true)
  })

  it('grants and revokes access; unknown or reserved databases refused', async () => {
    const { call } = await setup({
      databases: [{ name: 'db1' }, { name: 'db2' }],
      users: [{ name: 'u1', password: 'pw' }],
    })
    expect(
      (await call('PUT', '/users/u1/databases', { databases: [{ name: 'db2' }, { name: 'db1' }] }))
        .status,
    ).toBe(202)
    expect((await call('GET', '/users/u1/databases')).body).toEqual({
      databases: [{ name: 'db1' }, { name: 'db2' }],
    })
    expect(
      (await call('PUT', '/users/u1/databases', { databases: [{ name: 'mysql' }] })).body,
    ).toEqual(bad('Grant access to mysql is not allowed'))
    expect(
      (await call('PUT', '/users/u1/databases', { databases: [{ name: 'nope' }] })).body,
    ).toEqual(fault('itemNotFound', 404, 'Database nope cannot be found on the instance.'))
    expect((await call('PUT', '/users/u1/databases', {})).body).toEqual(
      bad("Validation error: 'databases' is a required property"),
    )
    expect((await call('DELETE', '/users/u1/databases/db1')).status).toBe(202)
    expect((await call('DELETE', '/users/u1/databases/db1')).body).toEqual(
      fault('itemNotFound', 404, 'Database db1 cannot be found on the instance.'),
    )
    expect((await call('GET', '/users/ghost/databases')).status).toBe(404)
  })

  it('hides and protects the reserved users', async () => {
    const { id, call } = await setup()
    fx.t.store
      .prepare(
        "INSERT INTO instance_users (instance_id, name, host, password_hash, databases) VALUES (?, 'os_admin', 'localhost', 'x', '[]')",
      )
      .run(id)
    expect((await call('GET', '/users')).body).toEqual({ users: [] })
    expect((await call('GET', '/users/os_admin@localhost')).status).toBe(400)
    expect((await call('DELETE', '/users/root')).status).toBe(404)
  })

  it('deletes: unknown 404, invalid 400', async () => {
    const { call } = await setup()
    expect((await call('DELETE', '/users/ghost')).body).toEqual(
      fault('itemNotFound', 404, 'User ghost@% cannot be found on the instance.'),
    )
    expect((await call('DELETE', `/users/${encodeURIComponent('a,b')}`)).body).toEqual(
      bad("User delete error: 'a,b' is not a valid user name."),
    )
  })

  it('pages users by name@host', async () => {
    const { call } = await setup()
    const users = Array.from({ length: 22 }, (_, i) => ({
      name: `u${String(i).padStart(2, '0')}`,
      password: 'pw',
    }))
    expect((await call('POST', '/users', { users })).status).toBe(202)
    const p1 = await call('GET', '/users?limit=5')
    expect(names(p1, 'users')).toEqual(['u00', 'u01', 'u02', 'u03', 'u04'])
    const next = new URL(p1.body.links[0].href)
    expect(next.searchParams.get('marker')).toBe('u04@%')
    const p2 = await call('GET', `/users?${next.searchParams.toString()}`)
    expect(names(p2, 'users')[0]).toBe('u05')
  })
})

describe('root', () => {
  it('shows, enables with a generated password, records history, disables (transcript)', async () => {
    const { id, call } = await setup()
    const shown = await call('GET', '/root')
    expect(shown.body).toEqual({ rootEnabled: false })
    rootStatusSchema.parse(shown.body)

    const enabled = await call('POST', '/root')
    expect(enabled.status).toBe(200)
    rootEnabledSchema.parse(enabled.body)
    expect(enabled.body.user.name).toBe('root')
    expect(enabled.body.user.password).toMatch(/^[A-Za-z0-9]{36}$/)
    expect((await call('GET', '/root')).body).toEqual({ rootEnabled: true })

    const again = await call('POST', '/root', { password: 'chosen-Password1' })
    expect(again.body).toEqual({ user: { name: 'root', password: 'chosen-Password1' } })
    const history = rootHistory(fx.t.store, id)
    expect(history).toHaveLength(2)
    expect(history[0]).toMatchObject({ instance_id: id, enabled_at: fx.t.clock.now() })
    expect(history[0]!.user_id).toBeTruthy()

    const disabled = await call('DELETE', '/root')
    expect(disabled.status).toBe(204)
    expect((await call('GET', '/root')).body).toEqual({ rootEnabled: false })
    expect(rootHistory(fx.t.store, id).every((h) => h.disabled_at !== null)).toBe(true)
    expect((await call('DELETE', '/root')).body).toEqual(
      fault('itemNotFound', 404, 'User root cannot be found on the instance.'),
    )
    // Root stays out of the user list.
    expect((await call('GET', '/users')).body).toEqual({ users: [] })
  })

  it('refuses a bad root password and answers root on PostgreSQL too, as Trove 18', async () => {
    const { call } = await setup()
    expect((await call('POST', '/root', { password: "it's" })).status).toBe(400)
    expect((await call('POST', '/root', { password: 5 })).status).toBe(400)
    fx.t.close()
    const pg = await setup({ datastore: { type: 'postgresql', version: '12' } })
    const res = await pg.call('POST', '/root', {})
    expect(res.body.user.name).toBe('root')
  })
})
