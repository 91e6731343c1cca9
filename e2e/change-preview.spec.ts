import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
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

// Issue 17 §3: the change preview in the instance dialogs, and safe delete.

type ApiSession = Awaited<ReturnType<typeof apiLogin>>

interface ListedBackup {
  id: string
  name: string
  status: string
  instance_id: string | null
}

async function backupsNamed(request: APIRequestContext, s: ApiSession, prefix: string) {
  const res = await request.get(`${s.trove()}/backups`, { headers: { 'X-Auth-Token': s.token } })
  const body = (await res.json()) as { backups: ListedBackup[] }
  return body.backups.filter((b) => b.name.startsWith(prefix))
}

async function deleteBackups(request: APIRequestContext, s: ApiSession, prefix: string) {
  for (const b of await backupsNamed(request, s, prefix)) {
    await request.delete(`${s.trove()}/backups/${b.id}`, { headers: { 'X-Auth-Token': s.token } })
  }
}

async function instanceStatus(request: APIRequestContext, s: ApiSession, id: string) {
  const res = await request.get(`${s.trove()}/instances/${id}`, {
    headers: { 'X-Auth-Token': s.token },
  })
  if (res.status() === 404) return 'GONE'
  return ((await res.json()) as { instance: { status: string } }).instance.status
}

/**
 * An ACTIVE source and its ACTIVE replica (named `<source>-r`) for `run`; both deleted after it.
 * A replica names only its source (Trove refuses a flavor, volume or datastore).
 */
async function withReplicaSet(
  request: APIRequestContext,
  s: ApiSession,
  prefix: string,
  run: (set: { id: string; source: string; replicaId: string; replica: string }) => Promise<void>,
) {
  const source = uniqueName(prefix)
  const replica = `${source}-r`
  const id = await apiCreateInstance(request, s, source)
  let replicaId: string | undefined
  try {
    await apiWaitStatus(request, s, id)
    replicaId = await apiCreateInstance(request, s, replica, {
      replica_of: id,
      flavorRef: undefined,
      volume: undefined,
      datastore: undefined,
    })
    await apiWaitStatus(request, s, replicaId)
    await run({ id, source, replicaId, replica })
  } finally {
    if (replicaId) await apiDeleteInstance(request, s, replicaId)
    await apiDeleteInstance(request, s, id)
  }
}

async function openDelete(page: Page, id: string, name: string) {
  await page.goto(`/instances/${id}`)
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  const dialog = page.getByRole('alertdialog', { name: `Delete ${name}?` })
  await expect(dialog.getByTestId('change-preview')).toBeVisible()
  return dialog
}

test('delete with a final backup: the backup is COMPLETED, then the instance is gone', async ({
  page,
  request,
}) => {
  test.skip(onReference, REFERENCE_GAPS.noGuestLogs) // backups need object storage too
  test.setTimeout(150_000)
  const s = await apiLogin(request, 'demo')
  const name = uniqueName('e2e-final')
  const id = await apiCreateInstance(request, s, name)
  try {
    await apiWaitStatus(request, s, id)
    await login(page, 'demo')
    const dialog = await openDelete(page, id, name)
    const preview = dialog.getByTestId('change-preview')
    // Backups on delete (Trove keeps them), the quota it frees, no recent backup.
    await expect(preview.locator('[data-consequence="backups"]')).toContainText(
      `${name} has no backup`,
    )
    await expect(preview.getByRole('list', { name: 'Quota change' })).toContainText('Instances −1')
    await expect(preview.locator('[data-consequence="no-recent-backup"]')).toContainText(
      'No backup in the last 24 h',
    )
    // A private instance without replicas: no name to type.
    await expect(dialog.getByLabel('Type the instance name to confirm')).toHaveCount(0)
    await dialog.getByLabel('Take a final backup first').check()
    await expectNoSeriousA11yViolations(page, 'delete dialog with final backup')
    await dialog.getByRole('button', { name: 'Back up, then delete' }).click()
    await expect(dialog).toBeHidden()
    // The tray owns the rest: leave the page.
    await page.goto('/backups')
    await expect
      .poll(() => instanceStatus(request, s, id), { timeout: 90_000, intervals: [1000] })
      .toBe('GONE')
    const backups = await backupsNamed(request, s, `${name}-final-`)
    expect(backups.map((b) => [b.status, b.instance_id])).toEqual([['COMPLETED', id]])
    // Told in the tray (and a toast): the backup, then the delete.
    await page.getByRole('button', { name: /^Tasks/ }).click()
    const tray = page.getByRole('region', { name: 'Tasks' })
    await expect(tray.getByText(`Delete ${name}`, { exact: true })).toBeVisible({
      timeout: 30_000,
    })
    await expect(tray.getByText(`then delete ${name}`)).toBeVisible()
  } finally {
    await apiDeleteInstance(request, s, id)
    await deleteBackups(request, s, `${name}-final-`)
  }
})

