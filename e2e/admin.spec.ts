import {
  expect,
  test,
  type APIRequestContext,
  type Browser,
  type Page,
  type TestInfo,
} from '@playwright/test'
import { expectNoSeriousA11yViolations } from './support/axe'
import {
  apiCreateInstance,
  apiLogin,
  apiWaitStatus,
  deleteAfterEach,
  login,
  uniqueName,
} from './support/cloud'
import { versionOptions as launchVersionOptions } from './support/launch'
import { CLOUD_WIDE_TAG } from './support/target'

type ApiSession = Awaited<ReturnType<typeof apiLogin>>

const ADMIN_401 = { unauthorized: { code: 401, message: 'User does not have admin privileges.' } }
const UUID = '11111111-2222-3333-4444-555555555555'

/** A second, independent browser session (the tenant watching what the admin changes). */
async function tenantPage(browser: Browser, testInfo: TestInfo, user = 'demo'): Promise<Page> {
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    bypassCSP: true,
  })
  const page = await context.newPage()
  await login(page, user)
  return page
}

/** The admin instance page's status badges: public status and operating status, side by side. */
async function expectStatus(page: Page, status: string, operating: string, timeout?: number) {
  await expect(page.getByTestId('instance-status')).toHaveText(status, { timeout })
  await expect(page.getByTestId('operating-status')).toHaveText(operating, { timeout })
}

async function mysqlVersionId(request: APIRequestContext, admin: ApiSession, name: string) {
  const res = await request.get(`${admin.trove()}/mgmt/datastore-versions`, {
    headers: { 'X-Auth-Token': admin.token },
  })
  const body = (await res.json()) as {
    versions: { id: string; name: string; datastore_name: string }[]
  }
  return body.versions.find((v) => v.datastore_name === 'mysql' && v.name === name)?.id ?? ''
}

/** Instances this spec creates: deleted after each test (a reused cloud keeps them). */
const created = deleteAfterEach()

