import { readFile } from 'node:fs/promises'
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
import { REFERENCE_GAPS, onReference } from './support/target'

test('guest log viewer: search the whole log, jump to the first match, download, follow and pause', async ({
  page,
  request,
}) => {
  test.skip(onReference, REFERENCE_GAPS.noGuestLogs)
  test.setTimeout(120_000)
  const s = await apiLogin(request, 'demo')
  const name = uniqueName('e2e-logview')
  const id = await apiCreateInstance(request, s, name)
  try {
    await apiWaitStatus(request, s, id)
    // A restart writes a shutdown and a second "ready for connections" into the error log.
    const restart = await request.post(`${s.trove()}/instances/${id}/action`, {
      headers: { 'X-Auth-Token': s.token },
      data: { restart: {} },
    })
    expect(restart.status()).toBe(202)
    await apiWaitStatus(request, s, id)

    await login(page, 'demo')
    await page.goto(`/instances/${id}/logs`)
    await page.getByRole('button', { name: 'Publish error', exact: true }).click()
    await page.getByRole('button', { name: 'View error', exact: true }).click()
    const contents = page.getByRole('region', { name: 'Contents of the error log' })
    await expect(contents).toContainText('starting as process 1')
    const status = page.getByTestId('log-search-status')
    await expect(status).toContainText(/\d+ lines published/)

    // The search covers every line of the published log (the match is far below the first screen).
    const search = page.getByRole('searchbox', { name: 'Search the whole log' })
    await search.fill('ready for CONNECTIONS')
    await expect(status).toContainText(/^2 matches on 2 of \d+ lines/)
    await expect(contents.locator('mark')).toHaveCount(2)
    await search.fill('Shutdown complete')
    await expect(status).toContainText(/^1 match on 1 of \d+ lines/)
    await page.getByRole('button', { name: 'Jump to first match' }).click()
    const current = contents.locator('[aria-current="true"]')
    await expect(current).toContainText('Shutdown complete')
    await expect(current).toBeFocused()
    await expect(current).toBeInViewport()
    await search.fill('no such text anywhere')
    await expect(status).toContainText(/^0 matches/)
    await expect(page.getByRole('button', { name: 'Jump to first match' })).toBeDisabled()
    await expectNoSeriousA11yViolations(page, 'log viewer with a search')

    // Download: the whole published log as a file named after the instance and the log.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download', exact: true }).click(),
    ])
    expect(download.suggestedFilename()).toBe(`${name}-error.log`)
    const file = await readFile((await download.path()) ?? '', 'utf8')
    expect(file).toContain('Shutdown complete')
    expect(file.match(/ready for connections/g)).toHaveLength(2)

    // Follow publishes and reads again every few seconds; Pause stops it.
    let publishes = 0
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname.endsWith(`/instances/${id}/log`))
        publishes++
    })
    const follow = page.getByRole('button', { name: 'Follow', exact: true })
    await follow.click()
    const pause = page.getByRole('button', { name: 'Pause', exact: true })
    await expect(pause).toHaveAttribute('aria-pressed', 'true')
    await expect(status).toContainText('following: published and read every 5 s')
    await expect.poll(() => publishes, { timeout: 15_000 }).toBeGreaterThanOrEqual(2)
    await pause.click()
    await expect(follow).toHaveAttribute('aria-pressed', 'false')
    const after = publishes
    await page.waitForTimeout(6_000)
    expect(publishes).toBe(after)
  } finally {
    await apiDeleteInstance(request, s, id)
  }
})
