import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { renderRoute, type RouteHarness } from '@/test/render-route'

let h: RouteHarness | undefined
afterEach(() => h?.close())

describe('services list route', () => {
  it('lists the services the cloud has in the one table, with their state', async () => {
    const harness = await renderRoute('/services')
    h = harness
    const { cloud } = harness
    const { token, projectId } = await cloud.login('demo', 'demo', 'demo')
    const instances = await cloud.json('GET', `${cloud.troveBase(projectId)}/instances`, { token })
    const names = (instances.body.instances as { name: string }[]).map((i) => i.name)
    expect(names.length).toBeGreaterThan(0)
    await screen.findByRole('heading', { name: 'Services', level: 1 })
    const table = await screen.findByRole('table', { name: 'Services' }, { timeout: 5000 })
    for (const name of names) {
      const link = await within(table).findByRole('link', { name })
      const row = link.closest('tr') as HTMLElement
      expect(within(row).getByTestId('service-state').textContent).toMatch(/Running/)
    }
    expect(screen.getByTestId('services-count').textContent).toBe(`${names.length} services`)
  })

  it('opens a service, and says which one is missing', async () => {
    const harness = await renderRoute('/services')
    h = harness
    const { cloud } = harness
    const { token, projectId } = await cloud.login('demo', 'demo', 'demo')
    const instances = await cloud.json('GET', `${cloud.troveBase(projectId)}/instances`, { token })
    const name = (instances.body.instances as { name: string }[])[0]?.name ?? ''
    await harness.visit(`/services/${name}`)
    await screen.findByRole('heading', { name, level: 1 }, { timeout: 5000 })
    expect(screen.getByRole('button', { name: 'Delete service' })).toBeTruthy()
    expect(screen.getByText(/plan /)).toBeTruthy()
    await harness.visit('/services/no-such-service')
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: /Service not found/ })).toBeTruthy(),
    )
    expect(screen.getByRole('link', { name: 'All services' })).toBeTruthy()
  })
})
