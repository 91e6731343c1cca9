import { describe, expect, it } from 'vitest'
import { createdId, createdName, requestTarget } from './resource-path'

const P = 'a1b2c3'
const T = `/trove/RegionOne/v1.0/${P}`

describe('requestTarget', () => {
  it('reads Trove paths: resource, id and action (the body names actions)', () => {
    const t = (m: string, path: string, body?: unknown) => {
      const r = requestTarget(m, path, body)
      return r && [r.api, r.region, r.projectId, r.resourceKind, r.resourceId, r.action]
    }
    expect(t('POST', `${T}/instances/i1/action`, { restart: {} })).toEqual([
      'trove',
      'RegionOne',
      P,
      'instance',
      'i1',
      'restart',
    ])
    expect(t('POST', `${T}/instances/i1/action`, { resize: { volume: { size: 3 } } })?.[5]).toBe(
      'resize',
    )
    expect(t('POST', `${T}/instances`)).toEqual([
      'trove',
      'RegionOne',
      P,
      'instance',
      null,
      'create',
    ])
    expect(t('DELETE', `${T}/instances/i1`)?.[5]).toBe('delete')
    expect(t('PUT', `${T}/instances/i1`)?.[5]).toBe('update')
    expect(t('POST', `${T}/instances/i1/users`)?.slice(3)).toEqual(['user', 'i1', 'create'])
    expect(t('PUT', `${T}/instances/i1/users/bob/databases`)?.slice(3)).toEqual([
      'user',
      'i1/bob',
      'grant',
    ])
    expect(t('DELETE', `${T}/instances/i1/databases/shop`)?.slice(3)).toEqual([
      'database',
      'i1/shop',
      'delete',
    ])
    expect(t('POST', `${T}/instances/i1/root`)?.slice(3)).toEqual(['root', 'i1', 'enable'])
    expect(t('POST', `${T}/backups/b1/action`, { 'copy-backup': {} })?.slice(3)).toEqual([
      'backup',
      'b1',
      'copy-backup',
    ])
    expect(t('POST', `${T}/mgmt/instances/i1/action`, { reboot: {} })?.slice(3)).toEqual([
      'instance',
      'i1',
      'reboot',
    ])
    expect(t('PUT', `${T}/mgmt/quotas/p9`)?.slice(3)).toEqual(['quota', 'p9', 'update'])
  })

  it('reads DBaaS, Keystone and gateway paths; skips reads, sign-in and read-only POSTs', () => {
    expect(requestTarget('PUT', '/dbaas/RegionOne/v2/dbaas-mysql/orders', {})).toMatchObject({
      api: 'dbaas',
      resourceKind: 'service',
      resourceId: 'orders',
      action: 'update',
    })
    expect(requestTarget('POST', '/dbaas/RegionOne/v2/dbaas-service-logs/orders', {})).toBeNull()
    expect(requestTarget('POST', '/dbaas/RegionOne/v2/dbaas-service-metrics/orders', {})).toBeNull()
    expect(requestTarget('GET', `${T}/instances`, undefined)).toBeNull()
    expect(requestTarget('POST', '/v3/auth/tokens', {})).toBeNull()
    expect(requestTarget('POST', '/v3/users/u1/application_credentials', {})).toMatchObject({
      api: 'keystone',
      resourceKind: 'credential',
    })
    expect(
      requestTarget('POST', `/gw/ep1/database/v1.0/${P}/instances/i1/action`, { stop: {} }),
    ).toMatchObject({
      api: 'trove',
      region: null,
      projectId: P,
      resourceId: 'i1',
      action: 'stop',
    })
    expect(requestTarget('POST', '/assets/x.js', {})).toBeNull()
  })

  it('takes a created id from the answer', () => {
    expect(createdId({ instance: { id: 'i9', name: 'x' } })).toBe('i9')
    expect(createdId({ id: 'op', reference: { id: 'orders' } })).toBe('orders')
    expect(createdId(null)).toBeNull()
  })
})

describe('createdName', () => {
  it('reads the name a create asked for, and nothing from other bodies', () => {
    expect(createdName({ instance: { name: 'orders-db', flavorRef: '2' } })).toBe('orders-db')
    expect(createdName({ backup: { name: 'nightly', instance: 'i1' } })).toBe('nightly')
    expect(createdName({ restart: {} })).toBeNull()
    expect(createdName({ instance: { name: '' } })).toBeNull()
    expect(createdName({ a: { name: 'x' }, b: {} })).toBeNull()
    expect(createdName(null)).toBeNull()
  })
})
