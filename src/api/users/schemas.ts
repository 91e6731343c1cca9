import { z } from 'zod'
import { linkSchema } from '../common/schemas'
import { nonEmptyString } from '../instances/schemas'
import type { DatastoreFamily } from '../databases/schemas'

/* ------------------------------------------------------------------ responses */

export const databaseRefSchema = z.looseObject({ name: z.string() })

/** A database user as Trove shows it (`UserView`): no password, ever. */
export const dbUserSchema = z.looseObject({
  name: z.string(),
  host: z.string().optional(),
  databases: z.array(databaseRefSchema).optional(),
})
export type DbUser = z.infer<typeof dbUserSchema>

/** `GET /instances/{id}/users`: pages of 20 at most, with a `next` link while more remain. */
export const userListSchema = z.object({
  users: z.array(dbUserSchema),
  links: z.array(linkSchema).optional(),
})
export const userShowSchema = z.object({ user: dbUserSchema })
/** `GET /instances/{id}/users/{user}/databases`. */
export const userAccessSchema = z.object({ databases: z.array(databaseRefSchema) })

/* ------------------------------------------------------------------- requests */

/** apischema `host_string`: an optional `%` at either end around word characters and dots. */
export const HOST_STRING_RE = /^[%]?[\w(-).]*[%]?$/

/** apischema `name_string`. */
export const nameString = z
  .string()
  .min(1)
  .regex(/^.*[0-9a-zA-Z]+.*$/, 'must contain a letter or a digit')

const databasesRefList = z.array(z.looseObject({ name: nonEmptyString }))

/** One user in `POST /users` and `PUT /users` (apischema `users_list` item). */
export const userCreateItemSchema = z.looseObject({
  name: nameString,
  password: nonEmptyString,
  host: z.string().regex(HOST_STRING_RE).optional(),
  databases: databasesRefList.optional(),
})

/** `POST /instances/{id}/users`. */
export const createUsersRequestSchema = z.looseObject({
  users: z.array(userCreateItemSchema).min(1),
})
export type CreateUsersRequest = z.infer<typeof createUsersRequestSchema>

/** `PUT /instances/{id}/users` (change passwords): the same list, each with name and password. */
export const updateUsersRequestSchema = createUsersRequestSchema
export type UpdateUsersRequest = z.infer<typeof updateUsersRequestSchema>

/** `PUT /instances/{id}/users/{user}`: rename, move to another host, new password. */
export const updateUserRequestSchema = z.looseObject({
  user: z
    .looseObject({
      name: nameString.optional(),
      password: nonEmptyString.optional(),
      host: z.string().regex(HOST_STRING_RE).optional(),
    })
    .refine((u) => Object.keys(u).length >= 1, { message: '{} does not have enough properties' }),
})
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>

/** `PUT /instances/{id}/users/{user}/databases` (grant). */
export const grantAccessRequestSchema = z.looseObject({ databases: databasesRefList })
export type GrantAccessRequest = z.infer<typeof grantAccessRequestSchema>

/* ---------------------------------------------------------------- name rules */

/** MySQL user names are at most 16 characters (`MySQLUser._max_user_name_length`). */
export const MYSQL_USER_NAME_MAX = 16
/** PostgreSQL identifiers: 63 bytes. */
export const POSTGRES_USER_NAME_MAX = 63

/**
 * What MySQL user names and passwords may not hold (`MySQLUser.not_supported_chars`, and the
 * `%r` check that refuses control characters): a leading or trailing space, quotes, `;`, `` ` ``,
 * `,`, `/`, `\`.
 */
// eslint-disable-next-line no-control-regex -- control characters are what Trove's %r check refuses
export const MYSQL_UNSUPPORTED_CHARS_RE = /^\s|\s$|['";`,/\\]|[\u0000-\u001f\u007f]/

/** Users that exist on every instance and are neither listed nor created (ignore_users). */
export const RESERVED_USERS: Record<DatastoreFamily, readonly string[]> = {
  mysql: ['os_admin', 'root'],
  postgresql: ['os_admin', 'postgres', 'root'],
  other: [],
}

export function userNameMax(family: DatastoreFamily): number | undefined {
  if (family === 'mysql') return MYSQL_USER_NAME_MAX
  if (family === 'postgresql') return POSTGRES_USER_NAME_MAX
  return undefined
}

/** True when a MySQL-family name or password has none of the refused characters. */
export function isSupportedMysqlString(value: string): boolean {
  return value.length > 0 && !MYSQL_UNSUPPORTED_CHARS_RE.test(value)
}

const IPV4_OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)'
const IPV4_RE = new RegExp(`^${IPV4_OCTET}(\\.${IPV4_OCTET}){3}$`)

/**
 * A MySQL user's host: `%` (anywhere) or an IPv4 address in which `%` may stand for a part at
 * either end (`192.168.1.%`), as Trove checks it (host_string, then netaddr with `%` read as 1).
 */
export function isValidMysqlHost(host: string): boolean {
  if (host === '%') return true
  if (!HOST_STRING_RE.test(host)) return false
  return IPV4_RE.test(host.replace(/%/g, '1'))
}

/** `name@host` as Trove addresses a user in a URL (host `%` may be left out). */
export function userId(name: string, host: string | undefined): string {
  return `${name}@${host ?? '%'}`
}

/* ----------------------------------------------------------------------- forms */

