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
import { onReference } from './support/target'

test('services say which instance they stand for; a failed database reads "Failed", not "Powered off"', async ({
  page,
  request,
}) => {
  test.skip(onReference, 'the reference cloud has no DBaaS management API')
  test.setTimeout(120_000)
  const s = await apiLogin(request, 'demo')
  // A name ending in GUEST_ERROR makes the embedded cloud's guest fail: the instance ends in ERROR.
  const failedName = `${uniqueName('e2e-svc')}-GUEST_ERROR`
  const okName = uniqueName('e2e-svc-ok')
  const failedId = await apiCreateInstance(request, s, failedName)
  const okId = await apiCreateInstance(request, s, okName)
  try {
    await apiWaitStatus(request, s, failedId, 'ERROR')
    await apiWaitStatus(request, s, okId)
    await login(page, 'demo')
    await page.goto('/services')
    await expect(page.getByRole('heading', { name: 'Services', level: 1 })).toBeVisible()
    // The page says what a service is in relation to the instances.
    await expect(page.getByText(/derives it from the instance of the same name/)).toBeVisible()

    const table = page.getByRole('table', { name: 'Services' })
    const failedRow = table.getByRole('row').filter({
      has: page.getByRole('link', { name: failedName, exact: true }),
    })
    await expect(failedRow.getByTestId('service-state')).toHaveText(/Failed/)
    await expect(failedRow.getByTestId('service-state')).not.toHaveText(/Powered off/)
    const okRow = table.getByRole('row').filter({
      has: page.getByRole('link', { name: okName, exact: true }),
    })
    await expect(okRow.getByTestId('service-state')).toHaveText(/Running/)

    // Each row links the instance it stands for.
    const instanceLink = failedRow.getByRole('link', { name: `Instance ${failedId.slice(0, 8)}` })
    await expect(instanceLink).toHaveAttribute('href', new RegExp(`/instances/${failedId}`))
    await expectNoSeriousA11yViolations(page, 'services list with a failed service')

    // The service page says the same, and names the instance.
    await failedRow.getByRole('link', { name: failedName, exact: true }).click()
    await expect(page.getByRole('heading', { name: failedName, level: 1 })).toBeVisible()
    await expect(page.getByTestId('service-state')).toHaveText(/Failed/)
    await expect(page.getByText('The database failed')).toBeVisible()
    await expect(page.getByRole('link', { name: `${failedName} (ERROR)` })).toBeVisible()
    await expectNoSeriousA11yViolations(page, 'failed service page')
  } finally {
    await apiDeleteInstance(request, s, failedId)
    await apiDeleteInstance(request, s, okId)
  }
})