test('delete with a final backup that fails: the instance is kept and the user is told', async ({
  page,
  request,
}) => {
  test.skip(onReference, REFERENCE_GAPS.embeddedOnly)
  test.setTimeout(150_000)
  const s = await apiLogin(request, 'demo')
  // Failure injection (embedded cloud): every backup of an instance named *FAIL_BACKUP fails.
  const name = uniqueName('e2e-keep').concat('-FAIL_BACKUP')
  const id = await apiCreateInstance(request, s, name)
  try {
    await apiWaitStatus(request, s, id)
    await login(page, 'demo')
    const dialog = await openDelete(page, id, name)
    await dialog.getByLabel('Take a final backup first').check()
    await dialog.getByRole('button', { name: 'Back up, then delete' }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByText(`${name} was kept, not deleted`).first()).toBeVisible({
      timeout: 90_000,
    })
    const backups = await backupsNamed(request, s, `${name}-final-`)
    expect(backups.map((b) => b.status)).toEqual(['FAILED'])
    await expect.poll(() => instanceStatus(request, s, id), { timeout: 30_000 }).toBe('ACTIVE')
    // It stays: a few seconds later it is still there.
    await page.waitForTimeout(3000)
    expect(await instanceStatus(request, s, id)).toBe('ACTIVE')
  } finally {
    await apiDeleteInstance(request, s, id)
    await deleteBackups(request, s, `${name}-final-`)
  }
})

test('a public instance needs its name typed; resize shows the quota delta', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000)
  const s = await apiLogin(request, 'demo')
  const name = uniqueName('e2e-pub')
  const id = await apiCreateInstance(request, s, name, { access: { is_public: true } })
  try {
    await apiWaitStatus(request, s, id)
    await login(page, 'demo')
    const dialog = await openDelete(page, id, name)
    const confirm = dialog.getByRole('button', { name: 'Delete', exact: true })
    await expect(confirm).toBeDisabled()
    await dialog.getByLabel('Type the instance name to confirm').fill(`${name}x`)
    await expect(confirm).toBeDisabled()
    await dialog.getByLabel('Type the instance name to confirm').fill(name)
    await expect(confirm).toBeEnabled()
    await dialog.getByRole('button', { name: 'Cancel' }).click()

    await page.getByRole('button', { name: 'Resize volume' }).click()
    const resize = page.getByRole('dialog', { name: `Resize the volume of ${name}` })
    await resize.getByLabel(/new size/i).fill('5')
    const quota = resize.getByRole('list', { name: 'Quota change' })
    await expect(quota).toContainText('Volume storage +3 GB')
    await expect(resize.locator('[data-consequence="outage"]')).toContainText(
      /Expected length|Usually/,
    )
    await expectNoSeriousA11yViolations(page, 'resize volume dialog with preview')
    await resize.getByRole('button', { name: 'Cancel' }).click()

    await page.getByRole('button', { name: 'Resize flavor' }).click()
    const flavor = page.getByRole('dialog', { name: `Resize ${name}` })
    const select = flavor.getByRole('combobox', { name: 'New flavor' })
    await expect(select.locator('option')).not.toHaveCount(1)
    await select.selectOption({ index: 1 })
    await expect(flavor.getByRole('list', { name: 'Quota change' })).toContainText(/RAM [+−]\d+ MB/)
    await flavor.getByRole('button', { name: 'Cancel' }).click()
  } finally {
    await apiDeleteInstance(request, s, id)
  }
})

test('promote shows the replication set before and after', async ({ page, request }) => {
  test.skip(onReference, REFERENCE_GAPS.noReplication)
  test.setTimeout(150_000)
  const s = await apiLogin(request, 'demo')
  await withReplicaSet(request, s, 'e2e-psrc', async ({ id, source, replica }) => {
    await login(page, 'demo')
    await page.goto(`/instances/${id}/replication`)
    await page.getByRole('button', { name: `Actions for ${replica}`, exact: true }).click()
    await page.getByRole('menuitem', { name: 'Promote', exact: true }).click()
    const dialog = page.getByRole('alertdialog', { name: `Promote ${replica} to replica source?` })
    const before = dialog.getByRole('list', { name: 'Before: replication set' })
    const after = dialog.getByRole('list', { name: 'After: replication set' })
    await expect(before.getByRole('listitem')).toHaveText([`${source}source`, `${replica}replica`])
    await expect(after.getByRole('listitem')).toHaveText([`${replica}source`, `${source}replica`])
    await expectNoSeriousA11yViolations(page, 'promote dialog with topology')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
  })
})

/** With SHOTS_DIR set, saves the dialog at 1440 and 390 px, light and dark (for review). */
async function shots(page: Page, name: string) {
  const dir = process.env.SHOTS_DIR
  if (!dir) return
  const size = page.viewportSize()
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 })
      await page.screenshot({ path: `${dir}/${name}-${width}-${scheme}.png` })
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
  if (size) await page.setViewportSize(size)
}

