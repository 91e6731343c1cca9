import { describe, expect, it } from 'vitest'
import { openstackCommand } from '../cli-twin/openstack-command'
import type { JournalEntry } from './schemas'
import { journalTwinRequest, summaryShortened } from './twin'

const entry = (over: Partial<JournalEntry>): JournalEntry => ({
  id: 1,
  at: '2026-12-05T10:00:00Z',
  kind: 'request',
  source: 'console',
  region: 'RegionOne',
  projectId: 'p1',
  projectName: 'demo',
  userId: 'u1',
  userName: 'demo',
  method: 'POST',
  path: '/trove/RegionOne/v1.0/p1/instances/i9/action',
  resourceKind: 'instance',
  resourceId: 'i9',
  resourceName: 'db1',
  action: 'restart',
  summary: { restart: {} },
  status: 202,
  requestId: 'req-1',
  fromStatus: null,
  toStatus: null,
  previousMs: null,
  datastore: 'mysql',
  ...over,
})

describe('journalTwinRequest', () => {
  it('reads the request below the Trove endpoint, embedded and through the gateway', () => {
    const embedded = journalTwinRequest(entry({}))
    expect(embedded).toEqual({
      service: 'database',
      method: 'POST',
      path: '/instances/i9/action',
      body: { restart: {} },
    })
    expect(openstackCommand(embedded!)).toEqual({
      argv: ['openstack', 'database', 'instance', 'restart', 'i9'],
    })
    const gateway = journalTwinRequest(
      entry({ path: '/gw/ep7/database/v1.0/p1/instances/i9/action' }),
    )
    expect(gateway?.path).toBe('/instances/i9/action')
  })

  it('shows removed secrets as the placeholder, never the journal’s marker', () => {
    const r = journalTwinRequest(
      entry({
        path: '/trove/RegionOne/v1.0/p1/instances/i9/users',
        summary: { users: [{ name: 'app', password: '***' }] },
      }),
    )
    expect(r?.body).toEqual({ users: [{ name: 'app', password: '<password>' }] })
  })

  it('reads DBaaS and Keystone paths; status changes and unknown paths have none', () => {
    expect(
      journalTwinRequest(
        entry({
          path: '/dbaas/RegionOne/v2/dbaas-service/orders',
          method: 'DELETE',
          summary: null,
        }),
      ),
    ).toEqual({ service: 'dbaas', method: 'DELETE', path: '/dbaas-service/orders' })
    expect(
      journalTwinRequest(entry({ path: '/v3/users/u1/application_credentials' }))?.service,
    ).toBe('identity')
    expect(journalTwinRequest(entry({ kind: 'transition', method: null, path: null }))).toBeNull()
    expect(journalTwinRequest(entry({ path: '/healthz' }))).toBeNull()
    expect(journalTwinRequest(entry({ method: 'GET' }))).toBeNull()
  })
})

describe('summaryShortened', () => {
  it('tells a body the journal cut short', () => {
    expect(summaryShortened({ a: 'x'.repeat(10) })).toBe(false)
    expect(summaryShortened({ a: 'xxxx…' })).toBe(true)
    expect(summaryShortened({ a: [1, '… 3 more'] })).toBe(true)
    expect(summaryShortened({ '…': 'more keys' })).toBe(true)
  })
})
