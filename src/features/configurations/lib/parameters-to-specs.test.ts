import { describe, expect, it } from 'vitest'
import type { Parameter } from '@/api/parameters/schemas'
import { zodFromSpecs } from '@/components/schema-form/zod-from-specs'
import {
  RESTART_BADGE,
  formatValue,
  parameterToSpec,
  restartRequired,
  searchParameters,
  specsFor,
  toApiValues,
} from './parameters-to-specs'

const P = (p: Partial<Parameter> & { name: string; type: string }): Parameter => ({
  restart_required: false,
  datastore_version_id: 'v',
  ...p,
})
const params: Parameter[] = [
  P({ name: 'max_connections', type: 'integer', min: 1, max: 100000 }),
  P({ name: 'autocommit', type: 'integer', max: 1 }),
  P({ name: 'long_query_time', type: 'float' }),
  P({ name: 'innodb_buffer_pool_size', type: 'integer', min: 5242880, restart_required: true }),
  P({ name: 'performance_schema', type: 'boolean', restart_required: true }),
  P({ name: 'character_set_server', type: 'string' }),
  P({ name: 'seeds', type: 'list' }),
]

describe('parameterToSpec', () => {
  it('integers and floats become number fields with Trove bounds', () => {
    expect(parameterToSpec(params[0]!)).toEqual({
      kind: 'number',
      name: 'max_connections',
      label: 'max_connections',
      required: true,
      integer: true,
      min: 1,
      max: 100000,
    })
    expect(parameterToSpec(params[1]!)).toMatchObject({ integer: true, max: 1 })
    expect(parameterToSpec(params[1]!)).not.toHaveProperty('min')
    expect(parameterToSpec(params[2]!)).toMatchObject({ kind: 'number', integer: false })
  })
  it('surfaces restart_required as a badge; booleans and strings', () => {
    expect(parameterToSpec(params[3]!).badge).toBe(RESTART_BADGE)
    expect(parameterToSpec(params[0]!).badge).toBeUndefined()
    expect(parameterToSpec(params[4]!)).toMatchObject({ kind: 'boolean', badge: RESTART_BADGE })
    expect(parameterToSpec(params[5]!)).toMatchObject({ kind: 'text', required: true })
  })
  it('unknown types are text with an explanation', () => {
    expect(parameterToSpec(params[6]!)).toMatchObject({
      kind: 'text',
      help: 'Sent as text: this console does not know the type "list".',
    })
  })
  it('out-of-range and wrong-type values are refused by the generated schema', () => {
    const schema = zodFromSpecs(specsFor(params, ['max_connections', 'long_query_time']))
    const r = schema.safeParse({ max_connections: '100001', long_query_time: 'fast' })
    expect(r.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['max_connections', 'Must be at most 100000'],
      ['long_query_time', 'Enter a number'],
    ])
    expect(schema.parse({ max_connections: '200', long_query_time: '2' })).toEqual({
      max_connections: 200,
      long_query_time: 2,
    })
  })
})

describe('specsFor / toApiValues / restartRequired / search', () => {
  it('keeps the chosen order and drops unknown names', () => {
    expect(specsFor(params, ['long_query_time', 'nope', 'autocommit']).map((s) => s.name)).toEqual([
      'long_query_time',
      'autocommit',
    ])
  })
  it('builds values and marks floats', () => {
    const r = toApiValues(params, { max_connections: 10, long_query_time: 2, x: undefined })
    expect(r.values).toEqual({ max_connections: 10, long_query_time: 2 })
    expect([...r.floatKeys]).toEqual(['long_query_time'])
  })
  it('lists the restart-required names', () => {
    expect(
      restartRequired(params, ['max_connections', 'innodb_buffer_pool_size', 'performance_schema']),
    ).toEqual(['innodb_buffer_pool_size', 'performance_schema'])
  })
  it('searches by words, hides chosen ones, sorts by name', () => {
    expect(searchParameters(params, 'innodb pool', new Set()).map((p) => p.name)).toEqual([
      'innodb_buffer_pool_size',
    ])
    expect(searchParameters(params, 'CONN', new Set()).map((p) => p.name)).toEqual([
      'max_connections',
    ])
    expect(searchParameters(params, '', new Set(['seeds'])).map((p) => p.name)).toEqual([
      'autocommit',
      'character_set_server',
      'innodb_buffer_pool_size',
      'long_query_time',
      'max_connections',
      'performance_schema',
    ])
  })
  it('formats values', () => {
    expect([
      formatValue(true),
      formatValue(2.5),
      formatValue(null),
      formatValue(undefined),
    ]).toEqual(['true', '2.5', 'null', '—'])
  })
})
