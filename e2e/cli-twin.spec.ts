import { expect, test, type Locator } from '@playwright/test'
import { expectNoSeriousA11yViolations } from './support/axe'
import {
  apiCreateInstance,
  apiDeleteInstance,
  apiLogin,
  apiWaitStatus,
  login,
  uniqueName,
} from './support/cloud'
import { onReference, REFERENCE_GAPS } from './support/target'

test.skip(onReference, REFERENCE_GAPS.notYetOnReference)

/** Opens a dialog's CLI twin and returns its openstack and curl texts. */
async function twinOf(dialog: Locator) {
  await dialog.getByText('Do this from the command line').click()
  return {
    openstack: dialog.getByTestId('cli-twin-openstack'),
    curl: dialog.getByTestId('cli-twin-curl'),
  }
}

test('restart, resize and delete dialogs show their openstack and curl twins', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000)
  const s = await apiLogin(request, 'demo')
  const name = uniqueName('e2e-twin')
  const id = await apiCreateInstance(request, s, name)
  try {
    await apiWaitStatus(request, s, id)
    await login(page, 'demo')
    await page.goto(`/instances/${id}`)
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()

    // Restart: a confirm dialog.
    await page.getByRole('button', { name: 'Restart' }).click()
    let dialog = page.getByRole('alertdialog')
    let twin = await twinOf(dialog)
    await expect(twin.openstack).toHaveText(`openstack database instance restart ${id}`)
    await expect(twin.curl).toContainText(`curl -X POST "$TROVE_URL/instances/${id}/action"`)
    await expect(twin.curl).toContainText(`-d '{"restart":{}}'`)
    await expect(dialog.getByRole('button', { name: 'Copy the openstack command' })).toBeVisible()
    await expect(dialog).toContainText(new RegExp(`/trove/RegionOne/v1\\.0/${s.projectId}`))
    await expectNoSeriousA11yViolations(page, 'restart dialog with CLI twin')
    await dialog.getByRole('button', { name: 'Cancel' }).click()

    // Resize volume: a form dialog; the twin follows what is typed.
    await page.getByRole('button', { name: 'Resize volume' }).click()
    dialog = page.getByRole('dialog')
    await dialog.getByLabel(/new size/i).fill('5')
    twin = await twinOf(dialog)
    await expect(twin.openstack).toHaveText(`openstack database instance resize volume ${id} 5`)
    await expect(twin.curl).toContainText(`-d '{"resize":{"volume":{"size":5}}}'`)
    await dialog.getByLabel(/new size/i).fill('6')
    await expect(twin.openstack).toHaveText(`openstack database instance resize volume ${id} 6`)
    await dialog.getByRole('button', { name: 'Cancel' }).click()

    // Resize flavor.
    await page.getByRole('button', { name: 'Resize flavor' }).click()
    dialog = page.getByRole('dialog')
    const flavor = dialog.getByRole('combobox', { name: 'New flavor' })
    await flavor.selectOption({ index: 1 })
    const flavorRef = await flavor.inputValue()
    twin = await twinOf(dialog)
    await expect(twin.openstack).toHaveText(
      `openstack database instance resize flavor ${id} ${flavorRef}`,
    )
    await expect(twin.curl).toContainText(`{"resize":{"flavorRef":"${flavorRef}"}}`)
    await dialog.getByRole('button', { name: 'Cancel' }).click()

    // Delete: the twin, then the delete itself.
    await page.getByRole('button', { name: 'Delete' }).click()
    dialog = page.getByRole('alertdialog')
    twin = await twinOf(dialog)
    await expect(twin.openstack).toHaveText(`openstack database instance delete ${id}`)
    await expect(twin.curl).toContainText(`curl -X DELETE "$TROVE_URL/instances/${id}"`)
    await expect(twin.curl).not.toContainText('-d ')
    await dialog.getByRole('button', { name: 'Delete' }).click()
    await expect(page).toHaveURL(/\/instances(\?.*)?$/)
  } finally {
    await apiDeleteInstance(request, s, id)
  }
})

test('the access dialog shows the grant or revoke command; create replica previews the set and shows its twin', async ({
  page,
  request,
}) => {
  test.setTimeout(150_000)
  const s = await apiLogin(request, 'demo')
  const name = uniqueName('e2e-twin-acc')
  const id = await apiCreateInstance(request, s, name, {
    databases: [{ name: 'appdb' }, { name: 'logs' }],
    users: [{ name: 'appuser', password: 'Twin-Pass-2026-ok', databases: [{ name: 'appdb' }] }],
  })
  try {
    await apiWaitStatus(request, s, id)
    await login(page, 'demo')
    await page.goto(`/instances/${id}/users`)
    await page.getByRole('button', { name: 'Actions for appuser@%' }).click()
    await page.getByRole('menuitem', { name: 'Database access' }).click()
    let dialog = page.getByRole('dialog')
    let twin = await twinOf(dialog)
    await expect(twin.openstack).toHaveText(
      `openstack database user revoke access ${id} appuser --host % appdb`,
    )
    await expect(twin.curl).toContainText(
      `curl -X DELETE "$TROVE_URL/instances/${id}/users/appuser%40%25/databases/appdb"`,
    )
    await dialog.getByLabel('Command line for the button of').selectOption('logs')
    await expect(twin.openstack).toHaveText(
      `openstack database user grant access ${id} appuser --host % logs`,
    )
    await expect(twin.curl).toContainText(`-d '{"databases":[{"name":"logs"}]}'`)
    await expectNoSeriousA11yViolations(page, 'access dialog with its CLI twin')
    // The twin follows the grant: the same database now shows its revoke.
    await dialog.getByRole('button', { name: 'Grant access to logs' }).click()
    await expect(twin.openstack).toHaveText(
      `openstack database user revoke access ${id} appuser --host % logs`,
    )
    await dialog.getByRole('button', { name: 'Done' }).click()

    await page.goto(`/instances/${id}/replication`)
    await page.getByRole('button', { name: 'Create replica' }).click()
    dialog = page.getByRole('alertdialog')
    await dialog.getByLabel('Number of replicas').selectOption('2')
    const preview = dialog.getByTestId('change-preview')
    await expect(preview.locator('[data-consequence="topology"]')).toContainText(
      `${name}-replica-1`,
    )
    await expect(preview.locator('[data-consequence="version"]')).toContainText('mysql')
    await expect(preview.locator('[data-consequence="quota"]')).toContainText('Instances +2')
    twin = await twinOf(dialog)
    await expect(twin.openstack).toHaveText(
      `openstack database instance create ${name}-replica --replica-of ${id} --replica-count 2`,
    )
    await expectNoSeriousA11yViolations(page, 'create replica dialog with its preview')
    const dir = process.env.SHOTS_DIR
    if (dir)
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme })
        for (const width of [1440, 390]) {
          await page.setViewportSize({ width, height: 900 })
          await page.screenshot({ path: `${dir}/create-replica-${width}-${scheme}.png` })
        }
      }
    await dialog.getByRole('button', { name: 'Cancel' }).click()
  } finally {
    await apiDeleteInstance(request, s, id)
  }
})
