import { expect, test, type Route } from '@playwright/test'
import { SHORT_TOKEN_PORT } from '../playwright.config'
import { apiLogin, login, uniqueName } from './support/cloud'
import { REFERENCE_GAPS, onReference } from './support/target'
import { chooseVersion } from './support/launch'

// This server issues 10-second tokens.
test.skip(onReference, REFERENCE_GAPS.shortTokens)
test.use({ baseURL: `http://127.0.0.1:${SHORT_TOKEN_PORT}` })

test('an expired token opens the re-login dialog and keeps the unsaved form', async ({ page }) => {
  test.setTimeout(90_000)
  const name = uniqueName('e2e-keep')
  const dialog = page.getByRole('dialog', { name: /session/i })
  const signInAgain = async () => {
    await dialog.getByRole('textbox', { name: 'Password', exact: true }).fill('demo')
    await dialog.getByRole('button', { name: 'Sign in', exact: true }).click()
  }
  await login(page, 'demo')
  await page.goto('/instances/new')
  // On a loaded machine the route's code and data can take most of a 10-second token (its
  // flavors may not show before it runs out). So the first token runs out while the page is idle
  // (its background reads open the re-login by themselves) and the form is filled on a fresh one.
  await expect(dialog).toBeVisible({ timeout: 30_000 })
  await signInAgain()
  await expect(dialog).toBeHidden()
  // Filling the form is not what this test proves, and under load it can outlast the fresh token
  // too: whenever the re-login opens over the form meanwhile, sign in again and go on.
  await page.addLocatorHandler(dialog, signInAgain)
  await expect(
    page.getByRole('table', { name: 'Flavors' }).getByRole('radio').first(),
  ).toBeEnabled()
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name)
  await page.getByRole('radio', { name: /^mysql\b/ }).check()
  await chooseVersion(page, '5.7')
  await page.getByRole('table', { name: 'Flavors' }).getByRole('radio').first().check()
  await page.getByLabel('Volume size (GB)').fill('2')
  await page.removeLocatorHandler(dialog)

  // What is proved: the launch itself is refused because the token expired. The page's reads
  // (the change feed every 2 s, the form's own) are held until then: one of them answered 401
  // first would open the re-login over the form before Launch could be pressed.
  const held: Route[] = []
  await page.route('**/*', (route) => {
    const read = route.request().method() === 'GET'
    if (read && !new URL(route.request().url()).pathname.startsWith('/assets/')) held.push(route)
    else void route.continue()
  })
  // Until the cloud refuses the page's session. The page's requests share its cookie; the token
  // itself stays on the console's server.
  await expect
    .poll(async () => (await page.request.get('/console-api/v1/session')).status(), {
      timeout: 20_000,
      intervals: [500],
    })
    .toBe(401)
  await page.getByRole('button', { name: 'Launch instance' }).click()

  await expect(dialog).toBeVisible()
  await page.unroute('**/*')
  await signInAgain()
  await expect(dialog).toBeHidden()
  // The held reads go on with the new token.
  for (const r of held.splice(0)) await r.continue().catch(() => undefined)

  // Still on the form, with what was typed.
  await expect(page).toHaveURL(/\/instances\/new/)
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(name)
  await page.getByRole('button', { name: 'Launch instance' }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
})

test('signing in again clears the "session expired" refusal from the dialog it returns to', async ({
  page,
  request,
}) => {
  test.setTimeout(60_000)
  const s = await apiLogin(request, 'demo')
  const name = uniqueName('e2e-relogin')
  const created = await request.post(`${s.trove()}/configurations`, {
    headers: { 'X-Auth-Token': s.token },
    data: {
      configuration: { name, values: {}, datastore: { type: 'mysql', version: '5.7' } },
    },
  })
  expect(created.status()).toBe(200)
  const groupId = ((await created.json()) as { configuration: { id: string } }).configuration.id

  await login(page, 'demo')
  await page.goto(`/configurations/${groupId}`)
  const heading = page.getByRole('heading', { level: 1, name })
  const relogin = page.getByRole('dialog', { name: /session/i })
  // 10-second tokens: on a busy machine the first one may already be gone here.
  await expect(heading.or(relogin)).toBeVisible()
  if (await relogin.isVisible()) {
    await relogin.getByRole('textbox', { name: 'Password', exact: true }).fill('demo')
    await relogin.getByRole('button', { name: 'Sign in', exact: true }).click()
  }
  await expect(heading).toBeVisible()
  // The confirmation is open and filled in while the token is still good (a background read
  // after expiry would open the re-login over the page before Delete could be pressed).
  await page.getByRole('button', { name: 'Delete' }).click()
  const confirm = page.getByRole('alertdialog')
  await confirm.getByRole('textbox', { name: /type the group name/i }).fill(name)
  // The page's reads (the change feed every 2 s, the group's own) are held until the delete has
  // been refused: one of them answered 401 first would open the re-login over the page before
  // Delete could be pressed. They go on after the re-login opens.
  const held: Route[] = []
  await page.route('**/*', (route) => {
    const read = route.request().method() === 'GET'
    if (read && !new URL(route.request().url()).pathname.startsWith('/assets/')) held.push(route)
    else void route.continue()
  })
  // The page's token lives on the server behind its session cookie: wait until the session
  // answers 401 (its 10-second token expired), asking with the page's own cookies.
  await expect
    .poll(async () => (await page.request.get('/console-api/v1/session')).status(), {
      timeout: 20_000,
      intervals: [500],
    })
    .toBe(401)

  // The delete is refused because the token expired: the dialog says so, the re-login opens.
  await confirm.getByRole('button', { name: 'Delete group' }).click()
  await expect(relogin).toBeVisible()
  await page.unroute('**/*')
  for (const r of held.splice(0)) await r.continue().catch(() => undefined)
  await relogin.getByRole('textbox', { name: 'Password', exact: true }).fill('demo')
  await relogin.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(relogin).toBeHidden()

  // Back on the confirmation: no stale "expired" refusal, and the delete now goes through.
  await expect(confirm).toBeVisible()
  await expect(confirm.getByText(/expired|sign in/i)).toHaveCount(0)
  await expect(confirm.getByRole('alert')).toHaveCount(0)
  await confirm.getByRole('button', { name: 'Delete group' }).click()
  await expect(page).toHaveURL(/\/configurations(\?|$)/)
})
