import { fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { renderRoute, type RouteHarness } from '@/test/render-route'

let h: RouteHarness | undefined
afterEach(() => h?.close())

async function mgmtInstances(harness: RouteHarness): Promise<{ id: string; name: string }[]> {
  const { token, projectId } = await harness.cloud.login('admin', 'secret', 'admin')
  const res = await harness.cloud.json(
    'GET',
    `${harness.cloud.troveBase(projectId)}/mgmt/instances?deleted=false`,
    { token },
  )
  expect(res.status).toBe(200)
  return res.body.instances
}

describe('admin all-projects instances route', () => {
  it('holds 10,000 instances with only the visible rows in the DOM, and filters them', async () => {
    h = await renderRoute('/admin/instances', {
      user: 'admin',
      password: 'secret',
      cloud: { demoInstances: 10_000 },
    })
    const all = await mgmtInstances(h)
    expect(all.length).toBeGreaterThanOrEqual(10_000)
    const count = await screen.findByTestId('admin-instances-count', {}, { timeout: 20_000 })
    expect(count.textContent).toBe(`${all.length.toLocaleString()} instances`)
    const table = screen.getByRole('table', { name: 'Instances of all projects' })
    const rendered = within(table).getAllByRole('row').length
    expect(rendered).toBeGreaterThan(1)
    expect(rendered).toBeLessThan(100)

    const target = all.find((i) => i.name === 'demo-db-4242')
    expect(target).toBeDefined()
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter' }), {
      target: { value: 'demo-db-4242' },
    })
    expect(await within(table).findByRole('link', { name: 'demo-db-4242' })).toBeTruthy()
    expect(count.textContent).toBe(`1 of ${all.length.toLocaleString()} instances`)
    // One read of the list: the loader's, which the page shares (same options object).
    const reads = h.requests.filter((r) => /\/mgmt\/instances\?deleted=false$/.test(r.path))
    expect(reads).toHaveLength(1)
  }, 60_000)
})

describe('admin instance detail route', () => {
  it('shows an instance of another project by name', async () => {
    h = await renderRoute('/admin', { user: 'admin', password: 'secret' })
    const all = await mgmtInstances(h)
    const first = all[0]
    expect(first).toBeDefined()
    await h.visit(`/admin/instances/${first?.id ?? ''}`)
    expect(
      await screen.findByRole('heading', { name: first?.name, level: 1 }, { timeout: 5000 }),
    ).toBeTruthy()
    expect(screen.getByRole('group', { name: 'Admin actions' })).toBeTruthy()
  })

  it('shows the not-found view, with the way back, for an id the cloud does not have', async () => {
    const missing = '00000000-0000-4000-8000-000000000000'
    h = await renderRoute(`/admin/instances/${missing}`, { user: 'admin', password: 'secret' })
    expect(
      await screen.findByRole('heading', { name: /instance not found/i }, { timeout: 5000 }),
    ).toBeTruthy()
    expect(screen.getByRole('link', { name: 'All instances' })).toBeTruthy()
    expect(h.requests.some((r) => r.path.endsWith(`/mgmt/instances/${missing}`))).toBe(true)
  })
})
