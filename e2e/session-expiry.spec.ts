import { expect, test } from '@playwright/test'
import { SHORT_TOKEN_PORT } from '../playwright.config'
import { login, uniqueName } from './support/cloud'
import { REFERENCE_GAPS, onReference } from './support/target'

// This server issues 10-second tokens.
test.skip(onReference, REFERENCE_GAPS.shortTokens)
test.use({ baseURL: `http://127.0.0.1:${SHORT_TOKEN_PORT}` })

test('an expired token opens the re-login dialog and keeps the unsaved form', async ({
  page,
  request,
}) => {
  test.setTimeout(60_000)
  const name = uniqueName('e2e-keep')
  await login(page, 'demo')
  await page.goto('/instances/new')
  await expect(
    page.getByRole('table', { name: 'Flavors' }).getByRole('radio').first(),
  ).toBeEnabled()
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name)
  await page.getByRole('radio', { name: /^mysql\b/ }).check()
  await page.getByRole('combobox', { name: 'Version', exact: true }).selectOption('5.7')
  await page.getByRole('table', { name: 'Flavors' }).getByRole('radio').first().check()
  await page.getByLabel('Volume size (GB)').fill('2')

  // Until the cloud refuses the page's token (10-second tokens on this server).
  const token = await page.evaluate(() => {
    const raw = localStorage.getItem('dbaas-console.session')
    return raw ? (JSON.parse(raw) as { token: string }).token : ''
  })
  expect(token).not.toBe('')
  await expect
    .poll(
      async () =>
        (
          await request.get('/v3/auth/tokens', {
            headers: { 'X-Auth-Token': token, 'X-Subject-Token': token },
          })
        ).status(),
      { timeout: 20_000, intervals: [500] },
    )
    .toBe(401)
  await page.getByRole('button', { name: 'Launch instance' }).click()

  const dialog = page.getByRole('dialog', { name: /session/i })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('textbox', { name: 'Password', exact: true }).fill('demo')
  await dialog.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(dialog).toBeHidden()

  // Still on the form, with what was typed.
  await expect(page).toHaveURL(/\/instances\/new/)
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(name)
  await page.getByRole('button', { name: 'Launch instance' }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
})