test('a member is refused every /mgmt endpoint with 401, sees no admin link, and /admin explains', async ({
  page,
  request,
}) => {
  const demo = await apiLogin(request, 'demo')
  const alt = await apiLogin(request, 'alt')
  const admin = await apiLogin(request, 'admin')
  const inst = created('demo', await apiCreateInstance(request, demo, uniqueName('e2e-walk')))
  const version = await mysqlVersionId(request, admin, '5.7')
  const param = {
    'configuration-parameter': { name: 'x', data_type: 'string', restart_required: 0 },
  }
  const walk: [string, string, unknown?][] = [
    ['GET', '/mgmt/instances'],
    ['GET', `/mgmt/instances/${inst}`],
    ['GET', `/mgmt/instances/${inst}/root`],
    ['POST', `/mgmt/instances/${inst}/action`, { stop: {} }],
    ['POST', `/mgmt/instances/${inst}/action`, { reboot: {} }],
    ['POST', `/mgmt/instances/${inst}/action`, { migrate: { host: 'compute-002' } }],
    ['POST', `/mgmt/instances/${inst}/action`, { 'reset-task-status': {} }],
    ['POST', `/mgmt/instances/${inst}/action`, { rebuild: { image_id: UUID } }],
    ['GET', '/mgmt/datastore-versions'],
    ['GET', `/mgmt/datastore-versions/${version}`],
    // Schema-valid bodies: real Trove validates the body before it checks the role.
    [
      'POST',
      '/mgmt/datastore-versions',
      {
        version: {
          name: 'walk',
          datastore_name: 'mysql',
          datastore_manager: 'mysql',
          image_tags: ['trove'],
          active: true,
        },
      },
    ],
    ['PATCH', `/mgmt/datastore-versions/${version}`, { active: false }],
    ['DELETE', `/mgmt/datastore-versions/${version}`],
    ['GET', `/mgmt/datastores/versions/${version}/parameters`],
    ['GET', `/mgmt/datastores/versions/${version}/parameters/max_connections`],
    ['POST', `/mgmt/datastores/versions/${version}/parameters`, param],
    ['PUT', `/mgmt/datastores/versions/${version}/parameters/max_connections`, param],
    ['DELETE', `/mgmt/datastores/versions/${version}/parameters/max_connections`],
    ['PUT', `/mgmt/quotas/${demo.projectId}`, { quotas: { instances: 100 } }],
  ]
  for (const [method, path, data] of walk) {
    const res = await request.fetch(`${demo.trove()}${path}`, {
      method,
      headers: { 'X-Auth-Token': demo.token },
      ...(data === undefined ? {} : { data }),
    })
    expect({ method, path, status: res.status(), body: await res.json() }).toEqual({
      method,
      path,
      status: 401,
      body: ADMIN_401,
    })
  }
  // A member reads only their own quota; another project's is a 403.
  const own = await request.get(`${demo.trove()}/mgmt/quotas/${demo.projectId}`, {
    headers: { 'X-Auth-Token': demo.token },
  })
  expect(own.status()).toBe(200)
  const other = await request.get(`${demo.trove()}/mgmt/quotas/${alt.projectId}`, {
    headers: { 'X-Auth-Token': demo.token },
  })
  expect(other.status()).toBe(403)
  const allBackups = await request.get(`${demo.trove()}/backups?all_projects=true`, {
    headers: { 'X-Auth-Token': demo.token },
  })
  expect(allBackups.status()).toBe(403)

  await login(page, 'demo')
  const nav = page.getByRole('navigation', { name: /main|primary|sections/i }).first()
  await expect(page.getByRole('link', { name: 'Instances', exact: true }).first()).toBeVisible()
  await expect(page.getByRole('link', { name: 'Admin', exact: true })).toHaveCount(0)
  void nav
  await page.goto('/admin')
  await expect(
    page.getByRole('heading', { name: 'This page is for cloud administrators' }),
  ).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'admin refused to a member')
  await page.goto('/admin/instances')
  await expect(
    page.getByRole('heading', { name: 'This page is for cloud administrators' }),
  ).toBeVisible()

  // A session that still claims the admin role (revoked since sign-in): the cloud's 401 says
  // "needs an administrator", and it is not taken for an expired session.
  await page.evaluate(() => {
    const key = 'dbaas-console.session'
    const s = JSON.parse(localStorage.getItem(key) ?? '{}') as { roles?: string[] }
    localStorage.setItem(key, JSON.stringify({ ...s, roles: [...(s.roles ?? []), 'admin'] }))
  })
  await page.goto('/admin/instances')
  await expect(page.getByRole('heading', { name: 'This needs an administrator' })).toBeVisible()
  await expect(page.getByRole('dialog', { name: /session has expired/i })).toHaveCount(0)
  await page.goto('/instances')
  await expect(page.getByRole('heading', { name: 'Instances', level: 1 })).toBeVisible()
  await expect(page.getByRole('dialog', { name: /session has expired/i })).toHaveCount(0)
})