test('rename, update access and bulk delete show their previews; bulk delete frees the quota of every selected instance', async ({
  page,
  request,
}) => {
  test.skip(onReference, REFERENCE_GAPS.notYetOnReference)
  test.setTimeout(180_000)
  const s = await apiLogin(request, 'demo')
  const name = uniqueName('e2e-pv-edit')
  const id = await apiCreateInstance(request, s, name)
  try {
    await apiWaitStatus(request, s, id)
    await login(page, 'demo')
    await page.goto(`/instances/${id}`)
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()

    // Rename: nothing restarts.
    await page.getByRole('button', { name: 'Rename' }).click()
    let dialog = page.getByRole('dialog')
    let preview = dialog.getByTestId('change-preview')
    await expect(preview.locator('[data-consequence="no-restart"]')).toContainText('No restart')
    await dialog.getByRole('button', { name: 'Cancel' }).click()

    // Update access: what becomes reachable follows the form.
    await page.getByRole('button', { name: 'Update access' }).click()
    dialog = page.getByRole('dialog')
    preview = dialog.getByTestId('change-preview')
    await expect(preview.locator('[data-consequence="access"]')).toContainText('Nothing changes')
    await dialog.getByRole('checkbox', { name: 'Public' }).check()
    const reach = preview.locator('[data-consequence="reachable"]')
    await expect(reach).toContainText('from the internet, from any address')
    await dialog.getByLabel('Allowed CIDRs').fill('203.0.113.0/24')
    await expect(reach).toContainText('from 203.0.113.0/24 only')
    await expect(preview.locator('[data-consequence="cidrs"]')).toContainText(
      'newly allowed 203.0.113.0/24',
    )
    await expectNoSeriousA11yViolations(page, 'update access dialog with its preview')
    await shots(page, 'update-access')
    await dialog.getByRole('button', { name: 'Cancel' }).click()

    // Bulk delete from the list: one preview; a private standalone instance types the count.
    await page.goto(`/instances?q=${encodeURIComponent(name)}`)
    await page.getByRole('checkbox', { name: `Select ${name}` }).check()
    await page
      .getByRole('region', { name: 'Selection' })
      .getByRole('button', { name: 'Delete' })
      .click()
    dialog = page.getByRole('alertdialog')
    preview = dialog.getByTestId('change-preview')
    await expect(preview.locator('[data-consequence="quota"]')).toContainText('Instances −1')
    await expect(preview.locator('[data-consequence="backups"]')).toContainText('It has no backup')
    await expectNoSeriousA11yViolations(page, 'bulk delete dialog with its preview')
    await shots(page, 'bulk-delete')
    await dialog.getByLabel('Type “1 instance” to confirm').fill('1 instance')
    await dialog.getByRole('button', { name: 'Delete 1 instance' }).click()
    await expect(dialog).toBeHidden({ timeout: 30_000 })
    await expect
      .poll(() => instanceStatus(request, s, id), { timeout: 60_000 })
      .toMatch(/GONE|SHUTDOWN/)
  } finally {
    await apiDeleteInstance(request, s, id)
  }
})

test('bulk delete of a source with its replica deletes the replica first, then the source once it is gone', async ({
  page,
  request,
}) => {
  test.skip(onReference, REFERENCE_GAPS.noReplication)
  test.setTimeout(240_000)
  const s = await apiLogin(request, 'demo')
  await withReplicaSet(request, s, 'e2e-bsrc', async ({ id, source, replicaId, replica }) => {
    await login(page, 'demo')
    await page.goto(`/instances?q=${encodeURIComponent(source)}`)
    // The source first in the selection: the dialog still deletes the replica before it.
    await page.getByRole('checkbox', { name: `Select ${source}`, exact: true }).check()
    await page.getByRole('checkbox', { name: `Select ${replica}`, exact: true }).check()
    await page
      .getByRole('region', { name: 'Selection' })
      .getByRole('button', { name: 'Delete' })
      .click()
    const dialog = page.getByRole('alertdialog')
    const preview = dialog.getByTestId('change-preview')
    await expect(preview.locator('[data-consequence="replicas-first"]')).toContainText(
      `Replicas are deleted first: ${source} is deleted once its selected replicas are gone`,
    )
    await expect(preview.locator('[data-consequence="replica-sources"]')).toHaveCount(0)
    await expectNoSeriousA11yViolations(page, 'bulk delete of a source and its replica')
    await shots(page, 'bulk-delete-replicas')
    const label = (await dialog.locator('label', { hasText: 'to confirm' }).textContent()) ?? ''
    const names = /“(.+)”/.exec(label)?.[1] ?? ''
    expect(names.split(', ').sort()).toEqual([source, replica].sort())
    await dialog.getByLabel(label).fill(names)
    await dialog.getByRole('button', { name: 'Delete 2 instances' }).click()
    // No refusal: the source's delete waited for its replica to be gone.
    await expect(dialog).toBeHidden({ timeout: 120_000 })
    for (const i of [replicaId, id])
      await expect
        .poll(() => instanceStatus(request, s, i), { timeout: 60_000 })
        .toMatch(/GONE|SHUTDOWN/)
  })
})
