import { expect, test, type Locator, type Page } from '@playwright/test'
import { expectNoSeriousA11yViolations } from './support/axe'
import {
  apiCreateInstance,
  apiDeleteInstance,
  apiLogin,
  apiWaitStatus,
  login,
  uniqueName,
} from './support/cloud'

test('a cell cut short shows its whole text: its title under the pointer, the focused row by keyboard', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000)
  const s = await apiLogin(request, 'demo')
  // Long enough to be cut short in the Resource column too.
  const name = uniqueName('e2e-cells-reporting-warehouse-primary')
  const id = await apiCreateInstance(request, s, name)
  try {
    await apiWaitStatus(request, s, id)
    await page.setViewportSize({ width: 1024, height: 800 })
    await login(page, 'demo')
    await page.goto('/activity')
    await page.getByRole('searchbox', { name: 'Filter' }).fill(name)
    const table = page.getByRole('table', { name: 'Activity' })
    // The Outcome cell of the status change ("BUILD → ACTIVE after 9 s") is cut short here.
    const cell = table.getByRole('cell', { name: /^BUILD → ACTIVE/ }).first()
    await expect(cell).toBeVisible({ timeout: 30_000 })
    const cutShort = () => cell.evaluate((td) => td.scrollWidth > td.clientWidth)
    expect(await cutShort()).toBe(true)
    const text = (await cell.textContent())?.trim() ?? ''

    await cell.hover()
    await expect(cell).toHaveAttribute('title', text)

    // Every cell of the row is one line the table cuts short with an ellipsis: its content is
    // inline (a block inside, such as the Resource cell's kind over its name, was clipped without
    // one) and the ellipsis is the table's (`text-overflow` of the cell).
    const entry = table
      .locator('tbody tr[data-index]')
      .filter({ hasText: /BUILD → ACTIVE/ })
      .first()
    const cells = await entry.locator('td').evaluateAll((tds) =>
      // The row's actions menu (a button) is not a column of text.
      tds
        .filter((td) => !td.querySelector('button'))
        .map((td) => ({
          text: td.textContent?.trim() ?? '',
          ellipsis: getComputedStyle(td).textOverflow === 'ellipsis',
          blocks: [...td.children]
            .map((c) => getComputedStyle(c).display)
            .filter((d) => !d.startsWith('inline') && d !== 'contents'),
        })),
    )
    expect(cells.filter((c) => !c.ellipsis || c.blocks.length > 0)).toEqual([])
    const resource = table.getByRole('cell', { name: new RegExp(`^instance ${name}$`) }).first()
    expect(await resource.evaluate((td) => td.scrollWidth > td.clientWidth)).toBe(true)
    await resource.hover()
    await expect(resource).toHaveAttribute('title', `instance ${name}`)

    // Keyboard: the rows take focus one at a time (arrows); the focused row's cells are whole.
    const rows = table.locator('tbody tr[data-index]')
    await rows.first().focus()
    await page.keyboard.press('Home')
    const row = rows.filter({ hasText: /BUILD → ACTIVE/ }).first()
    for (let i = 0; i < 10; i++) {
      if (await row.evaluate((tr) => tr === document.activeElement)) break
      await page.keyboard.press('ArrowDown')
    }
    await expect(row).toBeFocused()
    expect(await cutShort()).toBe(false)
    await expectNoSeriousA11yViolations(page, 'activity, a row focused with its cells whole')
  } finally {
    await apiDeleteInstance(request, s, id)
  }
})

/**
 * Every text cell of the table's rendered rows is one line the table cuts short: the cell has the
 * ellipsis (`text-overflow`), and no box inside it is a block, flex or grid box (such a box is
 * clipped mid-letter, without the ellipsis, the title or the whole text on the focused row). An
 * atomic inline (a badge) is one box: what is inside it is not looked at.
 */
async function expectOneLineCells(table: Locator, what: string) {
  const bad = await table.locator('tbody tr[data-index] td').evaluateAll((tds) => {
    const boxes = (el: Element): string[] =>
      [...el.children].flatMap((c) => {
        const d = getComputedStyle(c).display
        if (d === 'none' || d === 'contents' || d === 'inline') return boxes(c)
        if (d.startsWith('inline')) return []
        return [`${c.tagName.toLowerCase()}.${d}`]
      })
    return tds
      .filter((td) => !td.querySelector('button, input'))
      .map((td) => ({
        text: (td.textContent ?? '').trim().slice(0, 40),
        ellipsis: getComputedStyle(td).textOverflow === 'ellipsis',
        boxes: boxes(td),
      }))
      .filter((c) => !c.ellipsis || c.boxes.length > 0)
  })
  expect.soft(bad, `${what}: cells that clip without the table's ellipsis`).toEqual([])
}

/** The cell is cut short; under the pointer its title is its whole text; focused, it is whole. */
async function expectWholeWhenNeeded(
  page: Page,
  row: Locator,
  cell: Locator,
  whole: string | RegExp,
) {
  // Soft: a run shows every table that breaks the rule, not only the first.
  await expect(cell).toBeVisible()
  const cutShort = () => cell.evaluate((td) => td.scrollWidth > td.clientWidth)
  expect.soft(await cutShort(), `${whole}: cut short`).toBe(true)
  await cell.hover()
  await expect.soft(cell).toHaveAttribute('title', whole)
  await row.focus()
  await expect(row).toBeFocused()
  expect.soft(await cutShort(), `${whole}: whole in the focused row`).toBe(false)
  await page.mouse.move(0, 0)
}

