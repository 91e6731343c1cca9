import { screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { renderRoute, type RouteHarness } from '@/test/render-route'

let h: RouteHarness | undefined
afterEach(() => h?.close())

describe('instance detail route', () => {
  it('shows the not-found view for an id the cloud does not have', async () => {
    const missing = '00000000-0000-4000-8000-000000000000'
    const harness = await renderRoute(`/instances/${missing}`)
    h = harness
    expect(
      await screen.findByRole('heading', { name: /instance not found/i }, { timeout: 5000 }),
    ).toBeTruthy()
    // The shared error view names where it looked and leads back to the list.
    expect(
      screen.getByRole('heading', { name: /^Instance not found in project .+, region RegionOne$/ }),
    ).toBeTruthy()
    expect(screen.getByRole('link', { name: 'All instances' }).getAttribute('href')).toMatch(
      /^\/instances/,
    )
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull()
    // The cloud was asked and said 404; the page did not invent the answer.
    const asked = harness.requests.filter((r) => r.path.endsWith(`/instances/${missing}`))
    expect(asked.length).toBeGreaterThan(0)
    const { token, projectId } = await harness.cloud.login('demo', 'demo', 'demo')
    const res = await harness.cloud.json(
      'GET',
      `${harness.cloud.troveBase(projectId)}/instances/${missing}`,
      { token },
    )
    expect(res.status).toBe(404)
  })

  it('shows an existing instance by name', async () => {
    const harness = await renderRoute('/instances')
    h = harness
    const { token, projectId } = await harness.cloud.login('demo', 'demo', 'demo')
    const list = await harness.cloud.json(
      'GET',
      `${harness.cloud.troveBase(projectId)}/instances`,
      {
        token,
      },
    )
    const first: { id: string; name: string } = list.body.instances[0]
    await harness.visit(`/instances/${first.id}`)
    expect(await screen.findByRole('heading', { name: first.name, level: 1 })).toBeTruthy()
    expect(screen.queryByRole('heading', { name: /instance not found/i })).toBeNull()
    // Kept current by the change feed: "Live", never "Read 3 min ago" for a settled instance.
    const freshness = screen.getByTestId('instance-freshness')
    await waitFor(() => expect(freshness.textContent).toBe('Live'), { timeout: 5000 })
  })
})
