import { expect, test, type Page } from '@playwright/test'
import { E2E_PORT, SHORT_TOKEN_PORT } from '../playwright.config'
import { expectNoSeriousA11yViolations } from './support/axe'
import { ownServer } from './support/own-server'
import {
  apiAppCredential,
  apiCreateInstance,
  apiLogin,
  deleteAfterEach,
  giveWallCredential,
  login,
  uniqueName,
} from './support/cloud'
import { REFERENCE_GAPS, onReference } from './support/target'

const tile = (page: Page, name: string) =>
  page.getByTestId('wall-tile').filter({ has: page.getByText(name, { exact: true }) })

/** Instances this spec creates: deleted after each test (a reused cloud keeps them). */
const created = deleteAfterEach()

test.describe('status wall on the main cloud', () => {
  test.use({ viewport: { width: 1920, height: 1080 } })

  test('tiles show ACTIVE, BUILD with its elapsed time and ERROR with its fault', async ({
    page,
    request,
  }) => {
    const s = await apiLogin(request)
    const building = uniqueName('wall-build')
    const broken = `${uniqueName('wall')}-GUEST_ERROR`
    // A wall can run on a normal console sign-in too.
    await login(page, 'demo')
    await page.goto('/wall?refresh=2')
    await expect(page.getByRole('heading', { level: 1, name: 'Status wall' })).toBeVisible()
    await expect(page.getByTestId('wall-total')).toBeVisible()
    created('demo', await apiCreateInstance(request, s, building))
    created('demo', await apiCreateInstance(request, s, broken))
    await expect(page.getByTestId('wall-scope')).toContainText('Project demo')
    // Every region of the catalog (the reference cloud has only RegionOne).
    await expect(page.getByTestId('wall-scope')).toContainText(
      onReference ? 'RegionOne' : 'RegionOne, RegionTwo',
    )

    const b = tile(page, building)
    await expect(b).toHaveAttribute('data-health', 'busy')
    await expect(b).toContainText('Building')
    await expect(b).toContainText(/for \d+s/)
    await expect(b).toContainText('mysql 5.7 · RegionOne · demo')

    const e = tile(page, broken)
    await expect(e).toHaveAttribute('data-health', 'error', { timeout: 30_000 })
    await expect(e).toContainText('Error')
    await expect(e).toContainText(/\d+s ago/)
    await expect(e.getByTitle(/./).last()).toBeVisible()

    // The build finishes: the tile turns healthy and the ticker says so.
    await expect(b).toHaveAttribute('data-health', 'ok', { timeout: 30_000 })
    await expect(b).toContainText('Healthy')
    await expect(page.getByTestId('wall-ticker')).toContainText(`${building}: BUILD`)
    await expect(page.getByTestId('wall-count-error')).toContainText(/[1-9]\d* Error/)
    await expect(
      page.getByTestId('wall-grid').getByRole('listitem').filter({ hasText: building }),
    ).toHaveCount(1)
    // No login UI, no console shell on the wall.
    await expect(page.getByRole('navigation')).toHaveCount(0)
    await expectNoSeriousA11yViolations(page, 'wall')
  })

  test('the link configures the wall: status filter and grouping', async ({ page, request }) => {
    const s = await apiLogin(request)
    const broken = `${uniqueName('wallf')}-GUEST_ERROR`
    const fine = uniqueName('wallf-ok')
    created('demo', await apiCreateInstance(request, s, broken))
    created('demo', await apiCreateInstance(request, s, fine))
    const cred = await apiAppCredential(request)
    await giveWallCredential(page, cred)

    await page.goto('/wall?status=ERROR&refresh=2')
    await expect(page.getByTestId('wall-scope')).toContainText('Status ERROR')
    await expect(tile(page, broken)).toBeVisible({ timeout: 30_000 })
    const tiles = page.getByTestId('wall-tile')
    const healths = await tiles.evaluateAll((els) => els.map((e) => e.getAttribute('data-health')))
    expect(healths.length).toBeGreaterThan(0)
    expect(new Set(healths)).toEqual(new Set(['error']))
    await expect(tile(page, fine)).toHaveCount(0)

    await page.goto('/wall?group=status&region=RegionOne&datastore=mysql&refresh=2')
    await expect(page.getByRole('heading', { level: 2, name: /^Error/ })).toBeVisible()
    // Healthy tiles form their group, or (when the screen has no room left after the
    // exceptions) collapse into a count.
    await expect(
      page
        .getByRole('heading', { level: 2, name: /^Healthy/ })
        .or(
          page
            .getByTestId('wall-collapsed')
            .getByText(/[\d,]+ Healthy: healthy or working, not shown as tiles/),
        ),
    ).toBeVisible({ timeout: 30_000 })
    await expect(page.getByRole('list', { name: 'Error' })).toContainText(broken)
    await expectNoSeriousA11yViolations(page, 'wall grouped')

    await page.goto('/wall?setup=true')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Set up this status wall' }),
    ).toBeVisible()
    await expect(page.getByText(/local storage, for this wall only/)).toBeVisible()
    await expectNoSeriousA11yViolations(page, 'wall setup')
  })
})

