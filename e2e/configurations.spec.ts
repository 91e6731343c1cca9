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

test('create a group from the generated form; out-of-range values are refused', async ({
  page,
  request,
}) => {
  // Create, change and replace in one path: more than the default minute on a loaded machine.
  test.setTimeout(120_000)
  const name = uniqueName('e2e-cfg')
  await login(page, 'demo')
  await page.goto('/configurations')
  await expect(page.getByRole('heading', { name: 'Configuration groups', level: 1 })).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'configuration groups list')

  await page.getByRole('link', { name: 'Create group' }).first().click()
  await expect(page).toHaveURL(/\/configurations\/new/)
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name)
  await expect(page.getByRole('combobox', { name: 'Datastore', exact: true })).toHaveValue('mysql')
  await expect(page.getByRole('combobox', { name: 'Version', exact: true })).toBeEnabled()
  const search = page.getByRole('searchbox', { name: 'Find a parameter to set' })
  await expect(search).toBeEnabled()

  // Add max_connections and give it an out-of-range value: refused in the form, nothing sent.
  await search.fill('max_conn')
  await page.getByRole('button', { name: 'Add max_connections' }).click()
  const maxConnections = page.getByRole('textbox', { name: /^max_connections/ })
  await maxConnections.fill('100001')
  let posted = false
  page.on('request', (r) => {
    if (r.method() === 'POST' && /\/configurations$/.test(new URL(r.url()).pathname)) posted = true
  })
  await page.getByRole('button', { name: 'Create group' }).click()
  await expect(page.getByText('Must be at most 100000')).toBeVisible()
  await expect(maxConnections).toHaveAttribute('aria-invalid', 'true')
  expect(posted).toBe(false)
  await maxConnections.fill('200')

  // A restart-required parameter is marked and summarized before saving.
  await search.fill('innodb buffer pool size')
  await page.getByRole('button', { name: 'Add innodb_buffer_pool_size' }).click()
  await page.getByRole('textbox', { name: /^innodb_buffer_pool_size/ }).fill('268435456')
  await expect(page.getByText('Some values need a restart')).toBeVisible()
  // A float parameter: a whole number is sent as 2.0 (Trove refuses 2 for a float).
  await search.fill('long_query')
  await page.getByRole('button', { name: 'Add long_query_time' }).click()
  await page.getByRole('textbox', { name: /^long_query_time/ }).fill('2')
  await expectNoSeriousA11yViolations(page, 'create configuration group')

  const created = page.waitForResponse(
    (r) => r.request().method() === 'POST' && /\/configurations$/.test(new URL(r.url()).pathname),
  )
  await page.getByRole('button', { name: 'Create group' }).click()
  const res = await created
  expect(res.status()).toBe(200)
  expect(res.request().postData()).toContain('"long_query_time":2.0')
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible()
  const values = page.getByRole('table', { name: `Values of ${name}` })
  await expect(values.getByRole('row', { name: /max_connections 200/ })).toBeVisible()
  await expect(
    values.getByRole('row', { name: /innodb_buffer_pool_size 268435456/ }),
  ).toContainText('Restart required')
  await expectNoSeriousA11yViolations(page, 'configuration group detail')

  // Edit with the same generated form: "Change values" (PATCH) changes one value and keeps the
  // others; the form says how it differs from "Replace all values" (PUT).
  await page.getByRole('button', { name: 'Edit values' }).click()
  await expect(page.getByRole('group', { name: 'How to save' })).toContainText(
    'changing values only touches the ones you list, replacing makes the list below the whole group',
  )
  await page.getByRole('textbox', { name: /^max_connections/ }).fill('300')
  const patched = page.waitForResponse((r) => r.request().method() === 'PATCH')
  await page.getByRole('button', { name: 'Change values', exact: true }).click()
  expect((await patched).status()).toBe(200)
  await expect(values.getByRole('row', { name: /max_connections 300/ })).toBeVisible()
  await expect(values.getByRole('row', { name: /long_query_time/ })).toBeVisible()
  // "Replace all values" (PUT): a removed row is gone from the group afterwards.
  await page.getByRole('button', { name: 'Edit values' }).click()
  await page.getByRole('radio', { name: /^Replace all values/ }).check()
  await page.getByRole('button', { name: 'Remove long_query_time' }).click()
  const put = page.waitForResponse((r) => r.request().method() === 'PUT')
  await page.getByRole('button', { name: 'Replace all values', exact: true }).click()
  expect((await put).status()).toBe(202)
  await expect(values.getByRole('row', { name: /long_query_time/ })).toHaveCount(0)
  await expect(values.getByRole('row', { name: /max_connections 300/ })).toBeVisible()

  // The server refuses the same out-of-range value with Trove's 422.
  const s = await apiLogin(request, 'demo')
  const bad = await request.post(`${s.trove()}/configurations`, {
    headers: { 'X-Auth-Token': s.token },
    data: {
      configuration: {
        name: 'cfg-bad',
        values: { max_connections: 100001 },
        datastore: { type: 'mysql', version: '5.7' },
      },
    },
  })
  expect(bad.status()).toBe(422)
  expect(await bad.json()).toEqual({
    unprocessableEntity: {
      code: 422,
      message:
        'The value for the configuration parameter max_connections is greater than the maximum allowed: 100000',
    },
  })
})

