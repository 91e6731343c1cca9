import { screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { renderRoute, type RouteHarness } from '@/test/render-route'

let h: RouteHarness | undefined
afterEach(() => h?.close())

describe('datastores routes', () => {
  it('lists datastores, a version’s parameters filtered from the URL, and 404s an unknown one', async () => {
    const harness = await renderRoute('/datastores')
    h = harness
    await screen.findByRole('heading', { name: 'Datastores', level: 1 })
    const list = await screen.findByRole('table', { name: 'Datastores' })
    expect(within(list).getByRole('link', { name: 'mysql' })).toBeTruthy()

    await harness.visit('/datastores/mysql/versions/5.7?q=innodb')
    const params = await screen.findByRole('table', { name: 'Parameters of mysql 5.7' })
    const names = within(params)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.querySelector('td')?.textContent ?? '')
    expect(names.length).toBeGreaterThan(0)
    for (const n of names) expect(n).toMatch(/innodb/)
    expect(within(params).queryByText('max_connections')).toBeNull()

    await harness.visit('/datastores/nosuchdb')
    await screen.findByText(/Datastore not found/, {}, { timeout: 5000 })
    expect(screen.getByRole('link', { name: 'All datastores' })).toBeTruthy()
  })
})
