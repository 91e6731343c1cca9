import { expect, test } from '@playwright/test'
import { expectNoSeriousA11yViolations } from './support/axe'
import {
  apiCreateInstance,
  apiDeleteInstance,
  apiLogin,
  apiWaitStatus,
  login,
  uniqueName,
} from './support/cloud'
import { REFERENCE_GAPS, onReference } from './support/target'

test('HA backups: create one of a primary with a replica, restore it, delete it (focus comes back)', async ({
  page,
  request,
}) => {
  test.skip(onReference, REFERENCE_GAPS.noReplication)
  test.setTimeout(180_000)
  const s = await apiLogin(request, 'demo')
  const headers = { 'X-Auth-Token': s.token }
  const name = uniqueName('e2e-ha')
  const id = await apiCreateInstance(request, s, name)
  let replicaId: string | undefined
  try {
    await apiWaitStatus(request, s, id)
    await login(page, 'demo')

    // A standalone instance is no HA group: the section says why Create is not offered.
    await page.goto(`/instances/${id}/backups`)
    const section = page.getByRole('region', { name: 'HA backups' })
    await expect(section).toContainText('No HA backups of this group yet')
    await expect(section).toContainText('This instance has no replicas')
    await expect(section.getByRole('button', { name: 'Create HA backup' })).toBeDisabled()

    // A replica takes its flavor, datastore and volume from the source (Trove refuses them).
    const rep = await request.post(`${s.trove()}/instances`, {
      headers,
      data: { instance: { name: `${name}-r`, replica_of: id } },
    })
    expect(rep.status()).toBe(200)
    replicaId = ((await rep.json()) as { instance: { id: string } }).instance.id
    await apiWaitStatus(request, s, replicaId)
    await page.reload()
    const create = section.getByRole('button', { name: 'Create HA backup' })
    await expect(create).toBeEnabled()

    // Bad input: refused in the form, nothing sent.
    let posted = 0
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname.endsWith('/backups')) posted++
    })
    await create.click()
    const dialog = page.getByRole('dialog', { name: `Create an HA backup of ${name}` })
    await dialog.getByRole('button', { name: 'Create HA backup' }).click()
    await expect(dialog.getByText('Enter a name.')).toBeVisible()
    expect(posted).toBe(0)

    const backupName = `${name}-hab`
    await dialog.getByRole('textbox', { name: 'Name' }).fill(backupName)
    const sent = page.waitForRequest(
      (r) => r.method() === 'POST' && new URL(r.url()).pathname.endsWith('/backups'),
    )
    await dialog.getByRole('button', { name: 'Create HA backup' }).click()
    const body = (await sent).postDataJSON() as { backup: Record<string, unknown> }
    expect(body.backup.source).toEqual({ type: 'ha', id })
    expect(body.backup.instance).toBeUndefined()
    await expect(dialog).toBeHidden()
    // Focus is back on the button that opened the dialog.
    await expect(create).toBeFocused()

    const table = section.getByRole('table', { name: "HA backups of this instance's group" })
    const row = table.getByRole('row', { name: new RegExp(backupName) })
    await expect(row).toBeVisible()
    await expect(row).toContainText('COMPLETED', { timeout: 60_000 })
    // The cloud lists it under the group (`/ha/{id}/backups`).
    const listed = await request.get(`${s.trove()}/ha/${id}/backups`, { headers })
    expect(listed.status()).toBe(200)
    const names = ((await listed.json()) as { backups: { name: string }[] }).backups.map(
      (b) => b.name,
    )
    expect(names).toContain(backupName)
    await expectNoSeriousA11yViolations(page, 'instance backups tab with HA backups')

    // Row actions by keyboard: Restore opens the launch form restoring from this backup.
    const actions = section.getByRole('button', { name: `Actions for ${backupName}` })
    await actions.focus()
    await page.keyboard.press('Enter')
    await page.getByRole('menuitem', { name: 'Restore' }).click()
    await expect(page).toHaveURL(/\/instances\/new\?.*restoreFrom=/)
    expect(new URL(page.url()).searchParams.get('restoreFrom')).toMatch(/^[0-9a-f-]{36}$/)
    await page.goBack()

    // Delete from the row menu: Cancel gives focus back to the row's actions button.
    await actions.click()
    await page.getByRole('menuitem', { name: 'Delete' }).click()
    const confirm = page.getByRole('dialog', { name: `Delete backup ${backupName}?` })
    await confirm.getByRole('button', { name: 'Cancel' }).click()
    await expect(confirm).toBeHidden()
    await expect(actions).toBeFocused()
    await actions.click()
    await page.getByRole('menuitem', { name: 'Delete' }).click()
    await confirm.getByRole('button', { name: 'Delete backup' }).click()
    await expect(row).toHaveCount(0, { timeout: 30_000 })
  } finally {
    if (replicaId) await apiDeleteInstance(request, s, replicaId)
    await apiDeleteInstance(request, s, id)
  }
})
