import { expect, test, type Locator, type Page } from '@playwright/test'
import { expectNoSeriousA11yViolations } from './support/axe'
import {
  apiCreateInstance,
  apiDeleteInstance,
  apiLogin,
  apiWaitStatus,
  login,
  uniqueName,
} from './support/cloud'
import { onReference } from './support/target'

/** Presses Tab (at most `max` times) until `target` has focus: keyboard only, no clicks. */
async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
  await expect(target).toBeFocused()
}

/** The page does not scroll sideways, and every visible control outside a scroller fits. */
async function expectNoSidewaysOverflow(page: Page, what: string) {
  const m = await page.evaluate(() => {
    const doc = document.documentElement
    const clipped = [...document.querySelectorAll<HTMLElement>('button, a, input, select')]
      .filter((e) => {
        const r = e.getBoundingClientRect()
        if (r.width === 0 || r.height === 0) return false
        // Inside an element that scrolls sideways by itself (a table): reachable by scrolling it.
        for (let p = e.parentElement; p; p = p.parentElement) {
          const o = getComputedStyle(p).overflowX
          if ((o === 'auto' || o === 'scroll') && p !== doc && p !== document.body) return false
        }
        return r.right > window.innerWidth + 1 || r.left < -1
      })
      .map((e) => (e.getAttribute('aria-label') ?? e.textContent ?? e.tagName).trim().slice(0, 40))
    return { overflow: doc.scrollWidth - doc.clientWidth, clipped }
  })
  expect(m, `${what}: sideways overflow or clipped controls`).toEqual({ overflow: 0, clipped: [] })
}

test('keyboard only: list -> detail -> a dialog and back to its button -> another tab', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000)
  const s = await apiLogin(request, 'demo')
  const name = uniqueName('e2e-kbd-b')
  const id = await apiCreateInstance(request, s, name)
  try {
    await apiWaitStatus(request, s, id)
    await login(page, 'demo')
    const filter = page.getByRole('searchbox').first()
    await tabTo(page, filter)
    await page.keyboard.type(name)
    const link = page.getByRole('link', { name, exact: true })
    await tabTo(page, link)
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()

    // An action dialog opened by keyboard gives focus back to its button when it closes.
    const restart = page
      .getByRole('group', { name: 'Instance actions' })
      .getByRole('button', { name: 'Restart' })
    await tabTo(page, restart)
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('alertdialog')
    await expect(dialog).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(restart).toBeFocused()

    // The tabs are links: Enter opens one (Replication: its list reads work on both clouds; the
    // reference cloud's guest-log list fails without object storage).
    const replicationTab = page
      .getByRole('navigation', { name: 'Instance sections' })
      .getByRole('link', { name: 'Replication' })
    await tabTo(page, replicationTab)
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { name: 'Replication', level: 2 })).toBeVisible()
    await expect(page).toHaveURL(new RegExp(`/instances/${id}/replication`))
  } finally {
    await apiDeleteInstance(request, s, id)
  }
})

for (const width of [390, 1920]) {
  test(`at ${width} px the instance pages, a group and the services fit: tables scroll inside`, async ({
    page,
    request,
  }) => {
    test.setTimeout(150_000)
    await page.setViewportSize({ width, height: 900 })
    const s = await apiLogin(request, 'demo')
    const name = uniqueName('e2e-narrow')
    const id = await apiCreateInstance(request, s, name)
    try {
      await apiWaitStatus(request, s, id)
      await login(page, 'demo')
      for (const tab of ['', '/backups', '/configuration', '/logs', '/databases', '/users']) {
        await page.goto(`/instances/${id}${tab}`)
        await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
        // The tab's own content (its section heading, or its table) has drawn.
        await expect(page.locator('main h2, main table').first()).toBeVisible()
        await expectNoSidewaysOverflow(page, `instance ${tab || 'overview'}`)
      }
      // The reference cloud has no DBaaS management API: its Services page says so instead.
      await page.goto('/services')
      await expect(
        onReference
          ? page.getByRole('heading', { name: 'This cloud has no DBaaS management API' })
          : page.getByRole('table', { name: 'Services' }),
      ).toBeVisible()
      await expectNoSidewaysOverflow(page, 'services')
      await page.goto('/configurations')
      await expect(
        page.getByRole('heading', { name: 'Configuration groups', level: 1 }),
      ).toBeVisible()
      await expectNoSidewaysOverflow(page, 'configuration groups')
      // Activity (the instance's create is in it): its filters and its table's three toolbar
      // buttons (Columns, Export CSV, Export JSON) wrap instead of widening the page.
      await page.goto('/activity')
      await expect(page.getByRole('table', { name: 'Activity' })).toBeVisible()
      await expectNoSidewaysOverflow(page, 'activity')
      if (width === 390) await expectNoSeriousA11yViolations(page, 'configuration groups at 390 px')
    } finally {
      await apiDeleteInstance(request, s, id)
    }
  })
}