const nameField = (family: DatastoreFamily, reserved: readonly string[]) => {
  const max = userNameMax(family)
  return z.string().superRefine((name, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: 'custom', message })
    if (name.length === 0) return issue('Enter a user name.')
    if (max !== undefined && name.length > max) return issue(`At most ${max} characters.`)
    if (!/[0-9a-zA-Z]/.test(name)) return issue('The name needs at least one letter or digit.')
    if (family === 'mysql' && !isSupportedMysqlString(name)) {
      return issue('No quotes, ; ` , / or \\, and no spaces at the start or end.')
    }
    if (reserved.includes(name)) return issue(`${name} is a reserved user name.`)
  })
}

const passwordField = (family: DatastoreFamily, required: boolean) =>
  z.string().superRefine((pw, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: 'custom', message })
    if (pw.length === 0) {
      if (required) issue('Enter a password or generate one.')
      return
    }
    if (!/[0-9a-zA-Z]/.test(pw)) return issue('The password needs at least one letter or digit.')
    if (pw.length > 255) return issue('At most 255 characters.')
    if (family === 'mysql' && !isSupportedMysqlString(pw)) {
      return issue('No quotes, ; ` , / or \\, and no spaces at the start or end.')
    }
  })

const hostField = (family: DatastoreFamily) =>
  z.string().superRefine((host, ctx) => {
    if (host === '' || host === '%') return
    const ok = family === 'mysql' ? isValidMysqlHost(host) : HOST_STRING_RE.test(host)
    if (!ok) {
      ctx.addIssue({
        code: 'custom',
        message: 'Use % for any host, or an IPv4 address such as 10.0.0.5 or 192.168.1.%.',
      })
    }
  })

export interface UserFormValues {
  name: string
  password: string
  host: string
  databases: string[]
}

/** The create-user form. `existing` are the `name@host` ids already on the instance. */
export function userFormSchema(family: DatastoreFamily, existing: readonly string[] = []) {
  return z
    .object({
      name: nameField(family, RESERVED_USERS[family]),
      password: passwordField(family, true),
      host: hostField(family),
      databases: z.array(z.string()),
    })
    .superRefine((v, ctx) => {
      if (existing.includes(userId(v.name, v.host || '%'))) {
        ctx.addIssue({
          code: 'custom',
          path: ['name'],
          message: `A user ${v.name} with host ${v.host || '%'} already exists.`,
        })
      }
    })
}

export function userCreateBody(v: UserFormValues): CreateUsersRequest {
  return {
    users: [
      {
        name: v.name,
        password: v.password,
        host: v.host || '%',
        ...(v.databases.length ? { databases: v.databases.map((name) => ({ name })) } : {}),
      },
    ],
  }
}

export interface UserEditValues {
  name: string
  host: string
  password: string
}

/** The edit-user form: every field optional; at least one must change. */
export function userEditSchema(
  family: DatastoreFamily,
  current: { name: string; host: string },
  existing: readonly string[] = [],
) {
  return z
    .object({
      name: nameField(family, RESERVED_USERS[family]),
      host: hostField(family),
      password: passwordField(family, false),
    })
    .superRefine((v, ctx) => {
      const host = v.host || '%'
      const moved = v.name !== current.name || host !== current.host
      if (!moved && v.password === '') {
        ctx.addIssue({
          code: 'custom',
          path: ['name'],
          message: 'Change the name, the host or the password.',
        })
      } else if (moved && existing.includes(userId(v.name, host))) {
        ctx.addIssue({
          code: 'custom',
          path: ['name'],
          message: `A user ${v.name} with host ${host} already exists.`,
        })
      }
    })
}

/** Only what changed, as `PUT /users/{user}` takes it. */
export function userEditBody(
  v: UserEditValues,
  current: { name: string; host: string },
): UpdateUserRequest {
  const user: UpdateUserRequest['user'] = {}
  if (v.name !== current.name) user.name = v.name
  const host = v.host || '%'
  if (host !== current.host) user.host = host
  if (v.password) user.password = v.password
  return { user }
}

/** The batch password form: one new password per chosen user. */
export function passwordsFormSchema(family: DatastoreFamily) {
  return z.object({
    entries: z
      .array(
        z.object({
          name: z.string(),
          host: z.string(),
          selected: z.boolean(),
          password: z.string(),
        }),
      )
      .superRefine((list, ctx) => {
        if (!list.some((e) => e.selected)) {
          ctx.addIssue({ code: 'custom', message: 'Choose at least one user.' })
        }
        list.forEach((e, i) => {
          if (!e.selected) return
          const r = passwordField(family, true).safeParse(e.password)
          if (!r.success) {
            ctx.addIssue({
              code: 'custom',
              path: [i, 'password'],
              message: r.error.issues[0]?.message ?? 'Invalid password.',
            })
          }
        })
      }),
  })
}

/**
 * A password the MySQL rules accept: letters and digits only (no characters anyone must escape),
 * from the Web Crypto random source.
 */
export function generatePassword(length = 24): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'
  const out: string[] = []
  const buf = new Uint32Array(length * 2)
  while (out.length < length) {
    crypto.getRandomValues(buf)
    for (const n of buf) {
      // Rejection sampling: no bias towards the first letters.
      const limit = Math.floor(0x1_0000_0000 / alphabet.length) * alphabet.length
      if (n < limit) out.push(alphabet[n % alphabet.length]!)
      if (out.length === length) break
    }
  }
  return out.join('')
}
