import {
  createUsersRequestSchema,
  grantAccessRequestSchema,
  updateUserRequestSchema,
  updateUsersRequestSchema,
} from '../../src/api/users/schemas'
import { hashPassword, hashPasswords } from '../identity/passwords'
import { checkUserCount } from './item-limits'
import {
  deleteUser,
  findDatabase,
  findUser,
  insertUser,
  pageUsers,
  setUserDatabases,
  updateUser,
  type UserRow,
} from '../store/user-database-queries'
import { RESERVED_USERS } from '../../src/api/rules/user-names'
import type { TroveContext } from './context'
import { badRequest } from './errors'
import {
  hostError,
  isReservedDatabase,
  isReservedUser,
  parseUserId,
  passwordError,
  reservedUserError,
  schemaNameError,
  userNameError,
} from './mysql-names'
import type { DatastoreFamily } from '../../src/api/rules/datastore-family'
import {
  databaseNotFound,
  loadTarget,
  pageLinks,
  pageParams,
  parseBody,
  requireReady,
  requireSupported,
  userNotFound,
  userParam,
  type ExtensionRegistrar,
  type ExtensionTarget,
} from './user-database-common'

const userView = (u: UserRow) => ({
  name: u.name,
  host: u.host,
  databases: [...u.databases].sort().map((name) => ({ name })),
})

/** The first problem with a user's name or host (`MySQLUser(name=…, host=…)`), or null. */
function identityError(name: string, host: string, family: DatastoreFamily): string | null {
  return userNameError(name, family) ?? hostError(host, family)
}

