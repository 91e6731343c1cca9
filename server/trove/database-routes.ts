import { createDatabasesRequestSchema } from '../../src/api/databases/schemas'
import {
  deleteDatabase,
  findDatabase,
  insertDatabase,
  pageDatabases,
} from '../store/user-database-queries'
import { RESERVED_DATABASES } from '../../src/api/rules/database-names'
import { badRequest } from './errors'
import {
  charsetChoice,
  reservedDatabaseError,
  schemaNameError,
  type CharsetChoice,
} from './mysql-names'
import {
  databaseNotFound,
  loadTarget,
  pageLinks,
  pageParams,
  parseBody,
  requireReady,
  requireSupported,
  type ExtensionRegistrar,
} from './user-database-common'

/** `…/instances/{id}/databases`: list, create, delete (Trove's SchemaController). */
export const registerDatabaseRoutes: ExtensionRegistrar = (app, base, deps) => {
  const { db } = deps

  app.get(`${base}/instances/:id/databases`, (c) => {
    const t = loadTarget(c, deps)
    requireSupported(t, deps)
    requireReady(t)
    const { limit, marker } = pageParams(c)
    const page = pageDatabases(db, t.row.id, limit, marker, RESERVED_DATABASES[t.family])
    return c.json({
      databases: page.rows.map((r) => ({ name: r.name })),
      ...pageLinks(c, limit, page.more, page.rows[page.rows.length - 1]?.name),
    })
  })

  app.post(`${base}/instances/:id/databases`, async (c) => {
    const body = await parseBody(c, createDatabasesRequestSchema, '{"databases": [{"name": ...}]}')
    const t = loadTarget(c, deps)
    requireSupported(t, deps)
    // populate_validated_databases: name, reserved, duplicates, character set, collation.
    const seen = new Set<string>()
    const plan: (CharsetChoice & { name: string })[] = []
    for (const d of body.databases) {
      const problem = schemaNameError(d.name, t.family) ?? reservedDatabaseError(d.name, t.family)
      if (problem) throw badRequest(problem)
      if (seen.has(d.name)) {
        throw badRequest(
          'Two or more databases share the same name in the initial databases list. Please correct the names or remove the duplicate entries.',
        )
      }
      seen.add(d.name)
      const choice = charsetChoice(t.family, d.character_set, d.collate)
      if ('error' in choice) throw badRequest(choice.error)
      plan.push({ name: d.name, ...choice })
    }
    // Schema.create: the datastore must run, and no database may exist already.
    requireReady(t)
    for (const d of plan) {
      if (findDatabase(db, t.row.id, d.name)) {
        throw badRequest(`A database with the name "${d.name}" already exists.`)
      }
    }
    db.transaction(() => {
      for (const d of plan) insertDatabase(db, t.row.id, d)
    })()
    return c.body(null, 202)
  })

  app.delete(`${base}/instances/:id/databases/:name`, (c) => {
    const t = loadTarget(c, deps)
    requireSupported(t, deps)
    const name = c.req.param('name')
    const problem = schemaNameError(name, t.family)
    if (problem) throw badRequest(`Database delete error: ${problem}`)
    const reserved = reservedDatabaseError(name, t.family)
    if (reserved) throw badRequest(`Database delete error: Cannot delete database: ${reserved}`)
    requireReady(t)
    if (!findDatabase(db, t.row.id, name)) throw databaseNotFound(name)
    deleteDatabase(db, t.row.id, name)
    return c.body(null, 202)
  })
}
