import { expect, test, type Page } from '@playwright/test'
import { login, uniqueName } from './support/cloud'

/**
 * One poller per resource list: while an instance builds with the detail page, the task tray
 * and then the list open, the cloud sees at most one read of that instance per poll interval
 * (1 s in this build) and no re-read of the whole list per interval.
 */

const POLL_MS = 1000

interface Read {
  path: string
  at: number
}

function recordReads(page: Page): Read[] {
  const reads: Read[] = []
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname
    if (r.method() === 'GET' && /\/instances(\/|$)/.test(path)) reads.push({ path, at: Date.now() })
  })
  return reads
}

async function launch(page: Page, name: string): Promise<string> {
  await page.goto('/instances/new')
  await expect(page.getByRole('combobox', { name: 'Flavor', exact: true })).toBeEnabled()
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name)
  await page.getByRole('combobox', { name: 'Datastore', exact: true }).selectOption('mysql')
  await page.getByRole('combobox', { name: 'Version', exact: true }).selectOption('5.7')
  await page.getByRole('combobox', { name: 'Flavor', exact: true }).selectOption({ index: 1 })
  await page.getByLabel('Volume size (GB)').fill('1')
  const created = page.waitForResponse(
    (r) => r.request().method() === 'POST' && /\/instances$/.test(new URL(r.url()).pathname),
  )
  await page.getByRole('button', { name: 'Launch instance' }).click()
  const res = await created
  expect(res.status()).toBe(200)
  const body = (await res.json()) as { instance: { id: string } }
  return body.instance.id
}

function check(reads: Read[], id: string, from: number, to: number) {
  const own = reads.filter((r) => r.path.endsWith(`/instances/${id}`) && r.at >= from && r.at <= to)
  const walks = reads.filter(
    (r) => r.path.endsWith('/instances/detail') && r.at >= from && r.at <= to,
  )
  // The instance was followed, one read at a time, never two within an interval (timing slack
  // of the browser's request events aside).
  expect(own.length).toBeGreaterThan(0)
  expect(own.length).toBeLessThanOrEqual(Math.ceil((to - from) / POLL_MS) + 1)
  for (let n = 1; n < own.length; n++) {
    expect(own[n]!.at - own[n - 1]!.at).toBeGreaterThanOrEqual(POLL_MS * 0.8)
  }
  // The list is read once after the create (the backstop), not once per interval.
  expect(walks.length).toBeLessThanOrEqual(1)
}

test('a build on the detail page with the task tray open: one read per interval', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await login(page, 'demo')
  const reads = recordReads(page)
  const name = uniqueName('e2e-poll')
  const id = await launch(page, name)
  const from = Date.now()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await page.getByRole('button', { name: /^Tasks/ }).click()
  await expect(page.getByRole('region', { name: 'Tasks' })).toContainText(`Launch ${name}`)
  const status = page.getByTestId('instance-status')
  await expect(status).toContainText('ACTIVE', { timeout: 30_000 })
  const to = Date.now()
  check(reads, id, from, to)
  // The tray settled from the same cache.
  await expect(page.getByRole('region', { name: 'Tasks' })).toContainText(`${name} is ACTIVE`)
})

test('a build followed from the list: one read per interval, no list walk per interval', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await login(page, 'demo')
  const reads = recordReads(page)
  const name = uniqueName('e2e-poll-list')
  const id = await launch(page, name)
  const from = Date.now()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await page.getByRole('link', { name: 'Instances' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Instances' })).toBeVisible()
  const row = page.getByRole('row').filter({ hasText: name })
  await expect(row).toContainText('ACTIVE', { timeout: 30_000 })
  const to = Date.now()
  check(reads, id, from, to)
})
