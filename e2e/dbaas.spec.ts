import { X509Certificate } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import { expectNoSeriousA11yViolations } from './support/axe'
import { apiCreateInstance, apiLogin, apiWaitStatus, login, uniqueName } from './support/cloud'
import { REFERENCE_GAPS, onReference } from './support/target'

const dbaas = (region = 'RegionOne') => `/dbaas/${region}/v2`

test.describe('DBaaS management pages', () => {
  test.skip(onReference, REFERENCE_GAPS.noDbaas)

  test('metrics render charts with data for every period', async ({ page, request }) => {
    test.setTimeout(90_000)
    const s = await apiLogin(request, 'demo')
    const name = uniqueName('e2e-metrics')
    await apiWaitStatus(request, s, await apiCreateInstance(request, s, name))
    await login(page, 'demo')
    await page.goto(`/metrics?service=${name}`)
    await expect(page.getByRole('heading', { name: 'Metrics', level: 1 })).toBeVisible()
    for (const period of ['Hour', 'Day', 'Week', 'Month', 'Year']) {
      await page.getByRole('radio', { name: period, exact: true }).click()
      await expect(page.getByRole('radio', { name: period, exact: true })).toHaveAttribute(
        'aria-checked',
        'true',
      )
      const charts = page.getByRole('list', { name: 'Metrics' }).getByRole('img')
      await expect(charts).toHaveCount(9)
      // One line per node, with at least one point drawn.
      const cpu = page.locator('[data-metric="cpu_usage"]')
      await expect(cpu.locator('.recharts-line')).toHaveCount(1)
      await expect(cpu.locator('.recharts-line-curve, .recharts-line-dot').first()).toBeAttached()
      await expect(cpu).toContainText(/now \d/)
    }
    // The year view's time axis names the year; no y-axis label wraps onto a second line.
    const cpu = page.locator('[data-metric="cpu_usage"]')
    await expect(
      cpu.locator('.recharts-xAxis-tick-labels text').filter({ hasText: /\d{4}/ }).first(),
    ).toBeVisible()
    const yLabels = page.locator('.recharts-yAxis-tick-labels text')
    expect(await yLabels.count()).toBeGreaterThan(9)
    expect(
      await yLabels.evaluateAll(
        (els) => els.filter((e) => e.querySelectorAll('tspan').length > 1).length,
      ),
    ).toBe(0)
    // Pointing at one chart: its tooltip only, and the crosshair in every chart.
    await cpu.locator('.recharts-surface').hover()
    await expect(page.locator('.recharts-tooltip-cursor')).toHaveCount(9)
    await expect(page.locator('.recharts-tooltip-wrapper:visible')).toHaveCount(1)
    await expect(cpu.locator('.recharts-tooltip-wrapper')).toBeVisible()
    await expectNoSeriousA11yViolations(page, 'metrics')
  })

  test('logs page back and forth with the same lines; live tail shows a restart', async ({
    page,
    request,
  }) => {
    test.setTimeout(90_000)
    const s = await apiLogin(request, 'demo')
    const name = uniqueName('e2e-logs')
    const id = await apiCreateInstance(request, s, name)
    await apiWaitStatus(request, s, id)

    // API: older page, then forward again, gives the same lines.
    const post = (body: unknown) =>
      request.post(`${dbaas()}/dbaas-service-logs/${name}`, {
        headers: { 'X-Auth-Token': s.token },
        data: body,
      })
    const first = await (await post({ limit: 3 })).json()
    const older = await (await post({ limit: 3, offset: first.offset })).json()
    // Forward from the oldest line seen (offsets are exclusive): every other line again, in order.
    const seen = [...first.logs, ...older.logs]
    const cursor = older.logs.length > 0 ? older.offset : first.offset
    const forward = await (await post({ limit: 10, offset: cursor, 'sort-order': 'asc' })).json()
    const expected = seen.slice(0, -1).reverse()
    expect(forward.logs.slice(0, expected.length)).toEqual(expected)

    await login(page, 'demo')
    await page.goto(`/logs?service=${name}`)
    const table = page.getByRole('table', { name: 'Log lines' })
    await expect(table.getByRole('row').nth(1)).toBeVisible()
    await expectNoSeriousA11yViolations(page, 'logs')
    const firstRows = await table.getByRole('row').allInnerTexts()
    await page.getByRole('button', { name: /Load older|No older lines/ }).click()
    // The lines already shown keep their place at the top.
    expect((await table.getByRole('row').allInnerTexts()).slice(0, 5)).toEqual(
      firstRows.slice(0, 5),
    )

    await page.getByRole('checkbox', { name: 'Live tail' }).check()
    const restart = await request.post(`${s.trove()}/instances/${id}/action`, {
      headers: { 'X-Auth-Token': s.token },
      data: { restart: {} },
    })
    expect(restart.status()).toBe(202)
    await expect(table.getByText(/Restart requested\./).first()).toBeVisible({ timeout: 20_000 })
    // The search goes to the server (the console's `filter` extension), over the whole log.
    const search = page.getByRole('searchbox', { name: 'Search the whole log' })
    await search.fill('Restart requested')
    const sent = page.waitForRequest(
      (r) =>
        r.url().includes('/dbaas-service-logs/') &&
        (r.postData() ?? '').includes('"filter":"Restart requested"'),
    )
    await search.press('Enter')
    await sent
    await expect(page).toHaveURL(/q=Restart/)
    await expect(table.locator('mark').first()).toHaveText('Restart requested')
    const rows = table.getByRole('row')
    await expect(rows).toHaveCount(2) // the header and the one restart line
    await expect(page.getByTestId('log-count')).toContainText(
      'lines containing "Restart requested"',
    )

    // Order: oldest first puts the first line read last.
    await page.getByRole('checkbox', { name: 'Live tail' }).uncheck()
    await search.fill('')
    await search.press('Enter')
    await expect(page).not.toHaveURL(/q=/)
    // The row's time (with microseconds) names the line.
    const newestFirst = (await rows.nth(1).innerText()).split('\n')[0] ?? ''
    expect(newestFirst).toMatch(/^\d{4}-/)
    await page.getByRole('combobox', { name: 'Order' }).selectOption('asc')
    await expect(page).toHaveURL(/order=asc/)
    await expect(rows.nth(1)).not.toContainText(newestFirst)
    // Virtual rows: scroll to the end to draw the last line.
    await table.evaluate((el) => el.scrollTo(0, el.scrollHeight))
    await expect(rows.last()).toContainText(newestFirst)
    await expectNoSeriousA11yViolations(page, 'logs, oldest first')
  })

  test('an integration created from the generated settings form', async ({ page, request }) => {
    test.setTimeout(90_000)
    const s = await apiLogin(request, 'demo')
    const source = uniqueName('e2e-src')
    const dest = uniqueName('e2e-pg')
    const a = await apiCreateInstance(request, s, source)
    const b = await apiCreateInstance(request, s, dest, {
      datastore: { type: 'postgresql', version: '13' },
    })
    await apiWaitStatus(request, s, a)
    await apiWaitStatus(request, s, b)
    await login(page, 'demo')
    await page.goto(`/services/${source}`)
    await expect(page.getByRole('heading', { name: source, level: 1 })).toBeVisible()
    await expectNoSeriousA11yViolations(page, 'service overview')
    await page.getByRole('button', { name: 'New integration', exact: true }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('combobox', { name: 'Integration type' }).selectOption('metrics')
    await dialog.getByRole('combobox', { name: 'Destination service' }).selectOption(dest)
    await dialog.getByLabel(/Name of the database where to store/).fill('metrics')
    await dialog.getByLabel(/Number of days to keep old metrics/).fill('30')
    // The CLI twin: no openstack command for DBaaS, the curl request with the exact body.
    const twin = dialog.getByTestId('cli-twin')
    await twin.locator('summary').click()
    await expect(twin.getByTestId('cli-twin-no-openstack')).toBeVisible()
    const curl = twin.getByTestId('cli-twin-curl')
    await expect(curl).toContainText('/dbaas-integration')
    await expect(curl).toContainText('"retention_days":30')
    await expect(curl).toContainText(`"dest-service":"${dest}"`)
    await expect(curl).toContainText('$OS_TOKEN')
    await expectNoSeriousA11yViolations(page, 'integration dialog with its twin')
    await dialog.getByRole('button', { name: 'Create integration', exact: true }).click()
    await expect(dialog).toBeHidden()
    const table = page.getByRole('table', { name: 'Integrations' })
    await expect(table.getByRole('row', { name: new RegExp(dest) })).toContainText('Active', {
      timeout: 20_000,
    })
    const list = await (
      await request.get(`${dbaas()}/dbaas-service`, { headers: { 'X-Auth-Token': s.token } })
    ).json()
    const svc = list['dbaas-services'].find((x: { name: string }) => x.name === source)
    expect(svc.integrations[0]).toMatchObject({
      type: 'metrics',
      dest,
      settings: { database: 'metrics', retention_days: 30 },
    })
  })

  test('a migration check followed to its end; the CA certificate downloads and parses', async ({
    page,
    request,
  }) => {
    test.setTimeout(90_000)
    const s = await apiLogin(request, 'demo')
    const name = uniqueName('e2e-mig')
    await apiWaitStatus(request, s, await apiCreateInstance(request, s, name))
    await login(page, 'demo')
    await page.goto(`/services/${name}`)
    const uri = page.getByRole('textbox', { name: 'Source URI' })
    await uri.fill('not a uri')
    await page.getByRole('button', { name: 'Check source', exact: true }).click()
    await expect(page.getByText('Enter a URI such as')).toBeVisible()
    await expect(page.getByTestId('cli-twin-invalid')).toBeVisible()
    await uri.fill('mysql://admin:secret@legacy.example.com:3306/shop')
    // The twin of the check: curl only, and the source's password is never shown.
    const twin = page.getByTestId('cli-twin').filter({ hasText: 'dbaas-task-migration-check' })
    await twin.locator('summary').click()
    const curl = twin.getByTestId('cli-twin-curl')
    await expect(curl).toContainText(`/dbaas-task-migration-check/${name}`)
    await expect(curl).toContainText('mysql://admin:<password>@legacy.example.com:3306/shop')
    await expect(curl).not.toContainText('secret')
    await page.getByRole('button', { name: 'Check source', exact: true }).click()
    await expect(page.getByText('Migration check passed')).toBeVisible({ timeout: 20_000 })
    const perDb = page.getByRole('table', { name: 'Migration per database' })
    await expect(perDb.getByRole('row', { name: /shop/ })).toContainText('done', {
      timeout: 20_000,
    })

    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Download CA certificate', exact: true }).click()
    const file = await (await download).path()
    const cert = new X509Certificate(await readFile(file, 'utf8'))
    expect(cert.ca).toBe(true)
  })

  test('service plans compare side by side', async ({ page }) => {
    await login(page, 'demo')
    await page.getByRole('link', { name: 'Services', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Services', level: 1 })).toBeVisible()
    await page.getByRole('link', { name: 'Compare plans', exact: true }).click()
    await expect(page.getByRole('table', { name: 'MySQL plans' })).toContainText('m1.large')
    await expectNoSeriousA11yViolations(page, 'plans')
  })
})
