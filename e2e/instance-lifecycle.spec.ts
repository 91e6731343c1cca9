import { expect, test } from '@playwright/test'
import { expectNoSeriousA11yViolations } from './support/axe'
import { deleteAfterEach, login, uniqueName } from './support/cloud'
import { requestBarrier } from './support/request-barrier'
import { chooseVersion } from './support/launch'

/** Instances this spec creates: deleted after each test (a reused cloud keeps them). */
const created = deleteAfterEach()

test('launch, watch BUILD -> ACTIVE, resize the volume, restart, delete', async ({ page }) => {
  test.setTimeout(120_000)
  const name = uniqueName('e2e-life')
  await login(page, 'demo')
  await expect(page.getByRole('heading', { name: 'Instances', level: 1 })).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'instances list')

  await page.getByRole('link', { name: 'Launch instance' }).first().click()
  await expect(page).toHaveURL(/\/instances\/new/)
  await expect(
    page.getByRole('table', { name: 'Flavors' }).getByRole('radio').first(),
  ).toBeEnabled()
  await expectNoSeriousA11yViolations(page, 'launch form')
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name)
  await page.getByRole('radio', { name: /^mysql\b/ }).check()
  await chooseVersion(page, '5.7')
  await page.getByRole('table', { name: 'Flavors' }).getByRole('radio').first().check()
  await page.getByLabel('Volume size (GB)').fill('2')

  const created = page.waitForResponse(
    (r) => r.request().method() === 'POST' && /\/instances$/.test(new URL(r.url()).pathname),
  )
  await page.getByRole('button', { name: 'Launch instance' }).click()
  expect((await created).status()).toBe(200)

  // The detail page follows the build by polling: no reload.
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  const status = page.getByTestId('instance-status')
  await expect(status).toContainText('BUILD')
  await expect(status).toContainText('ACTIVE', { timeout: 30_000 })
  await expect(page.getByTestId('operating-status')).toContainText('HEALTHY')
  await expectNoSeriousA11yViolations(page, 'instance detail')

  // Resize the volume (grow only).
  await page.getByRole('button', { name: 'Resize volume' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel(/new size/i).fill('3')
  await dialog.getByRole('button', { name: 'Resize volume' }).click()
  await expect(status).toContainText('RESIZE')
  await expect(status).toContainText('ACTIVE', { timeout: 30_000 })
  await expect(page.getByTestId('volume-size')).toContainText('3')

  // Restart.
  await page.getByRole('button', { name: 'Restart' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Restart' }).click()
  await expect(status).toContainText('REBOOT')
  await expect(status).toContainText('ACTIVE', { timeout: 30_000 })

  // Delete: a private instance without replicas needs no typed name (issue 17 §3).
  await page.getByRole('button', { name: 'Delete' }).click()
  const confirm = page.getByRole('alertdialog')
  const confirmButton = confirm.getByRole('button', { name: 'Delete' })
  await expect(confirm.getByLabel('Type the instance name to confirm')).toHaveCount(0)
  await confirmButton.click()
  await expect(page).toHaveURL(/\/instances(\?.*)?$/)
  await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0, { timeout: 30_000 })
})

test('an instance whose guest fails to start shows its fault', async ({ page }) => {
  const name = uniqueName('e2e-fail') + 'GUEST_ERROR'
  await login(page, 'demo')
  await page.goto('/instances/new')
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name)
  await page.getByRole('radio', { name: /^mysql\b/ }).check()
  await chooseVersion(page, '5.7')
  await page.getByRole('table', { name: 'Flavors' }).getByRole('radio').first().check()
  await page.getByLabel('Volume size (GB)').fill('1')
  await page.getByRole('button', { name: 'Launch instance' }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  created('demo', /\/instances\/([^/?]+)/.exec(page.url())?.[1] ?? '')
  await expect(page.getByTestId('instance-status')).toContainText('ERROR', { timeout: 30_000 })
  await expect(
    page.getByText('Service not active, status: failed to spawn', { exact: true }),
  ).toBeVisible()
})

test('invalid launch input shows errors on the fields and sends nothing', async ({ page }) => {
  await login(page, 'demo')
  await page.goto('/instances/new')
  await expect(
    page.getByRole('table', { name: 'Flavors' }).getByRole('radio').first(),
  ).toBeEnabled()
  let posted = false
  page.on('request', (r) => {
    if (r.method() === 'POST' && /\/instances$/.test(new URL(r.url()).pathname)) posted = true
  })
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('   ')
  await page.getByLabel('Volume size (GB)').fill('0')
  await page.getByRole('button', { name: 'Launch instance' }).click()
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  )
  await expect(page.getByLabel('Volume size (GB)')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByRole('group', { name: /^Flavor/ })).toHaveAttribute('aria-invalid', 'true')
  await requestBarrier(page)
  expect(posted).toBe(false)
  await expect(page).toHaveURL(/\/instances\/new/)
})
