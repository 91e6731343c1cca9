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

test('databases, users, access and root on an ACTIVE instance', async ({ page, request }) => {
  test.setTimeout(120_000)
  const s = await apiLogin(request, 'demo')
  const name = uniqueName('e2e-udb')
  const id = created('demo', await apiCreateInstance(request, s, name))
  await apiWaitStatus(request, s, id)

  await login(page, 'demo')
  await page.goto(`/instances/${id}/databases`)
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'No databases yet' })).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'databases tab (empty)')

  // Create a database with a character set and collation.
  await page.getByRole('button', { name: 'Create database' }).click()
  let dialog = page.getByRole('dialog')
  await dialog.getByRole('textbox', { name: 'Name' }).fill('appdb')
  await dialog.getByRole('combobox', { name: 'Character set' }).selectOption('utf8mb4')
  await dialog.getByRole('combobox', { name: 'Collation' }).selectOption('utf8mb4_unicode_ci')
  await expectNoSeriousA11yViolations(page, 'create database dialog')
  await dialog.getByRole('button', { name: 'Create database' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('cell', { name: 'appdb', exact: true })).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'databases tab')

  // Users tab.
  await page
    .getByRole('navigation', { name: 'Instance sections' })
    .getByRole('link', { name: 'Users' })
    .click()
  await expect(page).toHaveURL(new RegExp(`/instances/${id}/users`))
  await expect(page.getByRole('heading', { name: 'No users yet' })).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'users tab')

  // A bad name is refused by the form: nothing is sent.
  let posts = 0
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname.endsWith(`/instances/${id}/users`))
      posts++
  })
  await page.getByRole('button', { name: 'Create user' }).click()
  dialog = page.getByRole('dialog')
  await dialog.getByRole('textbox', { name: 'User name' }).fill('bad;name')
  await dialog.getByRole('button', { name: 'Generate' }).click()
  await expect(dialog.getByRole('textbox', { name: 'Password' })).not.toHaveValue('')
  await dialog.getByRole('button', { name: 'Create user' }).click()
  await expect(
    dialog.getByText('No quotes, ; ` , / or \\, and no spaces at the start or end.'),
  ).toBeVisible()
  await expect(dialog.getByRole('textbox', { name: 'User name' })).toHaveAttribute(
    'aria-invalid',
    'true',
  )
  await dialog.getByRole('textbox', { name: 'User name' }).fill('way_too_long_user_name')
  await dialog.getByRole('button', { name: 'Create user' }).click()
  await expect(dialog.getByText('At most 16 characters.')).toBeVisible()
  expect(posts).toBe(0)
  await expectNoSeriousA11yViolations(page, 'create user dialog with errors')

  // Fixed: a user with access to appdb.
  await dialog.getByRole('textbox', { name: 'User name' }).fill('appuser')
  await dialog.getByRole('checkbox', { name: 'appdb' }).check()
  await dialog.getByRole('button', { name: 'Create user' }).click()
  await expect(dialog).toBeHidden()
  expect(posts).toBe(1)
  const row = page.getByRole('row', { name: /appuser/ })
  await expect(row).toContainText('%')
  await expect(row.getByRole('list', { name: 'Databases of appuser' })).toContainText('appdb')

  // The cloud refuses the same bad name through the API (400, Trove's words).
  const refused = await request.post(`${s.trove()}/instances/${id}/users`, {
    headers: { 'X-Auth-Token': s.token },
    data: { users: [{ name: 'bad;name', password: 'pw' }] },
  })
  expect(refused.status()).toBe(400)
  expect(await refused.json()).toEqual({
    badRequest: { code: 400, message: "User create error: 'bad;name' is not a valid user name." },
  })

  // Revoke, then grant access again.
  await page.getByRole('button', { name: 'Actions for appuser@%' }).click()
  await page.getByRole('menuitem', { name: 'Database access' }).click()
  dialog = page.getByRole('dialog')
  await expectNoSeriousA11yViolations(page, 'access dialog')
  await dialog.getByRole('button', { name: 'Revoke access to appdb' }).click()
  await expect(dialog.getByText('No access')).toBeVisible()
  await dialog.getByRole('button', { name: 'Done' }).click()
  // The reference cloud's fake guest agent keeps revoked databases in the user list (its
  // GET /users/{name}/databases is right, as the dialog above showed).
  if (!onReference) await expect(row).toContainText('None')
  await page.getByRole('button', { name: 'Actions for appuser@%' }).click()
  await page.getByRole('menuitem', { name: 'Database access' }).click()
  await dialog.getByRole('button', { name: 'Grant access to appdb' }).click()
  await expect(dialog.getByText('Has access')).toBeVisible()
  await dialog.getByRole('button', { name: 'Done' }).click()
  await expect(row.getByRole('list', { name: 'Databases of appuser' })).toContainText('appdb')
  const access = await request.get(`${s.trove()}/instances/${id}/users/appuser/databases`, {
    headers: { 'X-Auth-Token': s.token },
  })
  expect(await access.json()).toEqual({ databases: [{ name: 'appdb' }] })

  // Root: enable shows the password once.
  const root = page.getByRole('region', { name: /Root user/ })
  await expect(root.getByText('Disabled', { exact: true })).toBeVisible()
  await root.getByRole('button', { name: 'Enable root' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Enable root' }).click()
  dialog = page.getByRole('dialog')
  await expect(dialog.getByText('This password will not be shown again')).toBeVisible()
  const password = await dialog.getByLabel('Password', { exact: true }).inputValue()
  // The embedded cloud generates 36 characters; the reference cloud's fake guest answers "12345".
  expect(password).toMatch(onReference ? /.+/ : /^[A-Za-z0-9]{36}$/)
  await expect(dialog.getByRole('button', { name: 'Copy password' })).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'root password dialog')
  await dialog.getByRole('button', { name: 'I have saved it' }).click()
  await expect(dialog).toBeHidden()
  await expect(root.getByText('Enabled', { exact: true })).toBeVisible()
  // Leaving the section and coming back does not show it again.
  await page
    .getByRole('navigation', { name: 'Instance sections' })
    .getByRole('link', { name: 'Databases' })
    .click()
  await expect(page.getByRole('cell', { name: 'appdb', exact: true })).toBeVisible()
  await page
    .getByRole('navigation', { name: 'Instance sections' })
    .getByRole('link', { name: 'Users' })
    .click()
  await expect(
    page.getByRole('region', { name: /Root user/ }).getByText('Enabled', { exact: true }),
  ).toBeVisible()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  expect(await page.content()).not.toContain(password)

  // Delete the user, then the database (both confirmed).
  await page.getByRole('button', { name: 'Actions for appuser@%' }).click()
  await page.getByRole('menuitem', { name: 'Delete' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete user' }).click()
  await expect(page.getByRole('heading', { name: 'No users yet' })).toBeVisible()
  await page
    .getByRole('navigation', { name: 'Instance sections' })
    .getByRole('link', { name: 'Databases' })
    .click()
  await page.getByRole('button', { name: 'Actions for appdb' }).click()
  await page.getByRole('menuitem', { name: 'Delete' }).click()
  const confirm = page.getByRole('alertdialog')
  await confirm.getByRole('textbox', { name: 'Type the database name to confirm' }).fill('appdb')
  await expectNoSeriousA11yViolations(page, 'delete database confirmation')
  await confirm.getByRole('button', { name: 'Delete database' }).click()
  await expect(page.getByRole('heading', { name: 'No databases yet' })).toBeVisible()
})

test('the users & databases page picks an instance and explains the ones not ready', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000)
  const s = await apiLogin(request, 'demo')
  const name = uniqueName('e2e-udbp')
  const id = created(
    'demo',
    await apiCreateInstance(request, s, name, {
      databases: [{ name: 'shop' }],
      users: [{ name: 'clerk', password: 'secret1', databases: [{ name: 'shop' }] }],
    }),
  )
  await login(page, 'demo')
  await page.goto(`/users-databases?instance=${id}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Users & databases' })).toBeVisible()
  // Still building: explained, then managed once ACTIVE (the list polls by itself).
  await expect(page.getByRole('cell', { name: 'shop', exact: true })).toBeVisible({
    timeout: 30_000,
  })
  await expect(page.getByRole('row', { name: /clerk/ })).toContainText('shop')
  await expect(page.getByRole('combobox', { name: 'Instance' })).toHaveValue(id)
  await expectNoSeriousA11yViolations(page, 'users & databases page')

  // An instance whose datastore never runs is explained, not offered for management.
  const broken = created(
    'demo',
    await apiCreateInstance(request, s, uniqueName('e2e-udbx') + 'GUEST_ERROR'),
  )
  await page.reload()
  await page.getByRole('combobox', { name: 'Instance' }).selectOption(broken)
  await expect(page).toHaveURL(new RegExp(`instance=${broken}`))
  await expect(page.getByText(/cannot be managed now: it is (BUILD|ERROR)/)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Create database' })).toHaveCount(0)
  await expectNoSeriousA11yViolations(page, 'users & databases page, instance not ready')

  await page.getByRole('combobox', { name: 'Instance' }).selectOption('')
  // Only the scope (region, project) stays in the URL, which every in-app link keeps.
  await expect(page).toHaveURL(/\/users-databases(\?region=[^&]+&projectId=[^&]+)?$/)
  await expect(page.getByText('Choose an instance to see its databases and users.')).toBeVisible()
})
