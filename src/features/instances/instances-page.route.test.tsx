import { screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { renderRoute, type RouteHarness } from '@/test/render-route'

let h: RouteHarness | undefined
afterEach(() => h?.close())

describe('instances list route', () => {
  it('renders a row for each instance the cloud has', async () => {
    h = await renderRoute('/instances')
    const { token, projectId } = await h.cloud.login('demo', 'demo', 'demo')
    const res = await h.cloud.json('GET', `${h.cloud.troveBase(projectId)}/instances`, { token })
    const names: string[] = res.body.instances.map((i: { name: string }) => i.name)
    expect(names.length).toBeGreaterThan(0)
    const table = await screen.findByRole('table', {}, { timeout: 5000 })
    for (const name of names) expect(await within(table).findByText(name)).toBeTruthy()
  })
})
