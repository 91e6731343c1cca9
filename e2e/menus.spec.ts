import { expect, test, type Locator, type Page } from '@playwright/test'
import { expectNoSeriousA11yViolations } from './support/axe'
import { login } from './support/cloud'

/**
 * The shared dropdown menu is a plain button until it is hovered or used; its keyboard must be
 * Radix's all the same: Enter, Space or ArrowDown open it with the first item focused, Escape
 * closes it and gives focus back to the button (the element Radix's menu mounted in place of
 * the plain one). Session 7 saw focus fall to the page in 1 of 6 keyboard opens of a row's menu.
 */

/** The first available item of the open menu has focus. */
async function expectFirstItemFocused(page: Page, name: string) {
  const menu = page.getByRole('menu')
  await expect(menu).toBeVisible()
  await expect(
    menu
      .getByRole('menuitem', { name, exact: true })
      .or(menu.getByRole('menuitemradio', { name, exact: true })),
  ).toBeFocused()
}

async function escapeBackTo(page: Page, trigger: Locator) {
  await page.keyboard.press('Escape')
  await expect(page.getByRole('menu')).toHaveCount(0)
  await expect(trigger).toBeFocused()
}

test('row menus by keyboard, before and after the menu code has loaded: first item, then back to the button', async ({
  page,
}) => {
  test.setTimeout(180_000)
  await login(page, 'admin')
  // On each fresh page the menus' code is held back until the key is down: the key lands on
  // the plain button, before Radix's menu exists.
  let keyDown = false
  let release = () => {}
  await page.route(/\/assets\/dropdown-menu-parts-[^/]*\.js$/, async (route) => {
    if (!keyDown) await new Promise<void>((resolve) => (release = resolve))
    await route.continue()
  })
  const keys = ['Enter', ' ', 'ArrowDown', 'Enter', ' ', 'ArrowDown']
  for (const [i, key] of keys.entries()) {
    keyDown = false
    await page.goto('/admin/datastore-versions')
    const trigger = page.getByRole('button', { name: /^Actions for / }).nth(i % 3)
    await trigger.focus()
    await page.keyboard.press(key)
    keyDown = true
    release()
    await expectFirstItemFocused(page, 'Open')
    await escapeBackTo(page, trigger)
    // Again, now that this menu is Radix's own.
    await page.keyboard.press(key)
    await expectFirstItemFocused(page, 'Open')
    await escapeBackTo(page, trigger)
  }
  await page.unroute(/\/assets\/dropdown-menu-parts-[^/]*\.js$/)
  await expectNoSeriousA11yViolations(page, 'datastore versions, a row menu opened and closed')

  // Focused by keyboard, then the pointer comes over it: the menu mounts under the focused
  // button, which keeps focus (a new element). This page's first two menus are still plain
  // buttons (the loop's last turn used the third): the reference cloud lists only 4 versions.
  const other = page.getByRole('button', { name: /^Actions for / }).nth(0)
  await other.focus()
  await other.hover()
  await expect(other).toHaveAttribute('id', /^radix-/)
  await expect(other).toBeFocused()
  await page.keyboard.press('Enter')
  await expectFirstItemFocused(page, 'Open')
  await escapeBackTo(page, other)

  // A click with no press before it (a screen reader's): opens as from the keyboard.
  const second = page.getByRole('button', { name: /^Actions for / }).nth(1)
  await second.dispatchEvent('click')
  await expectFirstItemFocused(page, 'Open')
  await escapeBackTo(page, second)

  // A press opens it; the item's action runs.
  await second.click()
  await expect(page.getByRole('menu')).toBeVisible()
  await page.getByRole('menuitem', { name: 'Open' }).click()
  await expect(page).toHaveURL(/\/admin\/datastore-versions\/[^/?]+/)
})

test('header menus by keyboard: the account and project menus open on their first item and give focus back', async ({
  page,
}) => {
  await login(page, 'demo')
  const account = page.getByRole('button', { name: 'Account: demo' })
  await account.focus()
  await page.keyboard.press('Enter')
  await expectFirstItemFocused(page, 'Sign out')
  await escapeBackTo(page, account)

  const project = page.getByRole('button', { name: /^Project: demo\. Switch project/ })
  await project.focus()
  await page.keyboard.press('ArrowDown')
  await expectFirstItemFocused(page, 'demo')
  await escapeBackTo(page, project)
  await expectNoSeriousA11yViolations(page, 'instances, header menus opened and closed')
})
