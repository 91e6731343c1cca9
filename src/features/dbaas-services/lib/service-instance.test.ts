import { describe, expect, it } from 'vitest'
import type { Service } from '@/api/dbaas/schemas'
import { instancesByServiceName, troveStatusOf } from './service-instance'

describe('instancesByServiceName', () => {
  it('maps each name to its newest instance, as the cloud derives services', () => {
    const map = instancesByServiceName([
      { id: 'a', name: 'orders', status: 'ACTIVE', created: '2026-01-01T00:00:00' },
      { id: 'b', name: 'orders', status: 'ERROR', created: '2026-02-01T00:00:00' },
      { id: 'c', name: 'cache', status: 'SHUTDOWN', created: '2026-01-05T00:00:00' },
    ])
    expect(map.get('orders')?.id).toBe('b')
    expect(map.get('cache')?.id).toBe('c')
    expect(map.get('nope')).toBeUndefined()
    expect(instancesByServiceName(undefined).size).toBe(0)
  })
})

describe('troveStatusOf', () => {
  const svc = (notice?: string): Service => ({
    name: 'orders',
    type: 'mysql',
    plan: 'm1.small',
    state: 'poweroff',
    ...(notice
      ? {
          notifications: [
            {
              level: 'warning',
              type: 'service_powered_off_removal',
              message: 'off',
              metadata: { 'trove-status': notice },
            },
          ],
        }
      : {}),
  })
  it("prefers the instance's status, then the notice's", () => {
    expect(troveStatusOf(svc('SHUTDOWN'), { id: 'b', name: 'orders', status: 'ERROR' })).toBe(
      'ERROR',
    )
    expect(troveStatusOf(svc('ERROR'), undefined)).toBe('ERROR')
    expect(troveStatusOf(svc(), undefined)).toBeUndefined()
  })
})
