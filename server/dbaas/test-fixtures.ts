import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createTestCloud, type TestCloud } from '../testing'
import { checkSchema, type Schema } from './json-schema-check'

/** Test helpers for the DBaaS API: sessions, requests, and OpenAPI response checks. */

interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string
        responses: Record<string, { content?: Record<string, { schema: Schema }> }>
      }
    >
  >
  components: { schemas: Record<string, Schema> }
}

const doc = JSON.parse(
  readFileSync(join(import.meta.dirname, 'testdata', 'exoscale-dbaas-openapi-subset.json'), 'utf8'),
) as OpenApiDoc

/** The 200 response schema of an operation, by operationId. */
export function responseSchema(operationId: string): Schema {
  for (const methods of Object.values(doc.paths)) {
    for (const op of Object.values(methods)) {
      if (op.operationId === operationId) {
        const s = op.responses['200']?.content?.['application/json']?.schema
        if (s) return s
      }
    }
  }
  throw new Error(`no operation ${operationId}`)
}

export const OPERATION_IDS = Object.values(doc.paths).flatMap((m) =>
  Object.values(m).map((o) => o.operationId),
)

/** Problems of a body against an operation's response schema (closed objects, formats checked). */
export function conformance(operationId: string, body: unknown): string[] {
  return checkSchema(body, responseSchema(operationId), {
    refs: doc.components.schemas,
    closed: true,
    // Exoscale puts the service *name* in an operation's reference.id for service operations.
    skipFormatAt: ['reference.id'],
  })
}

export async function dbaasFixture() {
  const t: TestCloud = createTestCloud({ taskSpeed: 1, tokenTtl: 10 * 86_400 })
  const demo = await t.login('demo', 'demo', 'demo')
  const alt = await t.login('alt', 'alt', 'alt')
  const api = (token: string, region = 'RegionOne') => ({
    get: (path: string) => t.json('GET', `/dbaas/${region}/v2${path}`, { token }),
    post: (path: string, body?: unknown) =>
      t.json('POST', `/dbaas/${region}/v2${path}`, { token, body }),
    put: (path: string, body?: unknown) =>
      t.json('PUT', `/dbaas/${region}/v2${path}`, { token, body }),
    del: (path: string) => t.json('DELETE', `/dbaas/${region}/v2${path}`, { token }),
  })
  /** A Trove instance of the demo project, built to ACTIVE. */
  const instance = async (
    name: string,
    datastore = 'mysql',
    extra: Record<string, unknown> = {},
  ) => {
    const res = await t.json('POST', `${t.troveBase(demo.projectId)}/instances`, {
      token: demo.token,
      body: {
        instance: {
          name,
          flavorRef: '3',
          volume: { size: 2 },
          datastore: { type: datastore },
          ...extra,
        },
      },
    })
    if (res.status !== 200) throw new Error(JSON.stringify(res.body))
    t.advance(12)
    return res.body.instance.id as string
  }
  return { t, demo, alt, api: api(demo.token), altApi: api(alt.token), apiFor: api, instance }
}