/** Space (px) between the page header (its h1's box) and what follows it. */
function headerGap(page: Page) {
  return page.locator('main h1').evaluate((h1) => {
    // PageHeader: its root holds the row that holds the title's column.
    const header = h1.parentElement?.parentElement?.parentElement
    if (!header) return -1
    const next = header.nextElementSibling ?? header.parentElement?.nextElementSibling
    if (!next) return -1
    return Math.round(next.getBoundingClientRect().top - header.getBoundingClientRect().bottom)
  })
}

/** The header's buttons are on one line (their tops agree). */
async function expectButtonsOneLine(page: Page, names: string[], what: string) {
  const tops = await Promise.all(
    names.map((n) =>
      page
        .getByRole('main')
        .getByRole(n.startsWith('Refresh') ? 'button' : 'link', { name: n })
        .or(page.getByRole('main').getByRole('button', { name: n, exact: true }))
        .first()
        .evaluate((e) => Math.round(e.getBoundingClientRect().top)),
    ),
  )
  expect(new Set(tops).size, `${what}: ${names.join(', ')} at tops ${tops.join(', ')}`).toBe(1)
}

test('list headers: the same gap under each; at 390 px the buttons on one line beside "Live · last change"', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000)
  const s = await apiLogin(request, 'demo')
  const name = uniqueName('e2e-header')
  const id = await apiCreateInstance(request, s, name)
  try {
    await apiWaitStatus(request, s, id)
    await login(page, 'demo')
    const gaps: Record<string, number> = {}
    for (const path of ['/instances', '/backups', '/configurations', '/datastores', '/activity']) {
      await page.goto(path)
      await expect(page.locator('main table, main h2').first()).toBeVisible()
      if (path === '/activity') await expect(page.getByTestId('journal-coverage')).toBeVisible()
      gaps[path] = await headerGap(page)
    }
    // Activity's grid gap came on top of the header's margin (48 px above its coverage note).
    expect.soft(gaps).toEqual({
      '/instances': 24,
      '/backups': 24,
      '/configurations': 24,
      '/datastores': 24,
      '/activity': 24,
    })

    await page.setViewportSize({ width: 390, height: 900 })
    await page.goto('/instances')
    const label = page.getByTestId('instances-read-ago')
    await expect(label).toHaveText('Live', { timeout: 30_000 })
    await expectButtonsOneLine(page, ['Refresh instances', 'Launch instance'], 'live')
    // A change the feed brings while the list is open: "Live · last change 06:36".
    const renamed = await request.patch(`${s.trove()}/instances/${id}`, {
      headers: { 'X-Auth-Token': s.token },
      data: { instance: { name: `${name}-renamed` } },
    })
    expect(renamed.status()).toBe(202)
    await expect(label).toHaveText(/^Live · last change/, { timeout: 30_000 })
    await expectButtonsOneLine(page, ['Refresh instances', 'Launch instance'], 'last change')
    await expectNoSidewaysOverflow(page, 'instances, last change')
    await page.goto('/backups')
    await expect(page.getByTestId('backups-read-ago')).toHaveText(/^Live/, { timeout: 30_000 })
    await expectButtonsOneLine(page, ['Refresh backups', 'Create backup'], 'backups')
    await expectNoSidewaysOverflow(page, 'backups')
    await expectNoSeriousA11yViolations(page, 'backups at 390 px')
  } finally {
    await apiDeleteInstance(request, s, id)
  }
})
