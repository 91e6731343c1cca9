import { fireEvent, screen, waitFor, within } from '@testing-library/react'
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

  it('says the list is live while the change feed keeps it current, also after a Refresh', async () => {
    h = await renderRoute('/instances')
    const harness = h
    await screen.findByRole('table', {}, { timeout: 5000 })
    const label = await screen.findByTestId('instances-read-ago')
    // Not "Read 3 min ago" (which reads as stale) while the feed brings every change.
    await waitFor(() => expect(label.textContent).toBe('Live'), { timeout: 5000 })
    // The whole list comes from Trove's pages, or in one answer from the console server's
    // watcher snapshot (the change feed) when it holds every row.
    const listReads = () =>
      harness.requests.filter(
        (r) =>
          r.path.split('?')[0]?.endsWith('/instances/detail') ||
          (r.path.startsWith('/console-api/v1/feed') && r.path.includes('snapshot=1')),
      ).length
    const before = listReads()
    fireEvent.click(screen.getByRole('button', { name: 'Refresh instances' }))
    await waitFor(() => expect(listReads()).toBeGreaterThan(before))
    await waitFor(() => expect(label.textContent).toBe('Live'))
  })

  it('a bulk dialog, not loaded with the page, loads and opens when the action is chosen', async () => {
    h = await renderRoute('/instances')
    const table = await screen.findByRole('table', {}, { timeout: 5000 })
    expect(screen.queryByRole('alertdialog')).toBeNull()
    const [first] = within(table).getAllByRole('checkbox', { name: /^Select (?!all)/ })
    if (!first) throw new Error('no row checkbox')
    fireEvent.click(first)
    const selection = await screen.findByRole('region', { name: 'Selection' })
    fireEvent.click(within(selection).getByRole('button', { name: 'Restart' }))
    const dialog = await screen.findByRole('alertdialog', {}, { timeout: 5000 })
    expect(within(dialog).getByRole('heading').textContent).toBe('Restart 1 instance?')
  })
})
