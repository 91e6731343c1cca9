import { fireEvent, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { renderRoute, type RouteHarness } from '@/test/render-route'

let h: RouteHarness | undefined
afterEach(() => h?.close())

describe('create configuration group route', () => {
  it('opens from the list with the first datastore and its default version’s parameters', async () => {
    h = await renderRoute('/configurations')
    const create = await screen.findByRole('link', { name: 'Create group' })
    fireEvent.click(create)
    await screen.findByRole('heading', { name: 'Create configuration group', level: 1 })
    const ds = await screen.findByRole('combobox', { name: /^Datastore/ })
    expect((ds as HTMLSelectElement).value).toBe('mysql')
    expect(await screen.findByRole('searchbox', { name: 'Find a parameter to set' })).toBeTruthy()
  }, 30_000)
})
