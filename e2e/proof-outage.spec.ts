import { expect, test, type Page } from '@playwright/test'
import { E2E_PORT } from '../playwright.config'
import { expectNoSeriousA11yViolations } from './support/axe'
import { ownServer } from './support/own-server'
import { requestBarrier } from './support/request-barrier'
import { apiCreateInstance, apiLogin, login, uniqueName } from './support/cloud'
import { REFERENCE_GAPS, onReference } from './support/target'

/**
 * Issue 7, "Faults and bad input": the API is down for 15 s while the console is in use. The
 * console says so, keeps what it shows, retries reads with backoff, sends a change the user asks
 * for exactly once (and never again by itself), does not take the outage for an expired session,
 * and recovers by itself without a reload once the server is back on the same database file.
 */

const OUTAGE_MS = 15_000

interface Sent {
  at: number
  method: string
  path: string
}

/** Records every request a page starts (failed ones included: 'request' fires before sending). */
function recordRequests(page: Page): Sent[] {
  const sent: Sent[] = []
  page.on('request', (r) => {
    sent.push({ at: Date.now(), method: r.method(), path: new URL(r.url()).pathname })
  })
  return sent
}

/** Counts full page loads from now on (a reload or a navigation would fire 'load'). */
function countLoads(page: Page): () => number {
  let loads = 0
  page.on('load', () => loads++)
  return () => loads
}

