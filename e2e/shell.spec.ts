import { expect, test } from '@playwright/test'
import { expectNoSeriousA11yViolations } from './support/axe'
import { apiCreateInstance, apiLogin, login, uniqueName } from './support/cloud'

const LATER_PAGES = [
  ['Datastores', '/datastores'],
  ['Backups', '/backups'],
  ['Configuration groups', '/configurations'],
  ['Users & databases', '/users-databases'],
  ['Quotas', '/quotas'],
  ['Metrics', '/metrics'],
  ['Logs', '/logs'],
] as const

test('pages still to come say so honestly and pass axe', async ({ page }) => {
  await login(page, 'demo')
  for (const [label, path] of LATER_PAGES) {
    await page.getByRole('navigation', { name: /main/i }).getByRole('link', { name: label }).click()
    await expect(page).toHaveURL(new RegExp(`${path}$`))
    await expect(page.getByText(/not built yet/i)).toBeVisible()
    await expectNoSeriousA11yViolations(page, label)
  }
})

test('the region switcher shows each region’s own instances', async ({ page, request }) => {
  const demo = await apiLogin(request, 'demo')
  const name = uniqueName('e2e-region')
  await apiCreateInstance(request, demo, name)
  await login(page, 'demo')
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible()
  await page.getByLabel('Region').selectOption('RegionTwo')
  await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0)
  await page.getByLabel('Region').selectOption('RegionOne')
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible()
})

test('the project switcher re-scopes to another project of the user', async ({ page }) => {
  await login(page, 'demo')
  await page.getByLabel('Project').selectOption({ label: 'demo-staging' })
  await expect(page.getByRole('banner')).toContainText('demo-staging')
  await expect(page.getByRole('heading', { name: 'Instances', level: 1 })).toBeVisible()
})

test('the list is keyboard usable: tab to a row link and open it', async ({ page, request }) => {
  const demo = await apiLogin(request, 'demo')
  const name = uniqueName('e2e-kbd')
  await apiCreateInstance(request, demo, name)
  await login(page, 'demo')
  await page.getByRole('searchbox').fill(name)
  const link = page.getByRole('link', { name, exact: true })
  await link.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
})
