import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv, type AnySchemaObject, type ValidateFunction } from 'ajv'

/**
 * DBaaS response bodies checked against the Exoscale OpenAPI document (the operations the
 * embedded cloud serves, cut verbatim by scripts/cut-dbaas-openapi.ts) with ajv. Objects that
 * list their properties are checked closed (a misspelt field is an error), formats are checked.
 */

interface Operation {
  operationId: string
  responses: Record<string, { content?: Record<string, { schema: AnySchemaObject }> }>
}
interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, AnySchemaObject> }
}

const DOC_PATH = join(
  import.meta.dirname,
  '..',
  'dbaas',
  'testdata',
  'exoscale-dbaas-openapi-subset.json',
)

/**
 * Where the document is wrong about the real service: the check leaves these out, each with its
 * reason. (`path` walks `components.schemas`.)
 */
export const DOCUMENT_EXCEPTIONS: { path: string[]; drop: 'format'; why: string }[] = [
  {
    path: ['operation', 'properties', 'reference', 'properties', 'id'],
    drop: 'format',
    why: 'The real service puts the service *name* (not a UUID) in reference.id of service operations.',
  },
]

/**
 * Routes the embedded cloud serves that the document does not have, and the operation whose
 * response they are checked against instead.
 */
export const ROUTE_EXCEPTIONS: Record<string, { as: string; why: string }> = {
  'PUT /dbaas-mariadb/{name}': {
    as: 'update-dbaas-service-mysql',
    why: 'MariaDB services are an embedded-cloud extension (Trove datastore mariadb); Exoscale has no dbaas-mariadb. It answers the operation the MySQL update does.',
  },
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * OpenAPI 3.0 to the JSON Schema ajv reads: boolean `exclusiveMinimum`/`exclusiveMaximum` (draft 4)
 * become numeric ones (`nullable` ajv reads itself). And object schemas that list properties and
 * say nothing of additional ones become closed.
 */
function convert(v: unknown): void {
  if (Array.isArray(v)) return v.forEach(convert)
  if (!isObject(v)) return
  for (const [exclusive, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof v[exclusive] !== 'boolean') continue
    if (v[exclusive] === true) v[exclusive] = v[bound]
    else delete v[exclusive]
    if (v[exclusive] !== undefined) delete v[bound]
  }
  if (isObject(v.properties) && v.additionalProperties === undefined) v.additionalProperties = false
  Object.values(v).forEach(convert)
}

function loadDoc(): OpenApiDoc {
  const doc = JSON.parse(readFileSync(DOC_PATH, 'utf8')) as OpenApiDoc
  for (const ex of DOCUMENT_EXCEPTIONS) {
    let at: unknown = doc.components.schemas
    for (const key of ex.path) at = isObject(at) ? at[key] : undefined
    if (!isObject(at) || !(ex.drop in at)) throw new Error(`stale exception ${ex.path.join('.')}`)
    delete at[ex.drop]
  }
  convert(doc)
  return doc
}

const doc = loadDoc()
const ajv = new Ajv({ strict: false, allErrors: true })
ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)
ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/)
ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) })
ajv.addSchema(doc as unknown as AnySchemaObject, 'exoscale-dbaas')

/** Every operationId of the document (the served ones). */
export const OPERATION_IDS: string[] = Object.values(doc.paths).flatMap((methods) =>
  Object.values(methods).map((o) => o.operationId),
)

const validators = new Map<string, ValidateFunction>()

function validatorOf(operationId: string): ValidateFunction {
  const cached = validators.get(operationId)
  if (cached) return cached
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (op.operationId !== operationId) continue
      if (!op.responses['200']?.content?.['application/json']) break
      const pointer = ['paths', path, method, 'responses', '200', 'content', 'application/json']
        .map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1'))
        .join('/')
      const v = ajv.getSchema(`exoscale-dbaas#/${pointer}/schema`)
      if (!v) throw new Error(`no schema at ${pointer}`)
      validators.set(operationId, v)
      return v
    }
  }
  throw new Error(`no 200 JSON response for operation ${operationId}`)
}

/** Problems of a 200 body against an operation's response schema (empty: it conforms). */
export function openApiProblems(operationId: string, body: unknown): string[] {
  const validate = validatorOf(operationId)
  if (validate(body)) return []
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`,
  )
}

/**
 * The operation that answers `method` on a DBaaS route of the app (`/dbaas/:region/v2/x/:id`),
 * or the one a route exception names; undefined when the document has neither.
 */
export function operationOf(method: string, route: string): string | undefined {
  const rest = route.replace(/^\/dbaas\/:region\/v2/, '')
  const segments = rest.split('/')
  const docPath = Object.keys(doc.paths).find((p) => {
    const ps = p.split('/')
    return (
      ps.length === segments.length &&
      ps.every((s, i) => s === segments[i] || (/^\{.+\}$/.test(s) && segments[i]?.startsWith(':')))
    )
  })
  const op = docPath ? doc.paths[docPath]?.[method.toLowerCase()] : undefined
  if (op) return op.operationId
  const named = rest.replace(/:([A-Za-z-]+)/g, '{$1}')
  return ROUTE_EXCEPTIONS[`${method} ${named}`]?.as
}