/** `…/instances/{id}/users` and a user's database access (UserController, UserAccessController). */
export const registerUserRoutes: ExtensionRegistrar = (app, base, deps) => {
  const { db } = deps

  /**
   * `User.load` behind show/update/access: the datastore must run, the id must be a valid user
   * name and host (`prefix` says which operation failed), and the user must exist.
   */
  const loadUser = (c: TroveContext, t: ExtensionTarget, prefix: string): UserRow => {
    requireReady(t)
    const { name, host } = parseUserId(userParam(c))
    const problem = identityError(name, host, t.family)
    if (problem) throw badRequest(`${prefix}: ${problem}`)
    const user = isReservedUser(name, t.family) ? undefined : findUser(db, t.row.id, name, host)
    if (!user) throw userNotFound(`${name}@${host}`)
    return user
  }

  app.get(`${base}/instances/:id/users`, (c) => {
    const t = loadTarget(c, deps)
    requireSupported(t, deps)
    requireReady(t)
    const { limit, marker } = pageParams(c)
    const page = pageUsers(db, t.row.id, limit, marker, RESERVED_USERS[t.family])
    const last = page.rows[page.rows.length - 1]
    return c.json({
      users: page.rows.map(userView),
      ...pageLinks(c, limit, page.more, last ? `${last.name}@${last.host}` : undefined),
    })
  })

  app.post(`${base}/instances/:id/users`, async (c) => {
    const body = await parseBody(c, createUsersRequestSchema, '{"users": [{"name", "password"}]}')
    const t = loadTarget(c, deps)
    requireSupported(t, deps)
    checkUserCount(body.users.length)
    const fail = (msg: string) => badRequest(`User create error: ${msg}`)
    // populate_users: name, host, reserved, duplicates, password, databases.
    const seen = new Set<string>()
    const plan = body.users.map((u) => {
      const host = u.host ?? '%'
      const problem = identityError(u.name, host, t.family)
      if (problem) throw fail(problem)
      const reserved = reservedUserError(u.name, t.family)
      if (reserved) throw fail(`Cannot create user: ${reserved}`)
      const key = `${u.name}@${host}`
      if (seen.has(key)) {
        throw badRequest(
          'Two or more users share the same name and host in the initial users list. Please correct the names or remove the duplicate entries.',
        )
      }
      seen.add(key)
      const pw = passwordError(u.password, t.family, `user ${u.name}`)
      if (pw) throw fail(pw)
      const databases: string[] = []
      for (const d of u.databases ?? []) {
        const bad = schemaNameError(d.name, t.family)
        if (bad) throw fail(bad)
        if (!databases.includes(d.name)) databases.push(d.name)
      }
      return { name: u.name, host, password: u.password, databases }
    })
    // User.create: the datastore must run; no user may exist already.
    const checkState = () => {
      requireReady(t)
      for (const u of plan) {
        if (findUser(db, t.row.id, u.name, u.host)) {
          throw badRequest(`A user with the name "${u.name}" already exists.`)
        }
        // Real MySQL would grant on a database that does not exist; a clear 404 helps more.
        for (const d of u.databases) {
          if (!findDatabase(db, t.row.id, d)) throw databaseNotFound(d)
        }
      }
    }
    checkState()
    const hashes = await hashPasswords(plan.map((u) => u.password))
    const rows: UserRow[] = plan.map((u, i) => ({
      instance_id: t.row.id,
      name: u.name,
      host: u.host,
      password_hash: hashes[i]!,
      databases: u.databases,
    }))
    db.transaction(() => {
      // Hashing let other requests run: check again, in the same transaction as the inserts.
      checkState()
      for (const r of rows) insertUser(db, r)
    })()
    return c.body(null, 202)
  })

  // Change passwords of several users (update_all).
  app.put(`${base}/instances/:id/users`, async (c) => {
    const body = await parseBody(c, updateUsersRequestSchema, '{"users": [{"name", "password"}]}')
    const t = loadTarget(c, deps)
    requireSupported(t, deps)
    checkUserCount(body.users.length)
    const seen = new Set<string>()
    const changes = body.users.map((u) => {
      const host = u.host ?? '%'
      const problem =
        identityError(u.name, host, t.family) ??
        passwordError(u.password, t.family, `user ${u.name}`)
      if (problem) throw badRequest(`Error loading user: ${problem}`)
      requireReady(t)
      const user = isReservedUser(u.name, t.family)
        ? undefined
        : findUser(db, t.row.id, u.name, host)
      if (!user) throw userNotFound(`${u.name}@${host}`)
      const key = `${user.name}@${user.host}`
      if (seen.has(key)) {
        throw badRequest(
          `Error loading user: user ${key} is named more than once. Name each user once per request.`,
        )
      }
      seen.add(key)
      return { user, password: u.password }
    })
    const hashes = await hashPasswords(changes.map((ch) => ch.password))
    db.transaction(() => {
      changes.forEach((ch, i) => {
        // A user deleted while the hashes were computed is not brought back.
        const current = findUser(db, t.row.id, ch.user.name, ch.user.host)
        if (current) updateUser(db, t.row.id, current, { password_hash: hashes[i]! })
      })
    })()
    return c.body(null, 202)
  })

  app.get(`${base}/instances/:id/users/:user`, (c) => {
    const t = loadTarget(c, deps)
    requireSupported(t, deps)
    return c.json({ user: userView(loadUser(c, t, 'User show error')) })
  })

  // Rename, move to another host, and/or set a new password.
  app.put(`${base}/instances/:id/users/:user`, async (c) => {
    const body = await parseBody(
      c,
      updateUserRequestSchema,
      '{"user": {"name", "host", "password"}}',
    )
    const t = loadTarget(c, deps)
    requireSupported(t, deps)
    const user = loadUser(c, t, 'Error loading user')
    const attrs = body.user
    const name = attrs.name || user.name
    const host = attrs.host || user.host
    const fail = (msg: string) => badRequest(`User update error: ${msg}`)
    const problem = identityError(name, host, t.family) ?? reservedUserError(name, t.family)
    if (problem) throw fail(problem)
    if (attrs.password !== undefined) {
      const pw = passwordError(attrs.password, t.family, `user ${name}`)
      if (pw) throw fail(pw)
    }
    const moved = name !== user.name || host !== user.host
    if (moved && findUser(db, t.row.id, name, host)) {
      throw badRequest(`A user with the name "${name}" already exists.`)
    }
    const hash = attrs.password !== undefined ? await hashPassword(attrs.password) : undefined
    db.transaction(() => {
      // Hashing let other requests run: the user must still be there and the new name still free.
      const current = findUser(db, t.row.id, user.name, user.host)
      if (!current) throw userNotFound(`${user.name}@${user.host}`)
      if (moved && findUser(db, t.row.id, name, host)) {
        throw badRequest(`A user with the name "${name}" already exists.`)
      }
      updateUser(db, t.row.id, current, {
        ...(moved ? { name, host } : {}),
        ...(hash !== undefined ? { password_hash: hash } : {}),
      })
    })()
    return c.body(null, 202)
  })

  app.delete(`${base}/instances/:id/users/:user`, (c) => {
    const t = loadTarget(c, deps)
    requireSupported(t, deps)
    const { name, host } = parseUserId(userParam(c))
    const problem = identityError(name, host, t.family)
    if (problem) throw badRequest(`User delete error: ${problem}`)
    requireReady(t)
    const user = isReservedUser(name, t.family) ? undefined : findUser(db, t.row.id, name, host)
    if (!user) throw userNotFound(`${name}@${host}`)
    deleteUser(db, t.row.id, user.name, user.host)
    return c.body(null, 202)
  })

  /* ------------------------------------------------------------ database access */

  app.get(`${base}/instances/:id/users/:user/databases`, (c) => {
    const t = loadTarget(c, deps)
    requireSupported(t, deps)
    const user = loadUser(c, t, 'Error loading user')
    return c.json({ databases: userView(user).databases })
  })

  app.put(`${base}/instances/:id/users/:user/databases`, async (c) => {
    const body = await parseBody(c, grantAccessRequestSchema, '{"databases": [{"name": ...}]}')
    const t = loadTarget(c, deps)
    requireSupported(t, deps)
    const user = loadUser(c, t, 'Error loading user')
    const next = [...user.databases]
    for (const { name } of body.databases) {
      if (schemaNameError(name, t.family) || isReservedDatabase(name, t.family)) {
        throw badRequest(`Grant access to ${name} is not allowed`)
      }
      if (!findDatabase(db, t.row.id, name)) throw databaseNotFound(name)
      if (!next.includes(name)) next.push(name)
    }
    setUserDatabases(db, t.row.id, user, next)
    return c.body(null, 202)
  })

  app.delete(`${base}/instances/:id/users/:user/databases/:database`, (c) => {
    const t = loadTarget(c, deps)
    requireSupported(t, deps)
    const user = loadUser(c, t, 'Error loading user')
    const name = c.req.param('database')
    if (!user.databases.includes(name)) throw databaseNotFound(name)
    setUserDatabases(
      db,
      t.row.id,
      user,
      user.databases.filter((d) => d !== name),
    )
    return c.body(null, 202)
  })
}