test.describe('API outage of 15 s', () => {
  test.skip(onReference, REFERENCE_GAPS.embeddedOnly)
  const port = E2E_PORT + 6
  test.use({ baseURL: `http://127.0.0.1:${port}` })

  // Builds take 27 s here (speed 3), so the instance is still building when the API goes down.
  const { start, stop } = ownServer(port, '3')
  test.afterEach(stop)

  test('says so, retries reads with backoff, sends a change once, recovers without a reload', async ({
    browser,
    request,
  }) => {
    // About 50 s on an idle machine; the rest is headroom for a loaded CI runner.
    test.setTimeout(180_000)
    await start(false)
    const s = await apiLogin(request)
    const name = uniqueName('outage')

    // Two tabs of one signed-in browser: the instances list and the building instance's page.
    const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` })
    const list = await context.newPage()
    await login(list, 'demo')
    const id = await apiCreateInstance(request, s, name)
    const detailPath = `${s.trove()}/instances/${id}`
    await list.goto('/instances')
    const detail = await context.newPage()
    await detail.goto(`/instances/${id}`)

    const row = list.getByRole('link', { name, exact: true })
    await expect(row).toBeVisible()
    await expect(detail.getByRole('heading', { level: 1, name })).toBeVisible()
    const status = detail.getByTestId('instance-status')
    await expect(status).toContainText('BUILD') // transitional: the pages poll

    // The pages have settled: the late preloads (the dialogs' code, loaded 2 s after the first
    // paint once the browser is idle) are in, as for anyone who has looked at a page a moment.
    for (const p of [list, detail]) {
      await p.waitForTimeout(2_500)
      await p.waitForLoadState('networkidle')
    }
    const sentList = recordRequests(list)
    const sentDetail = recordRequests(detail)
    const loads = [countLoads(list), countLoads(detail)]
    for (const p of [list, detail])
      await p.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1))

    // ---- the API goes down
    await stop()
    const down = Date.now()

    // (1) A visible, announced message within a few seconds on both pages, watched at the same
    // time (checked one after the other, the second page's wait added the first one's checks);
    // what was shown stays.
    const shownAfter = await Promise.all(
      [list, detail].map(async (p) => {
        await expect(p.getByTestId('connection-banner')).toBeVisible({ timeout: 6_000 })
        return Date.now() - down
      }),
    )
    expect(Math.max(...shownAfter)).toBeLessThan(6_000)
    for (const p of [list, detail]) {
      const banner = p.getByTestId('connection-banner')
      await expect(banner).toContainText('The cloud cannot be reached.')
      await expect(banner).toContainText('Retrying automatically')
      await expect(p.getByRole('status').filter({ has: banner })).toHaveCount(1)
    }
    await expect(row).toBeVisible()
    await expect(detail.getByRole('heading', { level: 1, name })).toBeVisible()
    await expect(status).toContainText('BUILD')
    await expectNoSeriousA11yViolations(list, 'instances list during an outage')

    // (3) A change asked for during the outage fails with a clear message and is sent once.
    await detail.getByRole('button', { name: 'Rename', exact: true }).click()
    const dialog = detail.getByRole('dialog', { name: `Rename ${name}`, exact: true })
    await dialog.getByRole('textbox', { name: 'New name', exact: true }).fill(`${name}-renamed`)
    await dialog.getByRole('button', { name: 'Rename', exact: true }).click()
    await expect(dialog.getByRole('alert')).toContainText('The cloud could not be reached')
    await expect(dialog.getByRole('alert')).toContainText('sends a change again only when you ask')
    await expectNoSeriousA11yViolations(detail, 'rename refused during an outage')
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click()
    await expect(dialog).toHaveCount(0)
    const renames = () =>
      sentDetail.filter((r) => r.method !== 'GET' && r.path === detailPath).length
    expect(renames()).toBe(1)

    // A network failure is not an expired session: no re-login dialog.
    for (const p of [list, detail]) {
      await expect(p.getByRole('dialog')).toHaveCount(0)
      await expect(p.getByRole('heading', { name: 'Your session has expired' })).toHaveCount(0)
    }

    // The outage lasts until the detail tab has backed off to its long retry gap (reads 1, 2, 4
    // then 8 s apart: about 8-15 s), so the backoff below is seen whatever the machine's load.
    const detailGaps = () => {
      const at = sentDetail
        .filter((r) => r.at >= down && r.method === 'GET' && r.path === detailPath)
        .map((r) => r.at)
      return at.slice(1).map((t, i) => t - (at[i] ?? t))
    }
    await expect
      .poll(() => Math.max(0, ...detailGaps()), { timeout: OUTAGE_MS + 15_000, intervals: [250] })
      .toBeGreaterThanOrEqual(3_500)
    const up = Date.now()

    // (2) Reads were retried with backoff: the building instance's own reads come further and
    // further apart, and neither tab ran a tight loop.
    const during = (sent: Sent[]) => sent.filter((r) => r.at >= down && r.at < up)
    const detailReads = during(sentDetail)
      .filter((r) => r.method === 'GET' && r.path === detailPath)
      .map((r) => r.at)
    const gaps = detailReads.slice(1).map((t, i) => t - (detailReads[i] ?? t))
    expect(detailReads.length, `detail reads at ${JSON.stringify(gaps)}`).toBeGreaterThanOrEqual(3)
    // Never shrinking back (up to timer jitter), and growing: 1 s, 2 s, 4 s, then 8 s apart. The
    // first gap can stretch on a loaded machine (seen: 1.4 s), so growth is asked as at least 2x.
    for (let i = 1; i < gaps.length; i++)
      expect(gaps[i], `gaps ${JSON.stringify(gaps)}`).toBeGreaterThan((gaps[i - 1] ?? 0) * 0.8)
    expect(Math.max(...gaps), `gaps ${JSON.stringify(gaps)}`).toBeGreaterThanOrEqual(
      2 * (gaps[0] ?? 0),
    )
    expect(Math.max(...gaps)).toBeGreaterThanOrEqual(3_500)
    for (const sent of [sentList, sentDetail]) {
      // API reads only: the outage heartbeat (`/healthz`, one small probe every 2 s while the
      // server is away) and static chunks are not reads of the cloud's data.
      const reads = during(sent).filter(
        (r) => r.method === 'GET' && r.path !== '/healthz' && !r.path.startsWith('/assets/'),
      )
      // A tight loop would be several reads a second per query; backoff is a few in all. The
      // outage lasts longer when the test itself runs slowly (load): allow one more a second.
      const allowed = Math.max(20, 10 + Math.ceil((up - down) / 1000))
      expect(reads.length, JSON.stringify(reads)).toBeLessThanOrEqual(allowed)
    }
    await expect(list.getByTestId('connection-banner')).toBeVisible()

    // ---- the API comes back on the same database file
    await start(true)

    // (4) The message goes, the data updates by itself: the build finishes on both tabs.
    for (const p of [list, detail])
      await expect(p.getByTestId('connection-banner')).toHaveCount(0, { timeout: 30_000 })
    await expect(status).toContainText('ACTIVE', { timeout: 30_000 })
    const listRow = list.getByRole('row').filter({ has: row })
    await expect(listRow).toContainText('ACTIVE', { timeout: 30_000 })

    // No reload, no navigation, no re-login; the change was not sent again by itself.
    for (const p of [list, detail]) {
      expect(await p.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1)
      await expect(p.getByRole('dialog')).toHaveCount(0)
    }
    expect(loads.map((n) => n())).toEqual([0, 0])
    // Mutations never retry or resume by themselves (query-client: retry false); every request
    // the tab started before this barrier has been recorded, so a re-sent change would show.
    await requestBarrier(detail)
    expect(renames()).toBe(1)
    await expect(detail.getByRole('heading', { level: 1, name })).toBeVisible()
    const after = await request.get(detailPath, { headers: { 'X-Auth-Token': s.token } })
    expect(after.status()).toBe(200)
    expect(((await after.json()) as { instance: { name: string } }).instance.name).toBe(name)
    await context.close()
  })
})
