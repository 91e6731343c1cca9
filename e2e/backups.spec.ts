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
import { onReference } from './support/target'

/** Instances this spec creates: deleted after each test (a reused cloud keeps them). */
const created = deleteAfterEach()

test('back up, add an incremental, restore, copy to RegionTwo, delete the parent', async ({
  page,
  request,
}) => {
  test.setTimeout(150_000)
  const s = await apiLogin(request, 'demo')
  const instName = uniqueName('e2e-bk')
  const instanceId = created('demo', await apiCreateInstance(request, s, instName))
  await apiWaitStatus(request, s, instanceId)
  const full = uniqueName('full')
  const inc = uniqueName('inc')

  await login(page, 'demo')

  // The instance's Backups tab: empty, then a full backup moving NEW -> COMPLETED.
  await page.goto(`/instances/${instanceId}/backups`)
  await expect(page.getByRole('heading', { name: 'No backups of this instance' })).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'instance backups tab (empty)')
  await page.getByRole('button', { name: 'Create backup' }).click()
  let dialog = page.getByRole('dialog')
  await expect(dialog.getByRole('combobox', { name: 'Instance' })).toHaveValue(instanceId)
  await expectNoSeriousA11yViolations(page, 'create backup dialog')
  await dialog.getByRole('textbox', { name: 'Name' }).fill(full)
  await dialog.getByRole('button', { name: 'Create backup' }).click()
  await expect(dialog).toBeHidden()
  const table = page.getByRole('table', { name: 'Backups of this instance' })
  const fullRow = table.getByRole('row').filter({ hasText: full })
  await expect(fullRow.getByTestId('backup-status')).toHaveText(/NEW|BUILDING/)
  await expect(fullRow.getByTestId('backup-status')).toHaveText('COMPLETED', { timeout: 30_000 })

  // An incremental on the latest completed backup.
  await page.getByRole('button', { name: 'Create backup' }).click()
  dialog = page.getByRole('dialog')
  await dialog.getByRole('textbox', { name: 'Name' }).fill(inc)
  await dialog
    .getByRole('combobox', { name: 'Type' })
    .selectOption({ label: 'Incremental, on the latest completed backup' })
  await dialog.getByRole('button', { name: 'Create backup' }).click()
  await expect(dialog).toBeHidden()
  const incRow = table.getByRole('row').filter({ hasText: inc })
  await expect(incRow).toContainText('Incremental')
  await expect(incRow.getByTestId('backup-status')).toHaveText('COMPLETED', { timeout: 30_000 })
  await expectNoSeriousA11yViolations(page, 'instance backups tab')

  // The backups page lists both; the incremental's page shows the chain.
  await page.goto('/backups')
  await expect(page.getByRole('heading', { level: 1, name: 'Backups' })).toBeVisible()
  await expect(page.getByRole('link', { name: full, exact: true })).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'backups page')
  await page.getByRole('combobox', { name: 'Status' }).selectOption('COMPLETED')
  await expect(page).toHaveURL(/status=COMPLETED/)
  await page.getByRole('link', { name: inc, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: inc })).toBeVisible()
  const chain = page.getByRole('list', { name: 'Restore chain' })
  await expect(chain.getByRole('link', { name: full })).toBeVisible()
  await expect(chain).toContainText(`${inc} (this backup)`)
  await expectNoSeriousA11yViolations(page, 'backup detail')

  // Restore the incremental: the launch form comes prefilled and locked.
  await page.getByRole('link', { name: 'Restore' }).click()
  await expect(page).toHaveURL(/\/instances\/new\?restoreFrom=/)
  const datastore = page.getByRole('textbox', { name: 'Datastore', exact: true })
  await expect(datastore).toHaveValue('mysql')
  await expect(datastore).toHaveAttribute('readonly', '')
  await expect(page.getByRole('textbox', { name: 'Version', exact: true })).toHaveValue('5.7')
  await expect(page.getByRole('combobox', { name: 'Restore from backup' })).toBeDisabled()
  await expectNoSeriousA11yViolations(page, 'restore form')
  const restored = uniqueName('e2e-restored')
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(restored)
  await page.getByRole('table', { name: 'Flavors' }).getByRole('radio').first().check()
  await page.getByLabel('Volume size (GB)').fill('2')
  const create = page.waitForResponse(
    (r) => r.request().method() === 'POST' && /\/instances$/.test(new URL(r.url()).pathname),
  )
  await page.getByRole('button', { name: 'Launch instance' }).click()
  const createRes = await create
  expect(createRes.status()).toBe(200)
  created('demo', ((await createRes.json()) as { instance: { id: string } }).instance.id)
  expect(createRes.request().postDataJSON()).toMatchObject({
    instance: { restorePoint: { backupRef: expect.any(String) } },
  })
  await expect(page.getByRole('heading', { level: 1, name: restored })).toBeVisible()

  // Copy the full backup to RegionTwo and find it there (a cloud with one region cannot).
  if (!onReference) {
    await page.goto('/backups')
    await page.getByRole('link', { name: full, exact: true }).click()
    await page.getByRole('button', { name: 'Copy to region' }).click()
    dialog = page.getByRole('dialog')
    await expect(dialog.getByRole('combobox', { name: 'Target region' })).toHaveValue('RegionTwo')
    await expectNoSeriousA11yViolations(page, 'copy dialog')
    await dialog.getByRole('button', { name: 'Copy backup' }).click()
    await expect(dialog).toBeHidden()
    await page.getByRole('button', { name: /Switch region/ }).click()
    await page.getByRole('menuitemradio', { name: 'RegionTwo' }).click()
    await expect(page).toHaveURL(/\/backups/)
    const copyRow = page
      .getByRole('table', { name: 'Backups' })
      .getByRole('row')
      .filter({ hasText: full })
    await expect(copyRow.getByTestId('backup-status')).toHaveText('COMPLETED', { timeout: 30_000 })
    await page.getByRole('button', { name: /Switch region/ }).click()
    await page.getByRole('menuitemradio', { name: 'RegionOne' }).click()
  }

  // Delete the parent: the confirmation names the incremental that goes with it.
  await page.goto('/backups')
  await page.getByRole('link', { name: full, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: full })).toBeVisible()
  await page.getByRole('button', { name: 'Delete' }).click()
  dialog = page.getByRole('dialog')
  const deletedToo = dialog.getByRole('list', { name: 'Incremental backups deleted too' })
  await expect(deletedToo).toContainText(inc)
  await expectNoSeriousA11yViolations(page, 'delete dialog')
  await dialog.getByRole('button', { name: 'Delete 2 backups' }).click()
  await expect(page).toHaveURL(/\/backups(\?.*)?$/)
  // As real Trove, the cloud keeps listing them a moment after the 202: shown as deleting.
  const deletingRow = page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: full, exact: true }) })
  // (The reference cloud's fake object store removes it within a moment: too short to see.)
  if (!onReference) await expect(deletingRow.getByTestId('backup-status')).toHaveText(/DELETING/)
  // Real Trove's task manager removes it in its own time: longer on a loaded machine.
  await expect(page.getByRole('link', { name: full, exact: true })).toHaveCount(0, {
    timeout: onReference ? 60_000 : 20_000,
  })
  await expect(page.getByRole('link', { name: inc, exact: true })).toHaveCount(0)
})
