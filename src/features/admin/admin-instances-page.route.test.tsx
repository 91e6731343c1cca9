import { fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { MGMT_PAGE_SIZE } from '@/api/mgmt/queries'
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
  it('reads 10,000 instances a page at a time from the server, virtualised, and filters them', async () => {
    h = await renderRoute('/admin/instances', {
      user: 'admin',
      password: 'secret',
      cloud: { demoInstances: 10_000 },
    })
    const all = await mgmtInstances(h)
    expect(all.length).toBeGreaterThanOrEqual(10_000)
    const count = await screen.findByTestId('admin-instances-count', {}, { timeout: 20_000 })
    expect(count.textContent).toBe(
      `${MGMT_PAGE_SIZE.toLocaleString()} instances read so far (newest first); more on the server`,
    )
    const table = screen.getByRole('table', { name: 'Instances of all projects' })
    const rendered = within(table).getAllByRole('row').length
    expect(rendered).toBeGreaterThan(1)
    expect(rendered).toBeLessThan(100)
    // The server's first page is its newest instances, in the unpaged list's order.
    const target = all[MGMT_PAGE_SIZE - 1]
    expect(target).toBeDefined()
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter' }), {
      target: { value: target?.id ?? '' },
    })
    expect(await within(table).findByRole('link', { name: target?.name })).toBeTruthy()
    // One read of one page: the loader's, which the page shares (same options object).
    const pageReads = () =>
      h?.requests.filter((r) => /\/mgmt\/instances\?deleted=false&limit=\d+/.test(r.path)) ?? []
    expect(pageReads()).toHaveLength(1)
    expect(h.requests.some((r) => /\/mgmt\/instances\?deleted=false$/.test(r.path))).toBe(false)

    fireEvent.click(screen.getByRole('button', { name: `Read ${MGMT_PAGE_SIZE} more` }))
    await screen.findByText(
      `1 of ${(2 * MGMT_PAGE_SIZE).toLocaleString()} instances read so far (newest first); more on the server`,
      {},
      { timeout: 10_000 },
    )
    expect(pageReads()).toHaveLength(2)
    expect(pageReads()[1]?.path).toContain(`marker=${all[MGMT_PAGE_SIZE - 1]?.id ?? ''}`)
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