test('admin: every project instance, detail, and a reboot followed until it settles', async ({
  page,
  request,
}) => {
  const demo = await apiLogin(request, 'demo')
  const alt = await apiLogin(request, 'alt')
  const prefix = uniqueName('e2e-adm')
  const fromDemo = created('demo', await apiCreateInstance(request, demo, `${prefix}-demo`))
  created('alt', await apiCreateInstance(request, alt, `${prefix}-alt`))

  await login(page, 'admin')
  await expect(page.getByRole('link', { name: 'Admin', exact: true })).toBeVisible()
  await page.getByRole('link', { name: 'Admin', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Admin', level: 1 })).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'admin overview')

  await page
    .getByRole('navigation', { name: 'Admin sections' })
    .getByRole('link', { name: 'All instances' })
    .click()
  await expect(page.getByRole('heading', { name: 'All instances', level: 1 })).toBeVisible()
  await page.getByRole('searchbox', { name: 'Filter' }).fill(prefix)
  const table = page.getByRole('table', { name: 'Instances of all projects' })
  // The project cell names the project, with its id on hover.
  await expect(
    table
      .getByRole('row', { name: new RegExp(`${prefix}-demo\\b.*\\bdemo\\b`) })
      .locator(`[data-identity-kind="project"][data-identity-id="${demo.projectId}"]`),
  ).toBeVisible()
  // The project cell names the project, with its id on hover.
  await expect(
    table
      .getByRole('row', { name: new RegExp(`${prefix}-alt\\b.*\\balt\\b`) })
      .locator(`[data-identity-kind="project"][data-identity-id="${alt.projectId}"]`),
  ).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'admin instances')

  // Filter by project (picked by id here; the picker shows its name): the cloud answers only alt's.
  const projectPicker = page.getByRole('combobox', { name: 'Project' })
  await projectPicker.fill(alt.projectId)
  await projectPicker.press('Enter')
  await expect(page).toHaveURL(new RegExp(`project=${alt.projectId}`))
  await expect(projectPicker).toHaveValue('alt')
  await expect(table.getByRole('link', { name: `${prefix}-alt` })).toBeVisible()
  await expect(table.getByRole('link', { name: `${prefix}-demo` })).toHaveCount(0)
  await projectPicker.fill('')
  await projectPicker.press('Enter')
  await expect(projectPicker).toHaveValue('All projects')

  await apiWaitStatus(request, demo, fromDemo)
  await table.getByRole('link', { name: `${prefix}-demo` }).click()
  await expect(page.getByRole('heading', { name: `${prefix}-demo`, level: 1 })).toBeVisible()
  await expectStatus(page, 'ACTIVE', 'HEALTHY')
  await expect(page.getByText('Root has never been enabled on this instance.')).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'admin instance detail')

  await page.getByRole('button', { name: 'Reboot', exact: true }).click()
  await expect(page.getByRole('alertdialog', { name: 'Reboot the instance?' })).toBeVisible()
  await page.getByRole('button', { name: 'Confirm reboot', exact: true }).click()
  await expect(page.getByText('Rebooting the instance.', { exact: true })).toBeVisible()
  await expectStatus(page, 'ACTIVE', 'HEALTHY', 30_000)
  await expect(page.getByText('No tasks for the instance.')).toBeVisible()

  // Stop: the database is shut down at once; the server stays ACTIVE.
  await page.getByRole('button', { name: 'Stop database', exact: true }).click()
  await page.getByRole('button', { name: 'Confirm stop database', exact: true }).click()
  await expectStatus(page, 'ACTIVE', 'SHUTDOWN')

  // Rebuild validates the image id before sending.
  await page.getByRole('button', { name: 'Rebuild', exact: true }).click()
  await page.getByRole('combobox', { name: /^Image/ }).selectOption('other')
  await page.getByRole('textbox', { name: 'Image id' }).fill('not-an-id')
  await page.getByRole('button', { name: 'Confirm rebuild', exact: true }).click()
  await expect(page.getByText('Enter the image id as a UUID')).toBeVisible()
  await page.getByRole('button', { name: 'Cancel', exact: true }).click()
})

