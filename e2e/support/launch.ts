import { expect, type Page } from '@playwright/test'

/** The launch form's version combobox (ARIA combobox: type to filter, Enter to choose). */
export function versionCombobox(page: Page) {
  return page.getByRole('combobox', { name: 'Version', exact: true })
}

/** Chooses a datastore version in the launch form by keyboard: type it, then Enter. */
export async function chooseVersion(page: Page, version: string): Promise<void> {
  const box = versionCombobox(page)
  await expect(box).toBeEnabled()
  // Clear first: typing the text the box already shows would change nothing.
  await box.fill('')
  await box.fill(version)
  await expect(
    page
      .getByRole('listbox', { name: /^Versions of/ })
      // The name may carry a hint after the version ("5.7 default").
      .getByRole('option', {
        name: new RegExp(`^${version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( |$)`),
      }),
  ).toBeVisible()
  await box.press('Enter')
  await expect(box).toHaveValue(version)
}

/** The version options the launch form offers for the chosen datastore (names). */
export async function versionOptions(page: Page): Promise<string[]> {
  const box = versionCombobox(page)
  await expect(box).toBeEnabled()
  await box.fill('')
  await expect(box).toHaveAttribute('aria-expanded', 'true')
  const names = await page
    .getByRole('listbox', { name: /^Versions of/ })
    .getByRole('option')
    .locator('span:first-child')
    .allTextContents()
  await box.press('Escape')
  return names
}
