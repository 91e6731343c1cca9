import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createTestCloud, type TestCloud } from '../testing'
import { rolledBack } from '../proof/db-snapshot'
import {
  ENDPOINTS,
  faceOf,
  fillRoute,
  paramsOf,
  routeKey,
  type Endpoint,
  type FuzzFixture,
} from '../proof/endpoints'
import { buildFuzzFixture } from '../proof/fuzz-fixture'
import { OPERATION_IDS, openApiProblems, operationOf } from './openapi-check'
import { RESPONSE_CONTRACTS } from './response-contracts'

/**
 * Issue 13 point 5: every route the server registers answers a valid request (the endpoint
 * table's) with the status and body the SPA's schema for it expects; routes without a body send
 * none. The DBaaS answers are also checked against the Exoscale OpenAPI document.
 */

interface Answer {
  endpoint: Endpoint
  /** Which valid request of the endpoint (its bodies) this answers. */
  index: number
  status: number
  text: string
  body: unknown
}

let t: TestCloud
let f: FuzzFixture
const answers: Answer[] = []

/** Sends every valid request of the endpoint table; each meets the fixture's state. */
beforeAll(async () => {
  t = createTestCloud()
  f = await buildFuzzFixture(t)
  for (const endpoint of ENDPOINTS) {
    const token =
      endpoint.as === 'admin'
        ? f.admin.token
        : endpoint.as === 'member'
          ? f.member.token
          : undefined
    const q = new URLSearchParams(endpoint.query?.(f) ?? {}).toString()
    const path = fillRoute(endpoint.route, paramsOf(endpoint, f)) + (q ? `?${q}` : '')
    for (const [index, body] of (endpoint.bodies?.(f) ?? [undefined]).entries()) {
      await rolledBack(t.store, async () => {
        const headers: Record<string, string> = {
          Host: 'cloud.test:8080',
          ...endpoint.headers?.(f),
        }
        if (token) headers['X-Auth-Token'] = token
        if (body !== undefined) headers['Content-Type'] = 'application/json'
        const res = await t.app.request(`http://cloud.test:8080${path}`, {
          method: endpoint.method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
        })
        const text = await res.text()
        let parsed: unknown = text
        try {
          parsed = text ? JSON.parse(text) : undefined
        } catch {
          // not JSON: no schema accepts a string body
        }
        answers.push({ endpoint, index, status: res.status, text, body: parsed })
      })
    }
  }
}, 120_000)

afterAll(() => t.close())

const label = (a: Answer) => `${routeKey(a.endpoint.method, a.endpoint.route)} #${a.index}`

describe('response contracts', () => {
  it('name a contract for every endpoint, and only for endpoints', () => {
    const table = new Set(ENDPOINTS.map((e) => routeKey(e.method, e.route)))
    const registered = new Set(t.app.routes.map((r) => routeKey(r.method, r.path)))
    const contracts = Object.keys(RESPONSE_CONTRACTS)
    expect([...table].filter((k) => !(k in RESPONSE_CONTRACTS)).sort()).toEqual([])
    expect(contracts.filter((k) => !table.has(k)).sort()).toEqual([])
    // The endpoint table itself covers every registered handler (the fuzz checks it in full).
    expect(contracts.filter((k) => !registered.has(k)).sort()).toEqual([])
  })

  it('every valid request is answered with its status and a body the SPA schema parses', () => {
    expect(answers.length).toBeGreaterThanOrEqual(ENDPOINTS.length)
    const problems: string[] = []
    for (const a of answers) {
      const contract = RESPONSE_CONTRACTS[routeKey(a.endpoint.method, a.endpoint.route)]
      if (!contract) continue // the test above names it
      if (a.status !== contract.status) {
        problems.push(`${label(a)}: ${a.status}, not ${contract.status}: ${a.text.slice(0, 200)}`)
        continue
      }
      if (contract.empty) {
        if (a.text !== '') problems.push(`${label(a)}: a body where none belongs: ${a.text}`)
        continue
      }
      const parsed = z.safeParse(contract.schema, a.body)
      if (!parsed.success) {
        const issues = parsed.error.issues
          .slice(0, 5)
          .map((i) => `${i.path.join('.')}: ${i.message}`)
        problems.push(`${label(a)}: ${issues.join('; ')}`)
      }
    }
    expect(problems).toEqual([])
  })
})

describe('DBaaS responses conform to the Exoscale OpenAPI document', () => {
  it('every DBaaS route has an operation in the document (or a recorded exception)', () => {
    const routes = ENDPOINTS.filter((e) => faceOf(e.route) === 'dbaas')
    expect(routes.filter((e) => !operationOf(e.method, e.route)).map((e) => e.route)).toEqual([])
    // and every operation of the cut document is served
    const served = new Set(routes.map((e) => operationOf(e.method, e.route)))
    expect(OPERATION_IDS.filter((id) => !served.has(id)).sort()).toEqual([])
  })

  it('the OpenAPI check reports wrong formats, enums and unknown fields', () => {
    const problems = openApiProblems('get-operation', { id: 'x', state: 'done', extra: 1 })
    expect(problems).toEqual([
      expect.stringMatching(/^\/ must NOT have additional properties .*"extra"/),
      expect.stringMatching(/^\/id must match format "uuid"/),
      expect.stringMatching(/^\/state must be equal to one of the allowed values/),
    ])
    // The recorded exception: a service operation names the service in reference.id.
    const id = '11111111-2222-4333-8444-555555555555'
    expect(openApiProblems('get-operation', { id, reference: { id: 'orders-db' } })).toEqual([])
  })

  it('every DBaaS answer validates against its operation’s response schema', () => {
    const dbaas = answers.filter((a) => faceOf(a.endpoint.route) === 'dbaas')
    expect(dbaas.length).toBeGreaterThan(20)
    const problems = dbaas.flatMap((a) => {
      const op = operationOf(a.endpoint.method, a.endpoint.route)
      if (!op) return [`${label(a)}: no operation`]
      if (a.status !== 200) return [`${label(a)}: ${a.status}`]
      return openApiProblems(op, a.body).map((p) => `${label(a)} (${op}): ${p}`)
    })
    expect(problems).toEqual([])
  })
})
