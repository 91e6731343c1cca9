import { screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { renderRoute, type RouteHarness } from '@/test/render-route'

let h: RouteHarness | undefined
afterEach(() => h?.close())

/** The first MySQL-family demo instance, with databases and users created through the cloud's API. */
async function seed(harness: RouteHarness, databases: string[], users: string[]) {
  const { cloud } = harness
  const { token, projectId } = await cloud.login('demo', 'demo', 'demo')
  const base = cloud.troveBase(projectId)
  const list = await cloud.json('GET', `${base}/instances`, { token })
  // A MySQL-family one: Trove manages PostgreSQL's users and databases only with SQL (422).
  const instance: { id: string; name: string } = list.body.instances.find(
    (i: { datastore: { type: string } }) => i.datastore.type !== 'postgresql',
  )
  const dbs = await cloud.json('POST', `${base}/instances/${instance.id}/databases`, {
    token,
    body: { databases: databases.map((name) => ({ name })) },
  })
  expect(dbs.status).toBe(202)
  const us = await cloud.json('POST', `${base}/instances/${instance.id}/users`, {
    token,
    body: {
      users: users.map((name) => ({
        name,
        password: 'Secret-pass-123',
        databases: [{ name: databases[0] }],
      })),
    },
  })
  expect(us.status).toBe(202)
  return instance
}

const cellTexts = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell')[0]?.textContent ?? '')

describe('instance databases and users routes', () => {
  it('lists the databases in the order the URL asks for', async () => {
    const harness = await renderRoute('/')
    h = harness
    const instance = await seed(harness, ['alpha', 'charlie', 'bravo'], ['app'])
    await harness.visit(`/instances/${instance.id}/databases?dbSort=name&dbDir=desc`)
    const table = await screen.findByRole(
      'table',
      { name: `Databases of ${instance.name}` },
      { timeout: 5000 },
    )
    await within(table).findByText('charlie')
    expect(cellTexts(table).filter((t) => ['alpha', 'bravo', 'charlie'].includes(t))).toEqual([
      'charlie',
      'bravo',
      'alpha',
    ])
  })

  it('filters the users by the text in the URL, and shows their databases', async () => {
    const harness = await renderRoute('/')
    h = harness
    const instance = await seed(harness, ['shop'], ['clerk', 'auditor'])
    await harness.visit(`/instances/${instance.id}/users?userQ=clerk`)
    const table = await screen.findByRole(
      'table',
      { name: `Users of ${instance.name}` },
      { timeout: 5000 },
    )
    const row = (await within(table).findByText('clerk')).closest('tr') as HTMLElement
    expect(within(row).getByRole('list', { name: 'Databases of clerk' }).textContent).toContain(
      'shop',
    )
    expect(within(table).queryByText('auditor')).toBeNull()
    expect(screen.getByRole('button', { name: 'Actions for clerk@%' })).toBeTruthy()
  })

  it('on PostgreSQL, says how users and databases are managed instead of loading them', async () => {
    const harness = await renderRoute('/')
    h = harness
    const { token, projectId } = await harness.cloud.login('demo', 'demo', 'demo')
    const list = await harness.cloud.json(
      'GET',
      `${harness.cloud.troveBase(projectId)}/instances`,
      {
        token,
      },
    )
    const pg: { id: string } = list.body.instances.find(
      (i: { datastore: { type: string } }) => i.datastore.type === 'postgresql',
    )
    for (const [tab, what] of [
      ['users', 'Users'],
      ['databases', 'Databases'],
    ] as const) {
      await harness.visit(`/instances/${pg.id}/${tab}`)
      expect(
        await screen.findByRole(
          'heading',
          { name: `${what} are managed with SQL on postgresql` },
          { timeout: 5000 },
        ),
      ).toBeTruthy()
    }
    // Trove would refuse these with a 422: the console never asks.
    expect(harness.requests.some((r) => /\/instances\/[^/]+\/(users|databases)/.test(r.path))).toBe(
      false,
    )
  })

  it('shows the not-found view for an instance the cloud does not have', async () => {
    const missing = '00000000-0000-4000-8000-000000000000'
    const harness = await renderRoute(`/instances/${missing}/users`)
    h = harness
    expect(
      await screen.findByRole('heading', { name: /instance not found/i }, { timeout: 5000 }),
    ).toBeTruthy()
    expect(harness.requests.some((r) => r.path.endsWith(`/instances/${missing}`))).toBe(true)
  })

  it('picks the instance from the URL on the users & databases page', async () => {
    const harness = await renderRoute('/')
    h = harness
    const instance = await seed(harness, ['ledger'], ['bookkeeper'])
    await harness.visit(`/users-databases?instance=${instance.id}`)
    const dbs = await screen.findByRole(
      'table',
      { name: `Databases of ${instance.name}` },
      { timeout: 5000 },
    )
    expect(await within(dbs).findByText('ledger')).toBeTruthy()
    const users = screen.getByRole('table', { name: `Users of ${instance.name}` })
    expect(within(users).getByText('bookkeeper')).toBeTruthy()
  })
})
