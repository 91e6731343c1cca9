import { expect, test } from '@playwright/test'
import { expectNoSeriousA11yViolations } from './support/axe'
import { login } from './support/cloud'

test('signs in with Keystone and shows the project and region', async ({ page }) => {
  await login(page, 'demo')
  await expect(page.getByRole('heading', { name: 'Instances', level: 1 })).toBeVisible()
  await expect(page.getByRole('banner')).toContainText('demo')
  await expect(page.getByRole('banner')).toContainText('RegionOne')
  // The route's title is the document's, on its one <title> (none in <body> beside the page).
  await expect(page).toHaveTitle('Instances · DBaaS Console')
  await expect(page.locator('title')).toHaveCount(1)
})

test('a wrong password says so and stays on the login page', async ({ page }) => {
  await page.goto('/login')
  await expectNoSeriousA11yViolations(page, 'login page')
  await page.getByRole('textbox', { name: 'User name', exact: true }).fill('demo')
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not-the-password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByText(/wrong user name or password/i)).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Password', exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  )
  await expect(page).toHaveURL(/\/login/)
})

test('a shared link asks for a login and then opens where it pointed', async ({ page }) => {
  await page.goto('/instances/new')
  await expect(page).toHaveURL(/\/login\?redirect=/)
  await page.getByRole('textbox', { name: 'User name', exact: true }).fill('demo')
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('demo')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/instances\/new/)
})

test('members are not offered the admin section; admins are', async ({ page }) => {
  await login(page, 'demo')
  const nav = page.getByRole('navigation', { name: /main/i })
  await expect(nav.getByRole('link', { name: 'Instances' })).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Admin' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Account: demo' }).click()
  await page.getByRole('menuitem', { name: /sign out/i }).click()
  await expect(page).toHaveURL(/\/login/)
  await login(page, 'admin')
  await expect(nav.getByRole('link', { name: 'Admin' })).toBeVisible()
})
