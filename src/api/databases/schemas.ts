import * as z from 'zod/mini'
import { linkSchema } from '../common/schemas'
import { nonEmptyString } from '../instances/schemas'
import type { DatastoreFamily } from '../rules/datastore-family'
import { databaseNameVerdict } from '../rules/database-names'
import {
  MYSQL_CHARSETS,
  POSTGRES_ENCODINGS,
  POSTGRES_LOCALE_RE,
  mysqlCharsetOfCollation,
  postgresLocaleFits,
} from '../rules/charsets'

/* ------------------------------------------------------------------ responses */

/** A database as Trove lists it: only its name (`SchemaView`). */
export const databaseSchema = z.looseObject({ name: z.string() })
export type Database = z.infer<typeof databaseSchema>

/** `GET /instances/{id}/databases`: pages of 20 at most, with a `next` link while more remain. */
export const databaseListSchema = z.object({
  databases: z.array(databaseSchema),
  links: z.optional(z.array(linkSchema)),
})

/* ------------------------------------------------------------------- requests */

/** One database to create (apischema `databases_def` item). */
export const databaseCreateItemSchema = z.looseObject({
  name: nonEmptyString,
  character_set: z.optional(nonEmptyString),
  collate: z.optional(nonEmptyString),
})

/** `POST /instances/{id}/databases` (apischema `dbschema.create`). */
export const createDatabasesRequestSchema = z.looseObject({
  databases: z.array(databaseCreateItemSchema),
})
export type CreateDatabasesRequest = z.infer<typeof createDatabasesRequestSchema>

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
  return z
    .object({
      name: z.string(),
      characterSet: z.string(),
      collation: z.string(),
    })
    .check(
      z.superRefine((v, ctx) => {
        const name = v.name
        const nameIssue = (message: string) =>
          ctx.addIssue({ code: 'custom', path: ['name'], message })
        const verdict = databaseNameVerdict(name, family)
        if (!verdict.ok) nameIssue(verdict.message)
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
      }),
    )
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
