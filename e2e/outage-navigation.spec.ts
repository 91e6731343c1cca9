import { expect, test } from '@playwright/test'
import { E2E_PORT } from '../playwright.config'
import { expectNoSeriousA11yViolations } from './support/axe'
import { ownServer } from './support/own-server'
import { login } from './support/cloud'
import { REFERENCE_GAPS, onReference } from './support/target'

/**
 * Issue 16 point 6: with the server down, a quiet page (nothing polling) still shows the outage
 * banner (the /healthz heartbeat), and opening a section whose code was never loaded shows the
 * console's own outage view, not the browser's error page; when the server returns, the section
 * opens by itself within seconds, without a reload.
 */
test.describe('navigation during an outage', () => {
  test.skip(onReference, REFERENCE_GAPS.embeddedOnly)
  const port = E2E_PORT + 7
  test.use({ baseURL: `http://127.0.0.1:${port}` })
  const { start, stop } = ownServer(port, '1')
  test.afterEach(stop)

  test('a section not visited before shows the outage view and opens on recovery', async ({
    page,
  }) => {
    test.setTimeout(150_000)
    await start(false)
    await login(page, 'demo')
    await page.goto('/datastores')
    await expect(page.getByRole('heading', { level: 1, name: 'Datastores' })).toBeVisible()
    let loads = 0
    page.on('load', () => loads++)

    await stop()
    // Nothing on this page polls: the heartbeat notices (10 s of quiet, then a probe).
    const banner = page.getByTestId('connection-banner')
    await expect(banner).toBeVisible({ timeout: 20_000 })

    // A section whose code was never loaded (no hover first: that would preload it).
    await page.evaluate(() => {
      const a = [...document.querySelectorAll('a')].find(
        (l) => l.textContent?.trim() === 'Configuration groups',
      )
      a?.click()
    })
    await expect(
      page.getByRole('heading', { level: 1, name: 'The cloud could not be reached' }),
    ).toBeVisible()
    await expect(
      page.getByText('This page loads again by itself once the server answers'),
    ).toBeVisible()
    await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible()
    await expectNoSeriousA11yViolations(page, 'outage view')
    // Still the console, a while later: no reload to the browser's error page.
    await page.waitForTimeout(3_000)
    expect(loads).toBe(0)
    await expect(
      page.getByRole('heading', { level: 1, name: 'The cloud could not be reached' }),
    ).toBeVisible()

    await start(true)
    const back = Date.now()
    await expect(page.getByRole('heading', { level: 1, name: 'Configuration groups' })).toBeVisible(
      { timeout: 15_000 },
    )
    // Within 5 s of the server's return (the heartbeat probes every 2 s during an outage; the
    // margin is for this shared 2-core machine).
    expect(Date.now() - back).toBeLessThan(7_000)
    await expect(banner).toHaveCount(0)
    expect(loads).toBe(0)
  })
})