test("lists, descriptions, a value's two forms and backups' names: one line the table cuts short", async ({
  page,
  request,
}) => {
  test.setTimeout(300_000)
  const s = await apiLogin(request, 'demo')
  const headers = { 'X-Auth-Token': s.token }
  const name = uniqueName('e2e-cells-lists')
  const dbs = ['orders', 'customers_archive_2019_to_2024', 'inventory', 'reporting_staging']
  const description =
    'Settings for the reporting warehouse: a large buffer pool and many connections for the nightly batch jobs'
  const id = await apiCreateInstance(request, s, name)
  const grp = await request.post(`${s.trove()}/configurations`, {
    headers,
    data: {
      configuration: {
        name: uniqueName('e2e-cells-grp'),
        description,
        // 629145600 is the template's 600M: the Default cell says "600M = 629145600".
        values: { innodb_buffer_pool_size: 629145600, max_connections: 300 },
        datastore: { type: 'mysql', version: '5.7' },
      },
    },
  })
  expect(grp.status()).toBe(200)
  const groupId = ((await grp.json()) as { configuration: { id: string } }).configuration.id
  try {
    await apiWaitStatus(request, s, id)
    const post = (path: string, data: object) =>
      request.post(`${s.trove()}/instances/${id}/${path}`, { headers, data })
    expect((await post('databases', { databases: dbs.map((n) => ({ name: n })) })).status()).toBe(
      202,
    )
    const users = {
      users: [
        { name: 'reporter', password: 'pw-123456', databases: dbs.map((n) => ({ name: n })) },
      ],
    }
    expect((await post('users', users)).status()).toBe(202)

    await page.setViewportSize({ width: 700, height: 800 })
    await login(page, 'demo')

    // A user's databases: a list on one line, cut short with the ellipsis.
    await page.goto(`/instances/${id}/users`)
    const usersTable = page.getByRole('table', { name: /users/i })
    const userRow = usersTable.getByRole('row', { name: /reporter/ })
    const userCell = userRow.getByRole('cell').nth(2)
    await expect(userCell).toContainText('customers_archive')
    await expectOneLineCells(usersTable, 'users')
    // Every database in the title, in the cloud's order (the embedded cloud sorts them, real
    // Trove answers them as they were given).
    const allDbs = new RegExp(`^${dbs.map((d) => `(?=.*\\b${d}\\b)`).join('')}[\\w, ]+$`)
    await expectWholeWhenNeeded(page, userRow, userCell, allDbs)

    // Attached (RESTART_REQUIRED: users are listed only while ACTIVE, so after them).
    const attach = await request.put(`${s.trove()}/instances/${id}`, {
      headers,
      data: { instance: { configuration: groupId } },
    })
    expect(attach.status()).toBe(202)
    // A group's description on the groups list.
    await page.goto('/configurations')
    const groups = page.getByRole('table', { name: 'Configuration groups' })
    const descRow = groups.locator('tbody tr[data-index]').filter({ hasText: description })
    const descCell = descRow.getByRole('cell', { name: description })
    await expectOneLineCells(groups, 'configuration groups')
    await expectWholeWhenNeeded(page, descRow, descCell, description)

    // The attached group's values next to the defaults: "600M = 629145600" on one line (it was
    // a grid of two lines, the second clipped by a narrow column).
    await page.goto(`/instances/${id}/configuration`)
    const diff = page.getByRole('table', { name: 'Group values compared with the defaults' })
    const poolRow = diff.getByRole('row', { name: /innodb_buffer_pool_size/ })
    const defaultCell = poolRow.getByRole('cell').nth(1)
    await expectOneLineCells(diff, 'value diff')
    await expect(defaultCell).toHaveText('600M = 629145600')

    // The datastores' versions and the instances' addresses are lists too.
    for (const [path, label] of [
      ['/datastores', 'Datastores'],
      ['/instances', 'Instances'],
    ] as const) {
      await page.goto(path)
      const t = page.getByRole('table', { name: label })
      await expect(t.locator('tbody tr[data-index]').first()).toBeVisible()
      await expectOneLineCells(t, label)
      await expectNoSeriousA11yViolations(page, `${label}, cells one line`)
    }

    // A status badge wider than its column (RESTART_REQUIRED at 390 px) ends in an ellipsis
    // inside the cell; it was one box clipped mid-letter by the cell.
    await page.setViewportSize({ width: 390, height: 800 })
    const statusBadge = page
      .getByRole('row', { name: new RegExp(name) })
      .locator('[data-tone]')
      .first()
    await expect(statusBadge).toContainText('RESTART')
    const fit = await statusBadge.evaluate((b) => {
      const td = b.closest('td')
      const text = b.querySelector('span')
      return {
        insideCell:
          !!td && b.getBoundingClientRect().right <= td.getBoundingClientRect().right + 0.5,
        cutShort: !!text && text.scrollWidth > text.clientWidth,
        ellipsis: !!text && getComputedStyle(text).textOverflow === 'ellipsis',
      }
    })
    expect(fit).toEqual({ insideCell: true, cutShort: true, ellipsis: true })
  } finally {
    await apiDeleteInstance(request, s, id)
    await request.delete(`${s.trove()}/configurations/${groupId}`, { headers })
  }
})
