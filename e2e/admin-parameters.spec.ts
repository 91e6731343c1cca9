import { expect, test, type APIRequestContext } from '@playwright/test'
import { expectNoSeriousA11yViolations } from './support/axe'
import { apiLogin, login } from './support/cloud'
import { onReference, REFERENCE_GAPS } from './support/target'

test.skip(onReference, REFERENCE_GAPS.embeddedOnly)

type Admin = Awaited<ReturnType<typeof apiLogin>>

async function mysql57(request: APIRequestContext, admin: Admin): Promise<string> {
  const res = await request.get(`${admin.trove()}/mgmt/datastore-versions`, {
    headers: { 'X-Auth-Token': admin.token },
  })
  const body = (await res.json()) as {
    versions: { id: string; name: string; datastore_name: string }[]
  }
  return body.versions.find((v) => v.datastore_name === 'mysql' && v.name === '5.7')?.id ?? ''
}

/** The parameter as the cloud answers it, as raw text (JSON numbers beyond 2^53 stay exact). */
async function rawParameter(request: APIRequestContext, admin: Admin, path: string) {
  const res = await request.get(path, { headers: { 'X-Auth-Token': admin.token } })
  return res.text()
}

test('admin parameter edits keep the type, 2^64-1 exactly and "no maximum"', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000)
  const admin = await apiLogin(request, 'admin')
  const version = await mysql57(request, admin)
  const base = `${admin.trove()}/mgmt/datastores/versions/${version}/parameters`
  const stamp = Date.now().toString(36)
  const big = `e2e_big_${stamp}`
  const flag = `e2e_flag_${stamp}`
  const ratio = `e2e_ratio_${stamp}`
  const headers = { 'X-Auth-Token': admin.token }
  // A boolean and a float parameter, as a datastore ships them (Trove's API registers neither).
  for (const [name, extra] of [
    [flag, { data_type: 'boolean' }],
    [ratio, { data_type: 'float', min_size: '0.25', max_size: '10.5' }],
  ] as const) {
    const res = await request.post(base, {
      headers,
      data: { 'configuration-parameter': { name, restart_required: 0, ...extra } },
    })
    expect(res.status()).toBe(200)
  }

  try {
    await login(page, 'admin')
    await page.goto(`/admin/datastore-versions/${version}`)
    await expect(page.getByRole('table', { name: 'Configuration parameters' })).toBeVisible()
    const filter = page.getByRole('searchbox', { name: 'Filter' })

    // Register an integer up to 2^64-1: typed, shown and stored exactly.
    await page.getByRole('button', { name: 'Register parameter', exact: true }).click()
    let dialog = page.getByRole('dialog', { name: 'Register a parameter' })
    await dialog.getByRole('textbox', { name: /^Name/ }).fill(big)
    await dialog.getByRole('textbox', { name: /^Minimum/ }).fill('0')
    await dialog.getByRole('textbox', { name: /^Maximum/ }).fill('18446744073709551616')
    await dialog.getByRole('button', { name: 'Register parameter', exact: true }).click()
    await expect(dialog.getByText('At most 18446744073709551615 either way.')).toBeVisible()
    await dialog.getByRole('textbox', { name: /^Maximum/ }).fill('18446744073709551615')
    await expectNoSeriousA11yViolations(page, 'parameter dialog')
    await dialog.getByRole('button', { name: 'Register parameter', exact: true }).click()
    await expect(dialog).toHaveCount(0)
    await filter.fill(big)
    await expect(
      page.getByRole('row', { name: new RegExp(`${big}.*integer.*18446744073709551615`) }),
    ).toBeVisible()
    expect(await rawParameter(request, admin, `${base}/${big}`)).toContain(
      '"max_size":18446744073709551615',
    )

    // Edit it unchanged: the maximum reads back exactly and saves exactly.
    await page.getByRole('button', { name: `Actions for ${big}`, exact: true }).click()
    await page.getByRole('menuitem', { name: 'Edit', exact: true }).click()
    dialog = page.getByRole('dialog', { name: `Edit parameter ${big}` })
    await expect(dialog.getByRole('textbox', { name: /^Maximum/ })).toHaveValue(
      '18446744073709551615',
    )
    await dialog.getByRole('button', { name: 'Save parameter', exact: true }).click()
    await expect(dialog).toHaveCount(0)
    expect(await rawParameter(request, admin, `${base}/${big}`)).toContain(
      '"max_size":18446744073709551615',
    )

    // "No maximum" is a state of its own: saved without a bound, shown and read back as such.
    await page.getByRole('button', { name: `Actions for ${big}`, exact: true }).click()
    await page.getByRole('menuitem', { name: 'Edit', exact: true }).click()
    await dialog.getByRole('checkbox', { name: 'No maximum' }).check()
    await expect(dialog.getByRole('textbox', { name: /^Maximum/ })).toBeDisabled()
    await dialog.getByRole('button', { name: 'Save parameter', exact: true }).click()
    await expect(dialog).toHaveCount(0)
    await expect(page.getByRole('row', { name: new RegExp(`${big}.*No maximum`) })).toBeVisible()
    expect(await rawParameter(request, admin, `${base}/${big}`)).not.toContain('max_size')
    await page.getByRole('button', { name: `Actions for ${big}`, exact: true }).click()
    await page.getByRole('menuitem', { name: 'Edit', exact: true }).click()
    await expect(dialog.getByRole('checkbox', { name: 'No maximum' })).toBeChecked()
    await dialog.getByRole('button', { name: 'Cancel' }).click()

    // A boolean stays a boolean; a float keeps its decimal bounds.
    for (const [name, type, expected] of [
      [flag, 'boolean', '"type":"boolean"'],
      [ratio, 'float', '"max_size":10.5'],
    ] as const) {
      await filter.fill(name)
      await page.getByRole('button', { name: `Actions for ${name}`, exact: true }).click()
      await page.getByRole('menuitem', { name: 'Edit', exact: true }).click()
      dialog = page.getByRole('dialog', { name: `Edit parameter ${name}` })
      await expect(dialog.getByRole('combobox', { name: 'Type' })).toHaveValue(type)
      await dialog.getByRole('checkbox', { name: 'Restart required' }).check()
      await dialog.getByRole('button', { name: 'Save parameter', exact: true }).click()
      await expect(dialog).toHaveCount(0)
      const text = await rawParameter(request, admin, `${base}/${name}`)
      expect(text).toContain(expected)
      expect(text).toContain('"restart_required":true')
    }
    expect(await rawParameter(request, admin, `${base}/${ratio}`)).toContain('"min_size":0.25')
  } finally {
    for (const name of [big, flag, ratio]) await request.delete(`${base}/${name}`, { headers })
  }
})
