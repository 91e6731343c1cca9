import { describe, expect, it } from 'vitest'
import { routeTitle } from './document-title'

const root = { status: 'success', meta: [{ title: 'DBaaS Console' }] }

describe('routeTitle', () => {
  it('the deepest route with a title wins', () => {
    const app = { status: 'success' }
    const list = { status: 'success', meta: [{ title: 'Instances · DBaaS Console' }] }
    expect(routeTitle([root, app, list])).toBe('Instances · DBaaS Console')
    expect(routeTitle([root, app])).toBe('DBaaS Console')
  })

  it('a route that has not loaded gives its title (its pending or error page), the ones after it do not', () => {
    const pending = { status: 'pending', meta: [{ title: 'Backups · DBaaS Console' }] }
    const after = { status: 'success', meta: [{ title: 'Backup · DBaaS Console' }] }
    expect(routeTitle([root, pending, after])).toBe('Backups · DBaaS Console')
  })
})
