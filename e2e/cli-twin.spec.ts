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
