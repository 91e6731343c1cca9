import { expect, test } from '@playwright/test'
import { E2E_PORT } from '../playwright.config'
import { expectNoSeriousA11yViolations } from './support/axe'
import {
  apiCreateInstance,
  apiDeleteInstance,
  apiLogin,
  apiWaitStatus,
  login,
  uniqueName,
} from './support/cloud'
import { ownServer } from './support/own-server'
import { onReference } from './support/target'

/**
 * Issue 16 point 3: admin actions report like tenant ones (toast, task tray, polling until the
 * instance settles), buttons say why they are disabled, the migrate host is picked from the
 * hosts the cloud reports, and the all-projects list reads server pages.
 */

test('admin reboot: toast and tray entry that settles; a disabled button says why; migrate picks a host', async ({
  page,
  request,
}) => {
  test.setTimeout(150_000)
  const demo = await apiLogin(request, 'demo')
  const name = uniqueName('e2e-act')
  const id = await apiCreateInstance(request, demo, name)
  try {
    await apiWaitStatus(request, demo, id)
    await login(page, 'admin')
    await page.goto(`/admin/instances/${id}`)
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible()
    await expect(page.getByText('No tasks for the instance.')).toBeVisible()

    // Nothing to reset: the button stays focusable and says why (tooltip and description).
    const reset = page.getByRole('button', { name: 'Reset task status', exact: true })
    await expect(reset).toHaveAttribute('aria-disabled', 'true')
    await expect(reset).toHaveAccessibleDescription(
      'No task is running: the task status is already NONE.',
    )
    await reset.focus()
    await expect(page.getByRole('tooltip')).toContainText('No task is running')
    await reset.dispatchEvent('click')
    await expect(page.getByRole('alertdialog')).toHaveCount(0)
    await expectNoSeriousA11yViolations(page, 'admin instance actions')

    // Reboot: the dialog shows its CLI twin; then a tray entry, followed until it settles.
    await page.getByRole('button', { name: 'Reboot', exact: true }).click()
    const dialog = page.getByRole('alertdialog', { name: 'Reboot the instance?' })
    await dialog.getByTestId('cli-twin').locator('summary').click()
    await expect(dialog.getByTestId('cli-twin-openstack')).toHaveText(
      `openstack database instance reboot ${id}`,
    )
    await dialog.getByRole('button', { name: 'Confirm reboot', exact: true }).click()
    await expect(dialog).toHaveCount(0)
    // The tray counts it at once (it may settle before the next look: the reboot is quick).
    await expect(
      page.getByRole('button', { name: /^Tasks: (1 running|none running)$/ }),
    ).toBeVisible()
    await page.getByRole('button', { name: /^Tasks/ }).click()
    const tray = page.getByRole('region', { name: 'Tasks' })
    await expect(tray.getByText(`Reboot ${name} (admin)`)).toBeVisible()
    await expect(tray.getByText(`Done: ${name} is ACTIVE`)).toBeVisible({ timeout: 30_000 })
    await expect(page.getByText(`${name} is ACTIVE`, { exact: true }).first()).toBeVisible()
    await expect(tray.getByRole('link', { name: `Open ${name} (admin)` })).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.getByText('No tasks for the instance.')).toBeVisible()

    // Migrate: the host comes from the cloud's list (GET /mgmt/hosts), not from typing.
    const hostRow = page.locator('dt', { hasText: 'Compute host' }).locator('xpath=..')
    const from = (await hostRow.locator('dd').textContent())?.trim() ?? ''
    await page.getByRole('button', { name: 'Cold migrate', exact: true }).click()
    const migrate = page.getByRole('alertdialog', { name: 'Cold migrate the instance?' })
    if (onReference) {
      // Real Trove 18 has no GET /mgmt/hosts: the dialog says so, offers a typed host, and an
      // empty one lets the cloud pick.
      await expect(migrate.getByRole('textbox', { name: 'Target host' })).toBeVisible()
      await expect(migrate).toContainText('This cloud does not list its compute hosts')
      await expect(migrate).toContainText(`It runs on ${from} now.`)
      await migrate.getByTestId('cli-twin').locator('summary').click()
      await expect(migrate.getByTestId('cli-twin-no-openstack')).toContainText(
        'no command for the admin action migrate',
      )
      await expectNoSeriousA11yViolations(page, 'migrate dialog, typed host')
      await migrate.getByRole('button', { name: 'Confirm cold migrate', exact: true }).click()
      await expect(migrate).toHaveCount(0)
      await page.getByRole('button', { name: /^Tasks/ }).click()
      await expect(tray.getByText(`Migrate ${name} (admin)`)).toBeVisible()
      await expect(tray.getByText(`Done: ${name} is ACTIVE`)).toHaveCount(2, { timeout: 60_000 })
      return
    }
    const hosts = migrate.getByRole('combobox', { name: 'Target host' })
    await expect(hosts).toBeVisible()
    const options = (await hosts.locator('option').allTextContents()).slice(1)
    expect(options.length).toBeGreaterThan(0)
    expect(options.some((o) => o.startsWith(from))).toBe(false)
    const to = (options[0] ?? '').split(' ')[0] ?? ''
    await hosts.selectOption(to)
    // No openstack command migrates to a host: the twin says so and shows curl.
    await migrate.getByTestId('cli-twin').locator('summary').click()
    await expect(migrate.getByTestId('cli-twin-no-openstack')).toContainText(
      'no command for the admin action migrate',
    )
    await expect(migrate.getByTestId('cli-twin-curl')).toContainText(`"host":"${to}"`)
    await expectNoSeriousA11yViolations(page, 'migrate dialog')
    await migrate.getByRole('button', { name: 'Confirm cold migrate', exact: true }).click()
    await expect(migrate).toHaveCount(0)
    await page.getByRole('button', { name: /^Tasks/ }).click()
    await expect(tray.getByText(`Migrate ${name} to ${to} (admin)`)).toBeVisible()
    await expect(tray.getByText(`Done: ${name} is ACTIVE`)).toHaveCount(2, { timeout: 60_000 })
    await page.keyboard.press('Escape')
    await expect(hostRow.locator('dd')).toHaveText(to, { timeout: 30_000 })
  } finally {
    await apiDeleteInstance(request, demo, id)
  }
})