// Tagged: every tenant's launch form and version lists show the version while it exists.
test(`admin: register, deactivate and delete a datastore version; the launch form follows ${CLOUD_WIDE_TAG}`, async ({
  page,
  browser,
}, testInfo) => {
  const name = uniqueName('e2e-v')
  await login(page, 'admin')
  await page.goto('/admin/datastore-versions')
  await expect(page.getByRole('heading', { name: 'Datastore versions', level: 1 })).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'datastore versions')

  await page.getByRole('button', { name: 'Register version', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Register a datastore version' })
  await dialog.getByRole('button', { name: 'Register version', exact: true }).click()
  await expect(dialog.getByText('Enter the datastore name.')).toBeVisible()
  await dialog.getByRole('textbox', { name: /^Datastore name/ }).fill('mysql')
  await dialog.getByRole('textbox', { name: /^Datastore manager/ }).fill('mysql')
  await dialog.getByRole('textbox', { name: /^Version name/ }).fill(name)
  await dialog.getByRole('textbox', { name: /^Version number/ }).fill('5.7.30')
  await dialog.getByRole('button', { name: 'Register version', exact: true }).click()
  await expect(dialog.getByText('Give an image id or at least one image tag.')).toBeVisible()
  // The form focuses its first invalid field (Image id) after the refusal: wait for it, or the
  // text typed next can land there when the focus moves in the middle of the fill.
  await expect(dialog.getByRole('textbox', { name: /^Image id/ })).toBeFocused()
  await dialog.getByRole('textbox', { name: /^Image tags/ }).fill('trove')
  await dialog.getByRole('button', { name: 'Register version', exact: true }).click()
  await expect(dialog).toHaveCount(0)
  const link = page.getByRole('link', { name: `mysql ${name}` })
  await expect(link).toBeVisible()

  const tenant = await tenantPage(browser, testInfo)
  const versionOptions = async () => {
    await tenant.goto('/instances/new')
    await tenant.getByRole('radio', { name: /^mysql\b/ }).check()
    return launchVersionOptions(tenant)
  }
  expect((await versionOptions()).filter((v) => v === name)).toHaveLength(1)

  await link.click()
  await expect(page.getByRole('heading', { name: `mysql ${name}`, level: 1 })).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'datastore version detail')
  await page.getByRole('checkbox', { name: /^Active/ }).uncheck()
  await page.getByRole('button', { name: 'Save version', exact: true }).click()
  await expect(page.getByText('Saved. Tenants see the change at once.')).toBeVisible()
  // The status badge (the form's checkbox label also reads "Active").
  await expect(page.locator('span').filter({ hasText: /^Inactive$/ })).toBeVisible()
  expect((await versionOptions()).filter((v) => v === name)).toHaveLength(0)

  await page.getByRole('checkbox', { name: /^Active/ }).check()
  await page.getByRole('button', { name: 'Save version', exact: true }).click()
  await expect(page.locator('span').filter({ hasText: /^Active$/ })).toBeVisible()
  expect((await versionOptions()).filter((v) => v === name)).toHaveLength(1)

  await page.getByRole('button', { name: 'Delete version', exact: true }).click()
  const confirmDelete = page.getByRole('alertdialog')
  await confirmDelete.getByRole('textbox', { name: 'Type the version name to confirm' }).fill(name)
  await confirmDelete.getByRole('button', { name: 'Delete version', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Datastore versions', level: 1 })).toBeVisible()
  await expect(page.getByRole('link', { name: `mysql ${name}` })).toHaveCount(0)
  expect((await versionOptions()).filter((v) => v === name)).toHaveLength(0)
  await tenant.context().close()
})

test('admin: register a parameter with validation; the tenant configuration form offers it', async ({
  page,
  request,
  browser,
}, testInfo) => {
  const admin = await apiLogin(request, 'admin')
  const version = await mysqlVersionId(request, admin, '5.7')
  const param = `e2e_p_${Date.now().toString(36)}`
  await login(page, 'admin')
  await page.goto(`/admin/datastore-versions/${version}`)
  await expect(page.getByRole('heading', { name: 'mysql 5.7', level: 1 })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Configuration parameters' })).toBeVisible()

  await page.getByRole('button', { name: 'Register parameter', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Register a parameter' })
  await dialog.getByRole('textbox', { name: /^Name/ }).fill(param)
  await dialog.getByRole('textbox', { name: /^Minimum/ }).fill('10')
  await dialog.getByRole('textbox', { name: /^Maximum/ }).fill('5')
  await dialog.getByRole('button', { name: 'Register parameter', exact: true }).click()
  await expect(
    dialog.getByText('The maximum must be greater than or equal to the minimum.'),
  ).toBeVisible()
  await dialog.getByRole('textbox', { name: /^Maximum/ }).fill('50')
  await dialog.getByRole('button', { name: 'Register parameter', exact: true }).click()
  await expect(dialog).toHaveCount(0)
  await page.getByRole('searchbox', { name: 'Filter' }).fill(param)
  const row = page.getByRole('row', { name: new RegExp(`${param}.*integer.*10.*50`) })
  await expect(row).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'parameters')

  const tenant = await tenantPage(browser, testInfo)
  await tenant.goto('/configurations/new')
  await expect(tenant.getByRole('combobox', { name: 'Version', exact: true })).toBeEnabled()
  await tenant.getByRole('combobox', { name: 'Version', exact: true }).selectOption(version)
  const search = tenant.getByRole('searchbox', { name: 'Find a parameter to set' })
  await search.fill(param)
  await expect(tenant.getByRole('button', { name: `Add ${param}` })).toBeVisible()
  await tenant.context().close()

  await page.getByRole('button', { name: `Actions for ${param}`, exact: true }).click()
  await page.getByRole('menuitem', { name: 'Delete', exact: true }).click()
  await page
    .getByRole('alertdialog')
    .getByRole('button', { name: 'Delete parameter', exact: true })
    .click()
  await expect(page.getByRole('row', { name: new RegExp(param) })).toHaveCount(0)
})

test('admin: edit a project quota with validation', async ({ page, request }) => {
  const alt = await apiLogin(request, 'alt')
  const admin = await apiLogin(request, 'admin')
  const quotaUrl = `${admin.trove()}/mgmt/quotas/${alt.projectId}`
  const before = (await (
    await request.get(quotaUrl, { headers: { 'X-Auth-Token': admin.token } })
  ).json()) as { quotas: { resource: string; limit: number }[] }
  const backups = before.quotas.find((q) => q.resource === 'backups')?.limit ?? 50

  await login(page, 'admin')
  await page.goto(`/admin/quotas?project=${alt.projectId}`)
  await expect(page.getByRole('heading', { name: 'Quotas', level: 1 })).toBeVisible()
  const table = page.getByRole('table', { name: 'Quota of project alt' })
  await expect(table).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'quotas')

  const limit = table.getByRole('textbox', { name: 'Limit for backups' })
  await limit.fill('-5')
  await page.getByRole('button', { name: 'Save limits', exact: true }).click()
  await expect(page.getByText('The limit must be at least -1 (unlimited).')).toBeVisible()
  await limit.fill(String(backups + 7))
  await page.getByRole('button', { name: 'Save limits', exact: true }).click()
  await expect(page.getByText(`Saved: backups ${backups + 7}.`)).toBeVisible()
  const after = (await (
    await request.get(quotaUrl, { headers: { 'X-Auth-Token': admin.token } })
  ).json()) as { quotas: { resource: string; limit: number }[] }
  expect(after.quotas.find((q) => q.resource === 'backups')?.limit).toBe(backups + 7)
  await request.put(quotaUrl, {
    headers: { 'X-Auth-Token': admin.token },
    data: { quotas: { backups } },
  })
})

test('admin: backups of all projects', async ({ page, request }) => {
  const alt = await apiLogin(request, 'alt')
  const inst = created('alt', await apiCreateInstance(request, alt, uniqueName('e2e-bk')))
  await apiWaitStatus(request, alt, inst)
  const name = uniqueName('e2e-allbk')
  const res = await request.post(`${alt.trove()}/backups`, {
    headers: { 'X-Auth-Token': alt.token },
    data: { backup: { name, instance: inst } },
  })
  expect(res.status()).toBe(202)
  created('alt', ((await res.json()) as { backup: { id: string } }).backup.id, 'backups')

  await login(page, 'admin')
  await page.goto('/admin/backups')
  await expect(page.getByRole('heading', { name: 'All backups', level: 1 })).toBeVisible()
  const table = page.getByRole('table', { name: 'Backups of all projects' })
  await expect(table.getByRole('row', { name: new RegExp(`${name}.*alt`) })).toBeVisible()
  await expect(table.getByRole('row', { name: new RegExp(`${name}.*COMPLETED`) })).toBeVisible({
    timeout: 30_000,
  })
  await expectNoSeriousA11yViolations(page, 'all backups')
})
