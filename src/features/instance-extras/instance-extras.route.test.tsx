import { screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { renderRoute, type RouteHarness } from '@/test/render-route'

let h: RouteHarness | undefined
afterEach(() => h?.close())

async function firstInstance(harness: RouteHarness) {
  const { token, projectId } = await harness.cloud.login('demo', 'demo', 'demo')
  const base = harness.cloud.troveBase(projectId)
  const list = await harness.cloud.json('GET', `${base}/instances`, { token })
  const instance: { id: string; name: string } = list.body.instances[0]
  return { instance, token, base }
}

describe('instance logs and replication routes', () => {
  it('lists the guest logs the cloud reports, sorted as the URL asks', async () => {
    const harness = await renderRoute('/')
    h = harness
    const { token, projectId } = await harness.cloud.login('demo', 'demo', 'demo')
    const base = harness.cloud.troveBase(projectId)
    const list = await harness.cloud.json('GET', `${base}/instances`, { token })
    // The instance with the most logs (a MySQL one has several).
    let instance: { id: string } | undefined
    let names: string[] = []
    for (const i of list.body.instances as { id: string }[]) {
      const res = await harness.cloud.json('GET', `${base}/instances/${i.id}/log`, { token })
      const these: string[] = (res.body.logs ?? []).map((l: { name: string }) => l.name)
      if (these.length > names.length) [instance, names] = [i, these]
    }
    if (!instance) throw new Error('no instance with guest logs')
    expect(names.length).toBeGreaterThan(1)
    await harness.visit(`/instances/${instance.id}/logs?sort=name&dir=desc`)
    const table = await screen.findByRole('table', { name: 'Guest logs' }, { timeout: 5000 })
    await within(table).findByText(names[0] ?? '')
    const shown = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => within(r).getAllByRole('cell')[0]?.textContent)
    expect(shown).toEqual([...names].sort((a, b) => b.localeCompare(a)))
  })

  it('shows a replica of the instance in the replicas table', async () => {
    const harness = await renderRoute('/')
    h = harness
    const { instance, token, base } = await firstInstance(harness)
    const created = await harness.cloud.json('POST', `${base}/instances`, {
      token,
      body: { instance: { name: 'route-replica', replica_of: instance.id } },
    })
    expect(created.status).toBe(200)
    // The list was read before the replica existed; the poller would refresh it in time.
    await harness.queryClient.invalidateQueries()
    await harness.visit(`/instances/${instance.id}/replication`)
    const table = await screen.findByRole(
      'table',
      { name: `Replicas of ${instance.name}` },
      { timeout: 5000 },
    )
    const row = (await within(table).findByText('route-replica')).closest('tr') as HTMLElement
    expect(within(row).getByTestId('instance-status').textContent).toMatch(/BUILD|ACTIVE/)
    expect(screen.getByRole('group', { name: 'Replica source' }).textContent).toContain(
      `${instance.name} (this instance)`,
    )
  })
})
