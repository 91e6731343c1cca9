import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { login } from './support/cloud'
import { onReference, REFERENCE_GAPS } from './support/target'

test.skip(onReference, REFERENCE_GAPS.notYetOnReference)

/** Every string page scripts can read: localStorage, sessionStorage, document.cookie. */
async function scriptReadable(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [document.cookie]
    for (const store of [localStorage, sessionStorage]) {
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i) ?? ''
        out.push(key, store.getItem(key) ?? '')
      }
    }
    return out
  })
}

/** Token-shaped strings in `texts` that Keystone accepts as a token (there must be none). */
async function acceptedTokens(request: APIRequestContext, texts: string[]): Promise<string[]> {
  const candidates = new Set(texts.flatMap((t) => t.match(/[A-Za-z0-9_-]{32,}/g) ?? []))
  const accepted: string[] = []
  for (const c of candidates) {
    const res = await request.get('/v3/auth/tokens', {
      headers: { 'X-Auth-Token': c, 'X-Subject-Token': c },
    })
    if (res.status() === 200) accepted.push(c)
  }
  return accepted
}

test('page scripts cannot read the Keystone token; a reload stays signed in', async ({
  page,
  context,
  playwright,
}) => {
  await login(page, 'demo')
  const readable = await scriptReadable(page)
  // The browser does know a session (who, which project), just not the token.
  expect(readable.join(' ')).toContain('dbaas-console.session')
  const fresh = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL })
  expect(await acceptedTokens(fresh, readable)).toEqual([])
  await fresh.dispose()

  const cookies = await context.cookies()
  const session = cookies.find((c) => c.name === 'dbaas_console_session')
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' })
  expect(await page.evaluate(() => document.cookie)).not.toContain('dbaas_console_session')

  // A state-changing request without the console header is refused, even from this origin.
  const csrf = await page.evaluate(async () => {
    const res = await fetch('/console-api/v1/session', { method: 'DELETE' })
    return res.status
  })
  expect(csrf).toBe(403)

  await page.reload()
  await expect(page.getByRole('heading', { name: 'Instances', level: 1 })).toBeVisible()
  await expect(page).toHaveURL(/\/instances/)
  await expect(page.getByRole('banner')).toContainText('demo')
})

test("sign-out ends the session, removes the wall's secret, and back shows the login page", async ({
  page,
  context,
}) => {
  await login(page, 'demo')
  await page.evaluate(() =>
    localStorage.setItem(
      'dbaas-console.wall-credential',
      JSON.stringify({ id: 'wall-cred', secret: 'wall-secret', label: 'wall' }),
    ),
  )
  // The session works through the cookie before sign-out.
  expect((await page.request.get('/console-api/v1/session')).status()).toBe(200)
  // A second signed-in page in the history, for the back button to return to.
  await page.goto('/backups')
  await expect(page.getByRole('heading', { name: 'Backups', level: 1 })).toBeVisible()

  await page.getByRole('button', { name: 'Account: demo' }).click()
  await page.getByRole('menuitem', { name: /sign out/i }).click()
  await expect(page).toHaveURL(/\/login/)

  expect(await page.evaluate(() => localStorage.getItem('dbaas-console.wall-credential'))).toBe(
    null,
  )
  expect(await page.evaluate(() => localStorage.getItem('dbaas-console.session'))).toBe(null)
  expect((await context.cookies()).some((c) => c.name === 'dbaas_console_session')).toBe(false)
  expect((await page.request.get('/console-api/v1/session')).status()).toBe(401)

  await page.goBack()
  await expect(page).toHaveURL(/\/login/)
  await expect(page.getByRole('heading', { name: 'Backups', level: 1 })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
})