test.describe('status wall with 10-second tokens', () => {
  test.skip(onReference, REFERENCE_GAPS.shortTokens)
  test.use({ baseURL: `http://127.0.0.1:${SHORT_TOKEN_PORT}` })

  test('renews its token by itself and keeps updating past 25 s', async ({ page, request }) => {
    test.setTimeout(90_000)
    const cred = await apiAppCredential(request)
    await giveWallCredential(page, cred)
    const tokenPosts: number[] = []
    const t0 = Date.now()
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/v3/auth/tokens')
        tokenPosts.push(Date.now() - t0)
    })
    await page.goto('/wall?refresh=2')
    await expect(page.getByTestId('wall')).toHaveAttribute('data-auth', 'ready')
    await expect(page.getByTestId('wall-total')).toBeVisible()

    // Two and a half token lifetimes: the first sign-in and three renewals (every ~8 s).
    await expect
      .poll(() => tokenPosts.length, { timeout: 45_000, intervals: [500] })
      .toBeGreaterThanOrEqual(4)
    const late = uniqueName('wall-late')
    await apiCreateInstance(request, await apiLogin(request), late)
    await expect(tile(page, late)).toBeVisible({ timeout: 15_000 })

    await expect(page.getByTestId('wall-stale')).toHaveCount(0)
    await expect(page.getByTestId('wall')).toHaveAttribute('data-auth', 'ready')
    await expect(page.getByRole('dialog')).toHaveCount(0)
    await expect(page).toHaveURL(/\/wall/)
    // First sign-in, then one renewal about every 8 s (80 % of 10 s).
    expect(tokenPosts.length).toBeGreaterThanOrEqual(4)
  })

  test('a deleted credential shows "credential rejected", not a login', async ({ page }) => {
    await giveWallCredential(page, { id: 'no-such-credential', secret: 'x' })
    await page.goto('/wall')
    await expect(page.getByTestId('wall-rejected')).toContainText('Credential rejected')
    await expect(page.getByRole('dialog')).toHaveCount(0)
  })
})

test.describe('stale mode', () => {
  test.skip(onReference, REFERENCE_GAPS.embeddedOnly)
  const port = E2E_PORT + 5
  test.use({ baseURL: `http://127.0.0.1:${port}`, viewport: { width: 1920, height: 1080 } })

  const { start, stop } = ownServer(port, '0.4')
  test.afterEach(stop)

  test('keeps the last picture while the API is down, then recovers by itself', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000)
    await start(false)
    const s = await apiLogin(request)
    const name = uniqueName('wall-stale')
    await apiCreateInstance(request, s, name)
    const cred = await apiAppCredential(request)
    await giveWallCredential(page, cred)

    await page.goto('/wall?refresh=2')
    await expect(tile(page, name)).toBeVisible()
    await expect(page.getByTestId('wall-stale')).toHaveCount(0)

    await stop()
    const stale = page.getByTestId('wall-stale')
    await expect(stale).toContainText(/Stale: last update \d+s ago — retrying/, { timeout: 20_000 })
    await expect(tile(page, name)).toBeVisible() // the last picture stays
    const first = await stale.textContent()
    await expect(stale).not.toHaveText(first ?? '') // the age ticks

    await start(true) // same database file
    await expect(stale).toHaveCount(0, { timeout: 45_000 })
    await expect(tile(page, name)).toBeVisible()
    await expect(page.getByTestId('wall')).toHaveAttribute('data-auth', 'ready')
  })
})
