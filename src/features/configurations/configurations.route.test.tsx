import { screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { renderRoute, type RouteHarness } from '@/test/render-route'

let h: RouteHarness | undefined
afterEach(() => h?.close())

async function createGroup(harness: RouteHarness, name: string, values: Record<string, number>) {
  const { cloud } = harness
  const { token, projectId } = await cloud.login('demo', 'demo', 'demo')
  const base = cloud.troveBase(projectId)
  const res = await cloud.json('POST', `${base}/configurations`, {
    token,
    body: { configuration: { name, values, datastore: { type: 'mysql', version: '5.7' } } },
  })
  expect(res.status).toBe(200)
  return { id: res.body.configuration.id as string, token, base }
}

describe('configuration groups routes', () => {
  it('lists the groups on the data table with how many instances use each', async () => {
    const harness = await renderRoute('/')
    h = harness
    const free = await createGroup(harness, 'route-cfg-free', { max_connections: 200 })
    const used = await createGroup(harness, 'route-cfg-used', { max_connections: 300 })
    const { cloud } = harness
    const instances = await cloud.json('GET', `${used.base}/instances`, { token: used.token })
    const target = instances.body.instances.find(
      (i: { datastore: { type: string; version: string } }) =>
        i.datastore.type === 'mysql' && i.datastore.version === '5.7',
    )
    if (target) {
      const put = await cloud.json('PUT', `${used.base}/instances/${target.id}`, {
        token: used.token,
        body: { instance: { configuration: used.id } },
      })
      expect(put.status).toBe(202)
    }

    await harness.visit('/configurations')
    await screen.findByRole('heading', { name: 'Configuration groups', level: 1 })
    const table = await screen.findByRole('table', { name: 'Configuration groups' })
    const freeRow = (await within(table).findByText('route-cfg-free')).closest('tr')
    expect(freeRow).not.toBeNull()
    expect(within(freeRow as HTMLElement).getByText('mysql 5.7')).toBeTruthy()
    expect(within(table).getByText('route-cfg-used')).toBeTruthy()
    expect(screen.getByTestId('configurations-count').textContent).toMatch(/2 configuration groups/)
    if (target) {
      // The used group's instance count is read per group and shown in its row.
      const usedRow = within(table).getByText('route-cfg-used').closest('tr') as HTMLElement
      await within(usedRow).findByRole('cell', { name: '1' }, { timeout: 5000 })
    }
    expect(free.id).not.toBe(used.id)
  })

  it('shows a group’s values and instances on the detail route, and 404s an unknown group', async () => {
    const harness = await renderRoute('/')
    h = harness
    const g = await createGroup(harness, 'route-cfg-detail', {
      max_connections: 250,
      innodb_buffer_pool_size: 268435456,
    })
    await harness.visit(`/configurations/${g.id}`)
    await screen.findByRole('heading', { name: 'route-cfg-detail', level: 1 })
    const values = await screen.findByRole('table', { name: 'Values of route-cfg-detail' })
    const row = within(values).getByText('max_connections').closest('tr') as HTMLElement
    expect(within(row).getByText('250')).toBeTruthy()
    const pool = within(values).getByText('innodb_buffer_pool_size').closest('tr') as HTMLElement
    expect(within(pool).getByText('Restart required')).toBeTruthy()
    expect(screen.getByText('Not attached to any instance.')).toBeTruthy()

    await harness.visit('/configurations/00000000-0000-4000-8000-000000000000')
    await screen.findByText(/Configuration group not found/, {}, { timeout: 5000 })
    expect(screen.getByRole('link', { name: 'All configuration groups' })).toBeTruthy()
  })
})
