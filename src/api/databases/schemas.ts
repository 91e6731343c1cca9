import { z } from 'zod'
import { linkSchema } from '../common/schemas'
import { nonEmptyString } from '../instances/schemas'
import {
  MYSQL_CHARSETS,
  POSTGRES_ENCODINGS,
  POSTGRES_LOCALE_RE,
  mysqlCharsetOfCollation,
  postgresLocaleFits,
} from './charsets'

/* ------------------------------------------------------------------ responses */

/** A database as Trove lists it: only its name (`SchemaView`). */
export const databaseSchema = z.looseObject({ name: z.string() })
export type Database = z.infer<typeof databaseSchema>

/** `GET /instances/{id}/databases`: pages of 20 at most, with a `next` link while more remain. */
export const databaseListSchema = z.object({
  databases: z.array(databaseSchema),
  links: z.array(linkSchema).optional(),
})

/* ------------------------------------------------------------------- requests */

/** One database to create (apischema `databases_def` item). */
export const databaseCreateItemSchema = z.looseObject({
  name: nonEmptyString,
  character_set: nonEmptyString.optional(),
  collate: nonEmptyString.optional(),
})

/** `POST /instances/{id}/databases` (apischema `dbschema.create`). */
export const createDatabasesRequestSchema = z.looseObject({
  databases: z.array(databaseCreateItemSchema),
})
export type CreateDatabasesRequest = z.infer<typeof createDatabasesRequestSchema>

/* ---------------------------------------------------------------- name rules */

/** Which rule set applies: Trove validates MySQL-family names; PostgreSQL has its own. */
export type DatastoreFamily = 'mysql' | 'postgresql' | 'other'

export function datastoreFamily(datastoreType: string | undefined): DatastoreFamily {
  const t = (datastoreType ?? '').toLowerCase()
  if (t === 'mysql' || t === 'mariadb' || t === 'percona' || t === 'pxc') return 'mysql'
  if (t === 'postgresql' || t === 'postgres') return 'postgresql'
  return 'other'
}

/**
 * MySQL database names (trove/common/db/mysql/models.py `MySQLSchema.dbname`): letters, digits,
 * `_` and `-`; spaces, `?`, `#` and `@` only inside; at most 64 characters. Python's `%r` check
 * also refuses backslashes and control characters, which this pattern already leaves out. A
 * one-character name is accepted (the embedded cloud's instance create does the same).
 */
export const MYSQL_DB_NAME_RE = /^[A-Za-z0-9_-]+[ ?#@]*[A-Za-z0-9_-]+$|^[A-Za-z0-9_-]$/
export const MYSQL_DB_NAME_MAX = 64

/** PostgreSQL (`PostgreSQLSchema.name_regex`): no NUL, does not end in whitespace; 63 at most. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what PostgreSQL refuses
export const POSTGRES_DB_NAME_RE = /^[\u0001-\uFFFF]*[^\s\u0000]$/
export const POSTGRES_DB_NAME_MAX = 63

/** Databases that exist on every instance and are neither listed nor created (ignore_dbs). */
export const RESERVED_DATABASES: Record<DatastoreFamily, readonly string[]> = {
  mysql: ['mysql', 'information_schema', 'performance_schema', 'sys', 'lost+found'],
  postgresql: ['os_admin', 'postgres', 'template0', 'template1'],
  other: [],
}

export function databaseNameMax(family: DatastoreFamily): number | undefined {
  if (family === 'mysql') return MYSQL_DB_NAME_MAX
  if (family === 'postgresql') return POSTGRES_DB_NAME_MAX
  return undefined
}

/** The pattern a name must match, or undefined where Trove checks none. */
export function databaseNamePattern(family: DatastoreFamily): RegExp | undefined {
  if (family === 'mysql') return MYSQL_DB_NAME_RE
  if (family === 'postgresql') return POSTGRES_DB_NAME_RE
  return undefined
}

/* ----------------------------------------------------------------------- form */

export interface DatabaseFormValues {
  name: string
  characterSet: string
  collation: string
}

/**
 * The create-database form: the same rules the cloud applies, said in the console's words.
 * `existing` are the names already on the instance.
 */
export function databaseFormSchema(family: DatastoreFamily, existing: readonly string[] = []) {
  const max = databaseNameMax(family)
  const pattern = databaseNamePattern(family)
  const reserved = RESERVED_DATABASES[family]
  return z
    .object({
      name: z.string(),
      characterSet: z.string(),
      collation: z.string(),
    })
    .superRefine((v, ctx) => {
      const name = v.name
      const nameIssue = (message: string) =>
        ctx.addIssue({ code: 'custom', path: ['name'], message })
      if (name.length === 0) nameIssue('Enter a name.')
      else if (max !== undefined && name.length > max) nameIssue(`At most ${max} characters.`)
      else if (pattern && !pattern.test(name)) {
        nameIssue(
          family === 'mysql'
            ? 'Use letters, digits, _ and -; spaces, ?, # and @ only inside the name.'
            : 'The name cannot end with a space.',
        )
      } else if (reserved.includes(name)) nameIssue(`${name} is a reserved database name.`)
      else if (existing.includes(name)) nameIssue(`A database named ${name} already exists.`)

      const charsetIssue = (path: 'characterSet' | 'collation', message: string) =>
        ctx.addIssue({ code: 'custom', path: [path], message })
      if (family === 'mysql') {
        if (v.characterSet && !(v.characterSet in MYSQL_CHARSETS)) {
          charsetIssue('characterSet', 'Not a MySQL character set.')
        } else if (v.collation) {
          const owner = mysqlCharsetOfCollation(v.collation)
          if (!owner) charsetIssue('collation', 'Not a MySQL collation.')
          else if (v.characterSet && owner !== v.characterSet) {
            charsetIssue('collation', `Not a collation of ${v.characterSet}.`)
          }
        }
      } else if (family === 'postgresql') {
        if (v.characterSet && !POSTGRES_ENCODINGS.includes(v.characterSet)) {
          charsetIssue('characterSet', 'Not a PostgreSQL encoding.')
        } else if (v.collation && !POSTGRES_LOCALE_RE.test(v.collation)) {
          charsetIssue('collation', 'Not a locale name (for example en_US.UTF-8 or C).')
        } else if (v.collation && !postgresLocaleFits(v.collation, v.characterSet || 'UTF8')) {
          charsetIssue(
            'collation',
            `This locale does not use the ${v.characterSet || 'UTF8'} encoding.`,
          )
        }
      }
    })
}

/** The request body for the form's values (empty selects are left out: the cloud's defaults). */
export function databaseCreateBody(v: DatabaseFormValues): CreateDatabasesRequest {
  return {
    databases: [
      {
        name: v.name,
        ...(v.characterSet ? { character_set: v.characterSet } : {}),
        ...(v.collation ? { collate: v.collation } : {}),
      },
    ],
  }
}
