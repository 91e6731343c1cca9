import { screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { renderRoute, type RouteHarness } from '@/test/render-route'

let h: RouteHarness | undefined
afterEach(() => h?.close())

describe('backups list route', () => {
  it('renders the backups the cloud has, with their status', async () => {
    const harness = await renderRoute('/')
    h = harness
    const { cloud } = harness
    const { token, projectId } = await cloud.login('demo', 'demo', 'demo')
    const base = cloud.troveBase(projectId)
    const instances = await cloud.json('GET', `${base}/instances`, { token })
    const names = ['route-backup-a', 'route-backup-b']
    for (const name of names) {
      const res = await cloud.json('POST', `${base}/backups`, {
        token,
        body: { backup: { name, instance: instances.body.instances[0].id } },
      })
      expect(res.status).toBe(202)
      cloud.advance(600)
    }
    await harness.visit('/backups')
    await screen.findByRole('heading', { name: 'Backups', level: 1 })
    for (const name of names) {
      const cell = await screen.findByText(name, {}, { timeout: 5000 })
      const row = cell.closest('tr')
      expect(row).not.toBeNull()
      expect(within(row as HTMLElement).getByText(/completed/i)).toBeTruthy()
    }
  })
})