test('attach -> RESTART_REQUIRED -> confirmed restart -> confirmed detach; delete waits for the detach', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000)
  const s = await apiLogin(request, 'demo')
  const instName = uniqueName('e2e-cfg-inst')
  const groupName = uniqueName('e2e-cfg-grp')
  const id = await apiCreateInstance(request, s, instName)
  try {
    const grp = await request.post(`${s.trove()}/configurations`, {
      headers: { 'X-Auth-Token': s.token },
      data: {
        configuration: {
          name: groupName,
          // 629145600 is the template's 600M: the diff must call it the same, not an override.
          values: { innodb_buffer_pool_size: 629145600, max_connections: 300 },
          datastore: { type: 'mysql', version: '5.7' },
        },
      },
    })
    expect(grp.status()).toBe(200)
    const groupId = ((await grp.json()) as { configuration: { id: string } }).configuration.id
    await apiWaitStatus(request, s, id)

    await login(page, 'demo')
    await page.goto(`/instances/${id}/configuration`)
    await expect(page.getByRole('heading', { name: instName, level: 1 })).toBeVisible()
    await expect(page.getByText('No configuration group attached')).toBeVisible()
    await expectNoSeriousA11yViolations(page, 'instance configuration tab')

    const select = page.getByRole('combobox', { name: 'Configuration group' })
    await select.selectOption({ label: groupName })
    await page.getByRole('button', { name: 'Attach', exact: true }).click()

    const status = page.getByTestId('instance-status')
    await expect(status).toContainText('RESTART_REQUIRED')
    const banner = page.getByRole('alert').filter({ hasText: 'Restart required' })
    await expect(banner).toBeVisible()
    // The attached group's values next to the defaults, units normalised by the parameter type.
    const diff = page.getByRole('table', { name: 'Group values compared with the defaults' })
    const pool = diff.getByRole('row', { name: /innodb_buffer_pool_size/ })
    await expect(pool).toContainText('600M')
    await expect(pool).toContainText('= 629145600')
    await expect(pool).toContainText('Same as default')
    await expect(diff.getByRole('row', { name: /max_connections/ })).toContainText(
      'Overrides default',
    )
    await expectNoSeriousA11yViolations(page, 'instance configuration tab, restart required')

    // Delete is disabled with the reason while an instance uses the group; the cloud agrees.
    await page.goto(`/configurations/${groupId}`)
    const del = page.getByRole('button', { name: 'Delete', exact: true })
    await expect(del).toBeDisabled()
    await expect(page.getByText('Attached to 1 instance: detach it first.')).toBeVisible()
    const refused = await request.delete(`${s.trove()}/configurations/${groupId}`, {
      headers: { 'X-Auth-Token': s.token },
    })
    expect(refused.status()).toBe(400)

    // "Restart now" asks first, naming the instance; Cancel changes nothing.
    await page.goto(`/instances/${id}/configuration`)
    const restartNow = page.getByRole('button', { name: 'Restart now' })
    await restartNow.click()
    const confirmRestart = page.getByRole('alertdialog', { name: `Restart ${instName}?` })
    await expect(confirmRestart).toBeVisible()
    await confirmRestart.getByRole('button', { name: 'Cancel' }).click()
    await expect(confirmRestart).toHaveCount(0)
    await expect(restartNow).toBeFocused()
    await expect(status).toContainText('RESTART_REQUIRED')
    await restartNow.click()
    await confirmRestart.getByRole('button', { name: `Restart ${instName}` }).click()
    await expect(status).toContainText('ACTIVE', { timeout: 30_000 })
    await expect(page.getByRole('button', { name: 'Restart now' })).toHaveCount(0)

    // Detach asks first, naming the instance and the group.
    await page.getByRole('button', { name: 'Detach', exact: true }).click()
    const confirmDetach = page.getByRole('alertdialog', {
      name: `Detach ${groupName} from ${instName}?`,
    })
    await confirmDetach.getByRole('button', { name: 'Detach' }).click()
    await expect(page.getByText('No configuration group attached')).toBeVisible()

    // Unused now: Delete asks for the group's name, like an instance delete.
    await page.goto(`/configurations/${groupId}`)
    await expect(del).toBeEnabled()
    await del.click()
    const confirmDelete = page.getByRole('alertdialog', {
      name: `Delete configuration group ${groupName}?`,
    })
    const deleteGroup = confirmDelete.getByRole('button', { name: 'Delete group' })
    await expect(deleteGroup).toBeDisabled()
    await confirmDelete
      .getByRole('textbox', { name: 'Type the group name to confirm' })
      .fill(groupName)
    await deleteGroup.click()
    await expect(page).toHaveURL(/\/configurations(\?|$)/)
  } finally {
    await apiDeleteInstance(request, s, id)
  }
})
