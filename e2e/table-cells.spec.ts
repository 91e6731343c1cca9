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
  // Long enough to be cut short in the Resource column too.
  const name = uniqueName('e2e-cells-reporting-warehouse-primary')
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

    // Every cell of the row is one line the table cuts short with an ellipsis: its content is
    // inline (a block inside, such as the Resource cell's kind over its name, was clipped without
    // one) and the ellipsis is the table's (`text-overflow` of the cell).
    const entry = table
      .locator('tbody tr[data-index]')
      .filter({ hasText: /BUILD → ACTIVE/ })
      .first()
    const cells = await entry.locator('td').evaluateAll((tds) =>
      // The row's actions menu (a button) is not a column of text.
      tds
        .filter((td) => !td.querySelector('button'))
        .map((td) => ({
          text: td.textContent?.trim() ?? '',
          ellipsis: getComputedStyle(td).textOverflow === 'ellipsis',
          blocks: [...td.children]
            .map((c) => getComputedStyle(c).display)
            .filter((d) => !d.startsWith('inline') && d !== 'contents'),
        })),
    )
    expect(cells.filter((c) => !c.ellipsis || c.blocks.length > 0)).toEqual([])
    const resource = table.getByRole('cell', { name: new RegExp(`^instance ${name}$`) }).first()
    expect(await resource.evaluate((td) => td.scrollWidth > td.clientWidth)).toBe(true)
    await resource.hover()
    await expect(resource).toHaveAttribute('title', `instance ${name}`)

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
