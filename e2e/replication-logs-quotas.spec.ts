import { expect, test } from '@playwright/test'
import { expectNoSeriousA11yViolations } from './support/axe'
import {
  apiCreateInstance,
  apiLogin,
  apiWaitStatus,
  deleteAfterEach,
  login,
  uniqueName,
} from './support/cloud'
import { REFERENCE_GAPS, onReference } from './support/target'

/** Instances this spec creates: deleted after each test (a reused cloud keeps them). */
const created = deleteAfterEach()

test('replication: create a replica, then promote it (the topology flips)', async ({
  page,
  request,
}) => {
  test.skip(onReference, REFERENCE_GAPS.noReplication)
  test.setTimeout(120_000)
  const s = await apiLogin(request, 'demo')
  const source = uniqueName('e2e-src')
  const id = await apiCreateInstance(request, s, source)
  await apiWaitStatus(request, s, id)

  await login(page, 'demo')
  await page.goto(`/instances/${id}/replication`)
  await expect(page.getByRole('heading', { name: 'Replication', level: 2 })).toBeVisible()
  await expect(page.getByText('This instance has no replicas')).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'replication tab (standalone)')

  const replica = `${source}-r`
  await page.getByRole('button', { name: 'Create replica', exact: true }).click()
  const dialog = page.getByRole('alertdialog')
  await dialog.getByRole('textbox', { name: 'Replica name', exact: true }).fill(replica)
  await dialog.getByRole('button', { name: 'Create replica', exact: true }).click()
  await expect(dialog).toBeHidden()

  const replicas = page.getByRole('table', { name: `Replicas of ${source}` })
  await expect(replicas.getByRole('link', { name: replica, exact: true })).toBeVisible()
  // Promote is in the replica's row actions menu (the menu follows the statuses while open).
  const rowMenu = page.getByRole('button', { name: `Actions for ${replica}`, exact: true })
  const promote = page.getByRole('menuitem', { name: 'Promote', exact: true })
  await rowMenu.click()
  await expect(promote).toBeEnabled({ timeout: 30_000 })
  await page.keyboard.press('Escape')
  await expectNoSeriousA11yViolations(page, 'replication tab (source with a replica)')

  await rowMenu.click()
  await promote.click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Promote', exact: true }).click()
  await expect(page.getByText('PROMOTE', { exact: true }).first()).toBeVisible()
  // Settled: the replica is now the source and the old source replicates from it.
  const flipped = page.getByRole('table', { name: `Replicas of ${replica}` })
  await expect(flipped).toBeVisible({ timeout: 30_000 })
  await expect(flipped.getByText(source, { exact: false })).toBeVisible()
  await expect(page.getByText('PROMOTE', { exact: true })).toHaveCount(0, { timeout: 30_000 })
})

test('logs: enable, publish and read the general log', async ({ page, request }) => {
  test.skip(onReference, REFERENCE_GAPS.noGuestLogs)
  test.setTimeout(90_000)
  const s = await apiLogin(request, 'demo')
  const id = await apiCreateInstance(request, s, uniqueName('e2e-logs'))
  await apiWaitStatus(request, s, id)

  await login(page, 'demo')
  await page.goto(`/instances/${id}/logs`)
  const table = page.getByRole('table', { name: 'Guest logs' })
  await expect(table.getByRole('cell', { name: 'general', exact: true })).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'logs tab')

  await page.getByRole('button', { name: 'Enable general', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Disable general', exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Publish general', exact: true }).click()
  await page.getByRole('button', { name: 'View general', exact: true }).click()
  const contents = page.getByLabel('Contents of the general log')
  await expect(contents).toContainText('/usr/sbin/mysqld, Version: 5.7.29')
  await expectNoSeriousA11yViolations(page, 'logs tab with the viewer')
})

test('quotas page shows usage against the limits per region', async ({ page, request }) => {
  const s = await apiLogin(request, 'alt')
  created('alt', await apiCreateInstance(request, s, uniqueName('e2e-quota')))
  await login(page, 'alt')
  await page.getByRole('link', { name: 'Quotas', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Quotas', level: 1 })).toBeVisible()
  const meter = page.getByRole('meter', { name: 'Instances in RegionOne' })
  await expect(meter).toBeVisible()
  await expect
    .poll(async () => Number(await meter.getAttribute('aria-valuenow')))
    .toBeGreaterThanOrEqual(1)
  if (!onReference) {
    await expect(page.getByRole('meter', { name: 'Volume storage in RegionTwo' })).toBeVisible()
  }
  await expectNoSeriousA11yViolations(page, 'quotas page')
})

test('datastores: browse to a version and filter its parameters in the URL', async ({ page }) => {
  await login(page, 'demo')
  await page.goto('/datastores')
  await expect(page.getByRole('heading', { name: 'Datastores', level: 1 })).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'datastores page')
  await page.getByRole('link', { name: 'mysql', exact: true }).click()
  await expect(page).toHaveURL(/\/datastores\/mysql(\?|$)/)
  await expect(page.getByRole('table', { name: 'Versions of mysql' })).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'datastore page')
  await page.getByRole('link', { name: '5.7', exact: true }).click()
  await expect(page).toHaveURL(/\/datastores\/mysql\/versions\/5\.7(\?|$)/)
  const table = page.getByRole('table', { name: 'Parameters of mysql 5.7' })
  await expect(table).toBeVisible()
  // The one data table's filter box (labelled "Filter") filters the parameters.
  await page.getByRole('searchbox', { name: 'Filter', exact: true }).fill('innodb')
  await expect(page).toHaveURL(/q=innodb/)
  await expect(table.getByRole('cell', { name: /^innodb_/ }).first()).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'datastore version parameters')
  // The filtered view is linkable.
  await page.reload()
  await expect(page.getByRole('searchbox', { name: 'Filter', exact: true })).toHaveValue('innodb')
})
