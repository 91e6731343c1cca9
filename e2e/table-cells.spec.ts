import { expect, test } from '@playwright/test'
import { expectNoSeriousA11yViolations } from './support/axe'
import {
  apiCreateInstance,
  apiDeleteInstance,
  apiLogin,
  apiWaitStatus,
  login,
  uniqueName,
} from './support/cloud'

test('a cell cut short shows its whole text: its title under the pointer, the focused row by keyboard', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000)
  const s = await apiLogin(request, 'demo')
  const name = uniqueName('e2e-cells')
  const id = await apiCreateInstance(request, s, name)
  try {
    await apiWaitStatus(request, s, id)
    await page.setViewportSize({ width: 1024, height: 800 })
    await login(page, 'demo')
    await page.goto('/activity')
    await page.getByRole('searchbox', { name: 'Filter' }).fill(name)
    const table = page.getByRole('table', { name: 'Activity' })
    // The Outcome cell of the status change ("BUILD → ACTIVE after 9 s") is cut short here.
    const cell = table.getByRole('cell', { name: /^BUILD → ACTIVE/ }).first()
    await expect(cell).toBeVisible({ timeout: 30_000 })
    const cutShort = () => cell.evaluate((td) => td.scrollWidth > td.clientWidth)
    expect(await cutShort()).toBe(true)
    const text = (await cell.textContent())?.trim() ?? ''

    await cell.hover()
    await expect(cell).toHaveAttribute('title', text)

    // Keyboard: the rows take focus one at a time (arrows); the focused row's cells are whole.
    const rows = table.locator('tbody tr[data-index]')
    await rows.first().focus()
    await page.keyboard.press('Home')
    const row = rows.filter({ hasText: /BUILD → ACTIVE/ }).first()
    for (let i = 0; i < 10; i++) {
      if (await row.evaluate((tr) => tr === document.activeElement)) break
      await page.keyboard.press('ArrowDown')
    }
    await expect(row).toBeFocused()
    expect(await cutShort()).toBe(false)
    await expectNoSeriousA11yViolations(page, 'activity, a row focused with its cells whole')
  } finally {
    await apiDeleteInstance(request, s, id)
  }
})
