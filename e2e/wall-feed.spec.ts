import { expect, test, type Page } from '@playwright/test'
import {
  apiAppCredential,
  apiCreateInstance,
  apiDeleteInstance,
  apiLogin,
  deleteAfterEach,
  giveWallCredential,
  uniqueName,
} from './support/cloud'
import { REFERENCE_GAPS, onReference } from './support/target'

test.use({ viewport: { width: 1920, height: 1080 } })

/**
 * Issue 16 point 5: the wall reads the change feed. Once it shows its first picture, an instance
 * created and deleted through the API reaches the wall through feed requests alone: no list of
 * instances or backups is read again (neither the project's nor the admin's /mgmt list).
 */

/** Instances this spec launched: deleted after each test (the suite shares demo's quota). */
const launched = deleteAfterEach()

const tile = (page: Page, name: string) =>
  page.getByTestId('wall-tile').filter({ has: page.getByText(name, { exact: true }) })

/** Every request the page sends to the cloud's lists or to the feed, in order, with its time. */
function recordRequests(page: Page) {
  const seen: { at: number; path: string; query: string }[] = []
  page.on('request', (r) => {
    const url = new URL(r.url())
    seen.push({ at: Date.now(), path: url.pathname, query: url.search })
  })
  return seen
}

const isListRead = (path: string) =>
  /\/instances\/detail$|\/mgmt\/instances$|\/backups$|\/instances$/.test(path)

for (const who of ['demo', 'admin'] as const) {
  test(`${who}'s wall follows a create and a delete through the feed, without a list read`, async ({
    page,
    request,
  }) => {
    test.skip(onReference && who === 'admin', REFERENCE_GAPS.embeddedOnly)
    test.setTimeout(120_000)
    const cred = await apiAppCredential(request, who)
    await giveWallCredential(page, cred)
    const seen = recordRequests(page)
    await page.goto('/wall?refresh=2')
    await expect(page.getByTestId('wall')).toHaveAttribute('data-auth', 'ready')
    await expect(page.getByTestId('wall-scope')).toContainText(
      who === 'admin' ? 'All projects' : 'Project demo',
    )
    // The first picture is in (from the watcher's snapshot; a region whose watcher was cold is
    // read from its lists, then from one snapshot once the watcher holds it), and the wall reads
    // deltas from its cursor in every region.
    await expect
      .poll(
        () => {
          const feed = seen.filter((r) => r.path === '/console-api/v1/feed')
          let last = -1
          feed.forEach((r, i) => {
            if (!r.query.includes('cursor=')) last = i
          })
          return feed.length - (last + 1)
        },
        { timeout: 30_000 },
      )
      .toBeGreaterThanOrEqual(4)

    const from = Date.now()
    const s = await apiLogin(request, 'demo')
    // It ends in ERROR: error tiles are always on screen (healthy ones may collapse into counts).
    const name = `${uniqueName(`wallfeed-${who}`)}-GUEST_ERROR`
    const id = await apiCreateInstance(request, s, name)
    launched('demo', id)
    await expect(tile(page, name)).toHaveAttribute('data-health', 'error', { timeout: 30_000 })
    await apiDeleteInstance(request, s, id)
    await expect(tile(page, name)).toHaveCount(0, { timeout: 20_000 })
    await expect(page.getByTestId('wall-ticker')).toContainText(name)
    const to = Date.now()

    const after = seen.filter((r) => r.at >= from && r.at <= to)
    const feed = after.filter((r) => r.path === '/console-api/v1/feed')
    const lists = after.filter((r) => isListRead(r.path))
    console.log(
      `${who}: ${feed.length} feed requests, ${lists.length} list reads in ${to - from} ms`,
    )
    expect(feed.length).toBeGreaterThan(0)
    // Every one a delta from the wall's cursor (no snapshot, no new picture).
    for (const r of feed) expect(r.query).toContain('cursor=')
    expect(feed.filter((r) => r.query.includes('snapshot=1'))).toHaveLength(0)
    if (who === 'admin') for (const r of feed) expect(r.query).toContain('allProjects=1')
    expect(lists, lists.map((r) => r.path).join(', ')).toHaveLength(0)
  })
}
