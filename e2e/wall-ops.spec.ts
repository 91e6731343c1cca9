import { expect, test } from '@playwright/test'
import { E2E_PORT } from '../playwright.config'
import { expectNoSeriousA11yViolations } from './support/axe'
import { ownServer } from './support/own-server'
import { apiCreateInstance, apiLogin, login, uniqueName } from './support/cloud'
import { REFERENCE_GAPS, onReference } from './support/target'

/**
 * Issue 16 point 4: the wall puts exceptions first at any scale. 3,000 healthy instances and one
 * in ERROR: the error tile is on screen and stays there (the healthy ones are counts, no page
 * turns), the wall says when it last read and when it reads next, a stale wall dims its tiles
 * and stops their ages, a split wall names its screen, and an admin opens the all-projects wall
 * from the header.
 */
test.describe('wall: exceptions first', () => {
  test.skip(onReference, REFERENCE_GAPS.embeddedOnly)
  const port = E2E_PORT + 8
  test.use({ baseURL: `http://127.0.0.1:${port}`, viewport: { width: 1920, height: 1080 } })
  const { start, stop } = ownServer(port, '1', ['--demo-instances', '3000'])
  test.afterEach(stop)

  test('the one error of 3,000 stays on screen; updated time, countdown, stale, screens', async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000)
    await start(false)
    const s = await apiLogin(request, 'demo')
    const broken = `${uniqueName('wall')}-GUEST_ERROR`
    await apiCreateInstance(request, s, broken)

    await login(page, 'admin')
    // The header offers an admin the wall of every project (no project filter in its link).
    const allWall = page.getByRole('link', { name: 'All-projects wall' })
    await expect(allWall).toHaveAttribute('href', '/wall')
    await page.goto('/wall?refresh=4&page=3')
    await expect(page.getByTestId('wall-scope')).toContainText('All projects', { timeout: 90_000 })
    const error = page
      .getByTestId('wall-tile')
      .filter({ has: page.getByText(broken, { exact: true }) })
    await expect(error).toHaveAttribute('data-health', 'error', { timeout: 60_000 })
    await expect(page.getByTestId('wall-collapsed')).toContainText('not shown as tiles')
    await expect(page.getByTestId('wall-collapsed')).toContainText(/3,0\d\d/)
    // Nothing turns: the error is on the only page, for good (checked across page periods).
    await expect(page.getByTestId('wall-page')).toHaveCount(0)
    for (let i = 0; i < 3; i++) {
      await page.waitForTimeout(2_000)
      await expect(error).toBeVisible()
    }
    await expect(page.getByTestId('wall-updated')).toContainText(
      /Updated \d\d:\d\d:\d\d · next in \d+ s/,
    )
    await expectNoSeriousA11yViolations(page, 'wall, exceptions first')

    // Three displays, one wall: this is the second.
    await page.goto('/wall?refresh=4&screen=2/3')
    await expect(page.getByTestId('wall-screen')).toHaveText('Screen 2 of 3')

    // Stale: the server stops; the tiles dim and the error's age stops counting.
    await page.goto('/wall?refresh=2')
    await expect(error).toBeVisible({ timeout: 60_000 })
    await stop()
    await expect(page.getByTestId('wall-grid')).toHaveAttribute('data-stale', 'true', {
      timeout: 30_000,
    })
    await expect(page.getByTestId('wall-updated')).toContainText('retrying')
    const age = await error.innerText()
    await page.waitForTimeout(2_500)
    expect(await error.innerText()).toBe(age)
    await expectNoSeriousA11yViolations(page, 'wall, stale')
  })
})
