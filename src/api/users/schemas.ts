import * as z from 'zod/mini'
import { linkSchema } from '../common/schemas'
import { nonEmptyString } from '../instances/schemas'
import type { DatastoreFamily } from '../rules/datastore-family'
import { HOST_STRING_RE, hostField } from '../rules/hosts'
import {
  NO_PASSWORD_POLICY,
  policyPasswordField,
  type PasswordPolicy,
} from '../rules/password-strength'
import { userNameField } from '../rules/user-names'
import { HAS_ALNUM_RE } from '../rules/verdict'

/* ------------------------------------------------------------------ responses */

export const databaseRefSchema = z.looseObject({ name: z.string() })

/** A database user as Trove shows it (`UserView`): no password, ever. */
export const dbUserSchema = z.looseObject({
  name: z.string(),
  host: z.optional(z.string()),
  databases: z.optional(z.array(databaseRefSchema)),
})
export type DbUser = z.infer<typeof dbUserSchema>

/** `GET /instances/{id}/users`: pages of 20 at most, with a `next` link while more remain. */
export const userListSchema = z.object({
  users: z.array(dbUserSchema),
  links: z.optional(z.array(linkSchema)),
})
export const userShowSchema = z.object({ user: dbUserSchema })
/** `GET /instances/{id}/users/{user}/databases`. */
export const userAccessSchema = z.object({ databases: z.array(databaseRefSchema) })

/* ------------------------------------------------------------------- requests */

/** apischema `name_string`. */
export const nameString = z
  .string()
  .check(z.minLength(1), z.regex(HAS_ALNUM_RE, 'must contain a letter or a digit'))

const databasesRefList = z.array(z.looseObject({ name: nonEmptyString }))

/** One user in `POST /users` and `PUT /users` (apischema `users_list` item). */
export const userCreateItemSchema = z.looseObject({
  name: nameString,
  password: nonEmptyString,
  host: z.optional(z.string().check(z.regex(HOST_STRING_RE))),
  databases: z.optional(databasesRefList),
})

/** `POST /instances/{id}/users`. */
export const createUsersRequestSchema = z.looseObject({
  users: z.array(userCreateItemSchema).check(z.minLength(1)),
})
export type CreateUsersRequest = z.infer<typeof createUsersRequestSchema>

/** `PUT /instances/{id}/users` (change passwords): the same list, each with name and password. */
export const updateUsersRequestSchema = createUsersRequestSchema
export type UpdateUsersRequest = z.infer<typeof updateUsersRequestSchema>

/** `PUT /instances/{id}/users/{user}`: rename, move to another host, new password. */
export const updateUserRequestSchema = z.looseObject({
  user: z
    .looseObject({
      name: z.optional(nameString),
      password: z.optional(nonEmptyString),
      host: z.optional(z.string().check(z.regex(HOST_STRING_RE))),
    })
    .check(
      z.refine((u) => Object.keys(u).length >= 1, {
        message: '{} does not have enough properties',
      }),
    ),
})
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>

/** `PUT /instances/{id}/users/{user}/databases` (grant). */
export const grantAccessRequestSchema = z.looseObject({ databases: databasesRefList })
export type GrantAccessRequest = z.infer<typeof grantAccessRequestSchema>

/** `name@host` as Trove addresses a user in a URL (host `%` may be left out). */
export function userId(name: string, host: string | undefined): string {
  return `${name}@${host ?? '%'}`
}

/* ----------------------------------------------------------------------- forms */

export interface UserFormValues {
  name: string
  password: string
  host: string
  databases: string[]
}

/**
 * The create-user form. `existing` are the `name@host` ids already on the instance; `policy` is
 * the operator's password policy (forms only: the cloud checks the datastore's rule alone).
 */
export function userFormSchema(
  family: DatastoreFamily,
  existing: readonly string[] = [],
  policy: PasswordPolicy = NO_PASSWORD_POLICY,
) {
  return z
    .object({
      name: userNameField(family),
      password: policyPasswordField(family, policy),
      host: hostField(family),
      databases: z.array(z.string()),
    })
    .check(
      z.superRefine((v, ctx) => {
        if (existing.includes(userId(v.name, v.host || '%'))) {
          ctx.addIssue({
            code: 'custom',
            path: ['name'],
            message: `A user ${v.name} with host ${v.host || '%'} already exists.`,
          })
        }
      }),
    )
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
  policy: PasswordPolicy = NO_PASSWORD_POLICY,
) {
  return z
    .object({
      name: userNameField(family),
      host: hostField(family),
      password: policyPasswordField(family, policy, true),
    })
    .check(
      z.superRefine((v, ctx) => {
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
      }),
    )
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
export function passwordsFormSchema(
  family: DatastoreFamily,
  policy: PasswordPolicy = NO_PASSWORD_POLICY,
) {
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
      .check(
        z.superRefine((list, ctx) => {
          if (!list.some((e) => e.selected)) {
            ctx.addIssue({ code: 'custom', message: 'Choose at least one user.' })
          }
          list.forEach((e, i) => {
            if (!e.selected) return
            const r = policyPasswordField(family, policy).safeParse(e.password)
            if (!r.success) {
              ctx.addIssue({
                code: 'custom',
                path: [i, 'password'],
                message: r.error.issues[0]?.message ?? 'Invalid password.',
              })
            }
          })
        }),
      ),
  })
}
