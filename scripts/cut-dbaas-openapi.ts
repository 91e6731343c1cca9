/**
 * Cuts the operations the embedded cloud serves (and the component schemas they reference) out of
 * the Exoscale OpenAPI document into server/dbaas/testdata/exoscale-dbaas-openapi-subset.json,
 * verbatim. The subset is committed, so the contract test and `gen:dbaas-types` work in a fresh
 * clone; rerun this (`npm run gen:dbaas-types`) when the document or the served operations change.
 *
 *   tsx scripts/cut-dbaas-openapi.ts [path/to/exoscale-dbaas-openapi.json]
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** Every operation the embedded cloud's DBaaS face answers (server/dbaas/router.ts). */
const SERVED = [
  'attach-dbaas-service-to-endpoint',
  'create-dbaas-integration',
  'create-dbaas-task-migration-check',
  'delete-dbaas-integration',
  'delete-dbaas-service',
  'detach-dbaas-service-from-endpoint',
  'get-dbaas-ca-certificate',
  'get-dbaas-external-integration',
  'get-dbaas-integration',
  'get-dbaas-migration-status',
  'get-dbaas-service-logs',
  'get-dbaas-service-metrics',
  'get-dbaas-service-type',
  'get-dbaas-task',
  'get-operation',
  'list-dbaas-external-endpoints',
  'list-dbaas-external-integrations',
  'list-dbaas-integration-settings',
  'list-dbaas-integration-types',
  'list-dbaas-service-types',
  'list-dbaas-services',
  'update-dbaas-integration',
  'update-dbaas-service-mysql',
  'update-dbaas-service-pg',
]

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }
interface Doc {
  openapi: string
  paths: Record<string, Record<string, { operationId?: string } & Record<string, Json>>>
  components: { schemas: Record<string, Json> }
}

const root = join(import.meta.dirname, '..')
const source =
  process.argv[2] ?? join(root, '..', 'shared', 'reference', 'exoscale-dbaas-openapi.json')
const doc = JSON.parse(readFileSync(source, 'utf8')) as Doc

const paths: Doc['paths'] = {}
const found = new Set<string>()
for (const [path, methods] of Object.entries(doc.paths)) {
  for (const [method, op] of Object.entries(methods)) {
    if (!op.operationId || !SERVED.includes(op.operationId)) continue
    ;(paths[path] ??= {})[method] = op
    found.add(op.operationId)
  }
}
const missing = SERVED.filter((id) => !found.has(id))
if (missing.length) throw new Error(`not in the document: ${missing.join(', ')}`)

// The component schemas the kept operations reach, transitively.
const refs = new Set<string>()
const walk = (v: Json): void => {
  if (Array.isArray(v)) v.forEach(walk)
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (k === '$ref' && typeof x === 'string') {
        const name = x.replace('#/components/schemas/', '')
        if (!refs.has(name)) {
          refs.add(name)
          const target = doc.components.schemas[name]
          if (target === undefined) throw new Error(`dangling $ref ${x}`)
          walk(target)
        }
      } else walk(x)
    }
  }
}
walk(paths as unknown as Json)
const schemas = Object.fromEntries([...refs].sort().map((n) => [n, doc.components.schemas[n]!]))

const subset = {
  openapi: doc.openapi,
  info: {
    title: 'Exoscale DBaaS subset: the operations the embedded cloud serves',
    source:
      'work/shared/reference/exoscale-dbaas-openapi.json (cut by scripts/cut-dbaas-openapi.ts)',
  },
  paths,
  components: { schemas },
}
const out = join(root, 'server', 'dbaas', 'testdata', 'exoscale-dbaas-openapi-subset.json')
writeFileSync(out, `${JSON.stringify(subset, null, 2)}\n`)
console.info(`${out}: ${found.size} operations, ${refs.size} component schemas`)
