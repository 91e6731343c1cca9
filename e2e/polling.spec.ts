import { expect, test, type Page } from '@playwright/test'
import { deleteAfterEach, login, uniqueName } from './support/cloud'
import { chooseVersion } from './support/launch'

/**
 * One change feed per scope: while an instance builds with the detail page, the task tray and
 * then the list open, the browser sends one feed request per interval (2 s in this build), reads
 * the instance by itself at most once (the detail's first load) and never re-reads the whole list
 * per interval.
 */

const FEED_MS = 2000

interface Read {
  path: string
  /** Browser time (performance.now) the request started. */
  at: number
}

/**
 * The browser's own record of its requests to the Trove API (Resource Timing): when each started
 * by the page's clock, so a busy test machine cannot blur the spacing of the reads.
 */
async function recordReads(page: Page): Promise<() => Promise<Read[]>> {
  await page.evaluate(() => performance.setResourceTimingBufferSize(100_000))
  return () =>
    page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) =>
          /\/instances(\/|$|\?)|^\/console-api\/v1\/feed$/.test(new URL(e.name).pathname),
        )
        .map((e) => ({
          // The feed's query tells its polls from its snapshots.
          path:
            new URL(e.name).pathname +
            (e.name.includes('/console-api/') ? new URL(e.name).search : ''),
          at: e.startTime,
        })),
    )
}

/** Instances this spec launched: deleted after each test (the suite shares demo's quota). */
const launched = deleteAfterEach()

async function launch(page: Page, name: string): Promise<string> {
  // In-app navigation: the document (and its record of requests) stays.
  await page.getByRole('link', { name: 'Launch instance' }).first().click()
  await expect(page).toHaveURL(/\/instances\/new/)
  await expect(
    page.getByRole('table', { name: 'Flavors' }).getByRole('radio').first(),
  ).toBeEnabled()
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name)
  await page.getByRole('radio', { name: /^mysql\b/ }).check()
  await chooseVersion(page, '5.7')
  await page.getByRole('table', { name: 'Flavors' }).getByRole('radio').first().check()
  await page.getByLabel('Volume size (GB)').fill('1')
  const created = page.waitForResponse(
    (r) => r.request().method() === 'POST' && /\/instances$/.test(new URL(r.url()).pathname),
  )
  await page.getByRole('button', { name: 'Launch instance' }).click()
  const res = await created
  expect(res.status()).toBe(200)
  const body = (await res.json()) as { instance: { id: string } }
  launched('demo', body.instance.id)
  return body.instance.id
}

function check(reads: Read[], id: string, from: number, to: number) {
  // From the launch.
  const own = reads.filter((r) => r.path.endsWith(`/instances/${id}`))
  const walks = reads.filter((r) => r.path.endsWith('/instances/detail') && r.at >= from)
  const feed = reads.filter(
    (r) =>
      r.path.startsWith('/console-api/v1/feed?') && !r.path.includes('snapshot=1') && r.at >= from,
  )
  console.log(
    `reads of the instance: ${own.length}, feed requests: ${feed.length} in ${Math.round(to - from)} ms, list reads: ${walks.length}`,
  )
  // The change feed followed it: one request per interval for the scope, never two within one,
  // and the instance itself is read at most by the detail page's first load.
  expect(feed.length).toBeGreaterThan(1)
  expect(feed.length).toBeLessThanOrEqual(Math.ceil((to - from) / FEED_MS) + 1)
  for (let n = 1; n < feed.length; n++) {
    expect(feed[n]!.at - feed[n - 1]!.at).toBeGreaterThanOrEqual(FEED_MS * 0.95)
  }
  expect(own.length).toBeLessThanOrEqual(1)
  // The list is read at most once (after the create), not once per interval.
  expect(walks.length).toBeLessThanOrEqual(1)
}

test('a build on the detail page with the task tray open: one feed request per interval', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await login(page, 'demo')
  const reads = await recordReads(page)
  const name = uniqueName('e2e-poll')
  const from = await page.evaluate(() => performance.now())
  const id = await launch(page, name)
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await page.getByRole('button', { name: /^Tasks/ }).click()
  await expect(page.getByRole('region', { name: 'Tasks' })).toContainText(`Launch ${name}`)
  const status = page.getByTestId('instance-status')
  await expect(status).toContainText('ACTIVE', { timeout: 30_000 })
  check(await reads(), id, from, await page.evaluate(() => performance.now()))
  // The tray settled from the same cache.
  await expect(page.getByRole('region', { name: 'Tasks' })).toContainText(`${name} is ACTIVE`)
})

test('a build followed from the list: one feed request per interval, no list walk per interval', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await login(page, 'demo')
  const reads = await recordReads(page)
  const name = uniqueName('e2e-poll-list')
  const from = await page.evaluate(() => performance.now())
  const id = await launch(page, name)
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await page.getByRole('link', { name: 'Instances' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Instances' })).toBeVisible()
  const row = page.getByRole('row').filter({ hasText: name })
  await expect(row).toContainText('ACTIVE', { timeout: 30_000 })
  check(await reads(), id, from, await page.evaluate(() => performance.now()))
})
