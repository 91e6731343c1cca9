import { describe, expect, it } from 'vitest'
import { createInstanceRowParser, instanceListRowSchema, jsonEqual, ListRowError } from './list-row'
import { instanceSchema } from './schemas'

const row = (n: number, extra: Record<string, unknown> = {}) => ({
  id: `id-${n}`,
  name: `demo-db-${n}`,
  status: 'ACTIVE',
  operating_status: 'HEALTHY',
  flavor: { id: 'f1', links: [{ href: 'http://cloud/flavors/f1', rel: 'self' }] },
  datastore: { type: 'mysql', version: '8.0', version_number: '8.0.36' },
  region: 'RegionOne',
  ip: ['10.0.0.5'],
  addresses: [{ address: '10.0.0.5', type: 'private', network: 'net-1' }],
  volume: { size: 5 },
  access: { is_public: false },
  replica_of: { id: 'id-0', links: [] },
  created: '2026-12-01T10:00:00',
  updated: '2026-12-01T10:00:00',
  ...extra,
})

describe('instance list rows', () => {
  it('a good row comes back with every field the list reads, and fields it does not know', () => {
    const raw = row(1, { server_id: 'srv-1', encrypted_rpc_messaging: true })
    const [parsed] = createInstanceRowParser().parse([raw], 'instances.created')
    expect(parsed).toEqual(raw)
    expect(parsed?.datastore.type).toBe('mysql')
    expect(parsed?.addresses?.[0]?.address).toBe('10.0.0.5')
    expect(parsed?.replica_of?.id).toBe('id-0')
    // What the list-row schema accepts, the full schema accepts too (same fields, same types).
    expect(instanceSchema.safeParse(parsed).success).toBe(true)
  })

  it('a bad row is an error naming the row and the field', () => {
    const parser = createInstanceRowParser()
    const bad = [row(1), row(2, { datastore: { type: 'mysql', version: 8 } })]
    expect(() => parser.parse(bad, 'instances.created')).toThrow(ListRowError)
    try {
      parser.parse(bad, 'instances.created')
    } catch (e) {
      expect(e).toBeInstanceOf(ListRowError)
      expect((e as ListRowError).path).toBe('instances.created.1.datastore.version')
      expect((e as Error).message).toMatch(/^instances\.created\.1\.datastore\.version: .*string/i)
    }
    expect(() => parser.parse([row(1), 'not a row'], 'rows')).toThrow(/^rows\.1: /)
    expect(() => parser.parse([{ ...row(3), flavor: { id: 'f', links: 'x' } }], 'rows')).toThrow(
      /^rows\.0\.flavor\.links: expected an array of links/,
    )
    expect(instanceListRowSchema.safeParse(row(4, { volume: { size: '5' } })).success).toBe(false)
  })

  it('a re-read parses only the rows that changed and keeps the others as they were', () => {
    const parser = createInstanceRowParser()
    const first = parser.parse([row(1), row(2), row(3)], 'rows')
    expect(parser.parsedLast).toBe(3)
    // A new answer: new objects, row 2 changed, row 4 new, row 3 gone.
    const second = parser.parse(
      [row(1), row(2, { status: 'REBOOT', operating_status: '' }), row(4)],
      'rows',
    )
    expect(parser.parsedLast).toBe(2)
    expect(second[0]).toBe(first[0])
    expect(second[1]).not.toBe(first[1])
    expect(second[1]?.status).toBe('REBOOT')
    expect(second[2]?.id).toBe('id-4')
    // Row 3 is forgotten: when it comes back it is parsed again.
    parser.parse([row(3)], 'rows')
    expect(parser.parsedLast).toBe(1)
  })

  it('compares JSON values deeply', () => {
    expect(jsonEqual(row(1), row(1))).toBe(true)
    expect(jsonEqual(row(1), row(1, { hostname: 'h' }))).toBe(false)
    expect(jsonEqual(row(1, { hostname: 'h' }), row(1))).toBe(false)
    expect(jsonEqual({ a: [1, 2] }, { a: [2, 1] })).toBe(false)
    expect(jsonEqual({ a: [] }, { a: {} })).toBe(false)
    expect(jsonEqual({ a: null }, { a: undefined })).toBe(false)
  })
})