test.describe('all-projects list at scale', () => {
  const port = E2E_PORT + 9
  const server = ownServer(port, '1', ['--demo-instances', '1200'])
  test.use({ baseURL: `http://127.0.0.1:${port}` })
  test.beforeAll(async () => {
    await server.start(false)
  })
  test.afterAll(async () => {
    await server.stop()
  })

  test('reads the list a page at a time from the server, and the next page on request', async ({
    page,
  }) => {
    test.setTimeout(120_000)
    const reads: string[] = []
    page.on('request', (r) => {
      if (/\/mgmt\/instances\?/.test(r.url())) reads.push(new URL(r.url()).search)
    })
    await login(page, 'admin')
    await page.goto('/admin/instances')
    const count = page.getByTestId('admin-instances-count')
    await expect(count).toHaveText('500 instances read so far (newest first); more on the server')
    expect(reads).toHaveLength(1)
    expect(reads[0]).toMatch(/limit=500/)
    expect(reads[0]).not.toMatch(/marker=/)
    // Virtual rows: the DOM holds what is on screen, not 500 rows.
    const rows = await page
      .getByRole('table', { name: 'Instances of all projects' })
      .getByRole('row')
      .count()
    expect(rows).toBeLessThan(80)
    await expectNoSeriousA11yViolations(page, 'all instances, paged')

    await page.getByRole('button', { name: 'Read 500 more' }).click()
    await expect(count).toHaveText('1,000 instances read so far (newest first); more on the server')
    expect(reads[1]).toMatch(/marker=/)
    await page.getByRole('button', { name: 'Read 500 more' }).click()
    await expect(count).toHaveText(/^1,2\d\d instances$/)
    await expect(page.getByRole('button', { name: 'Read 500 more' })).toHaveCount(0)
  })
})
