import { expect, test } from '@playwright/test'
import { apiCreateInstance, apiLogin, deleteAfterEach, login, uniqueName } from './support/cloud'
import { onReference } from './support/target'

/** Instances this spec creates: deleted after each test (a reused cloud keeps them). */
const created = deleteAfterEach()

test('alt cannot see demo’s instance, in the console or through the API', async ({
  page,
  request,
}) => {
  const demo = await apiLogin(request, 'demo')
  const name = uniqueName('e2e-private')
  const id = created('demo', await apiCreateInstance(request, demo, name))

  const alt = await apiLogin(request, 'alt')
  const show = await request.get(`${alt.trove()}/instances/${id}`, {
    headers: { 'X-Auth-Token': alt.token },
  })
  expect(show.status()).toBe(404)
  expect(await show.json()).toMatchObject({ itemNotFound: { code: 404 } })
  // Using demo's project in the URL with alt's token is refused outright.
  const foreign = await request.get(`${demo.trove()}/instances`, {
    headers: { 'X-Auth-Token': alt.token },
  })
  // Through the gateway (reference cloud) the request never reaches Trove: the path is not below
  // an endpoint of alt's own catalog, so the gateway refuses it (404) before forwarding.
  expect(foreign.status()).toBe(onReference ? 404 : 403)

  await login(page, 'alt')
  await expect(page.getByRole('heading', { name: 'Instances', level: 1 })).toBeVisible()
  await expect(page.getByText(name)).toHaveCount(0)
  await page.goto(`/instances/${id}`)
  await expect(page.getByText(/not found/i).first()).toBeVisible()
  await expect(page.getByText(name)).toHaveCount(0)
})
