import Database from 'better-sqlite3'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { createTestCloud, type TestCloud } from '../testing'
import { storeFileProblem } from './store-file'

const dir = mkdtempSync(join(tmpdir(), 'storage-faults-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let t: TestCloud | undefined
let other: Database.Database | undefined
afterEach(async () => {
  other?.close()
  other = undefined
  // Waits for the journal's writer thread, which holds files in `dir` until it exits.
  await t?.close()
  t = undefined
})

async function cloudOnFile(name: string, lines: string[]) {
  const cloud = createTestCloud({ dbPath: join(dir, name), log: (m) => lines.push(m) })
  const demo = await cloud.login('demo', 'demo', 'demo')
  return { cloud, demo, base: cloud.troveBase(demo.projectId) }
}

describe('storage faults degrade, never stall', () => {
  it('answers reads while another process holds the write lock, and refuses writes fast with 503', async () => {
    const lines: string[] = []
    const { cloud, demo, base } = await cloudOnFile('locked.db', lines)
    t = cloud
    // A task comes due during the lock: the engine's tick must not fail or stall the reads.
    const created = await cloud.json('POST', `${base}/instances`, {
      token: demo.token,
      body: { instance: { name: 'db1', flavorRef: '2', volume: { size: 1 } } },
    })
    expect(created.status).toBe(200)
    cloud.clock.advance(60_000)

    other = new Database(join(dir, 'locked.db'))
    other.exec('BEGIN IMMEDIATE')

    const started = Date.now()
    const list = await cloud.json('GET', `${base}/instances`, { token: demo.token })
    expect(list.status).toBe(200)
    expect(list.body.instances).toHaveLength(1)
    const flavors = await cloud.json('GET', `${base}/flavors`, { token: demo.token })
    expect(flavors.status).toBe(200)

    const write = await cloud.json('POST', `${base}/instances`, {
      token: demo.token,
      body: { instance: { name: 'db2', flavorRef: '2', volume: { size: 1 } } },
    })
    expect(write.status).toBe(503)
    expect(write.body).toEqual({
      serviceUnavailable: { code: 503, message: expect.stringContaining('busy') as unknown },
    })
    expect(Number(write.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    const login = await cloud.json('POST', '/v3/auth/tokens', {
      body: {
        auth: {
          identity: {
            methods: ['password'],
            password: { user: { name: 'alt', domain: { id: 'default' }, password: 'alt' } },
          },
        },
      },
    })
    expect(login.status).toBe(503)
    expect(login.body.error).toMatchObject({ code: 503, title: 'Service Unavailable' })
    // Bounded by the busy timeout (100 ms per write), not by 5 s per request.
    expect(Date.now() - started).toBeLessThan(3000)
    for (let i = 0; i < 5; i++) {
      await cloud.json('POST', `${base}/instances`, {
        token: demo.token,
        body: { instance: { name: `x${i}`, flavorRef: '2', volume: { size: 1 } } },
      })
    }
    // One log line for the whole fault, however many requests met it.
    expect(lines.filter((l) => l.startsWith('storage fault (busy)'))).toHaveLength(1)
    expect(lines.some((l) => l.startsWith('internal error'))).toBe(false)

    other.exec('ROLLBACK')
    const after = await cloud.json('POST', `${base}/instances`, {
      token: demo.token,
      body: { instance: { name: 'db3', flavorRef: '2', volume: { size: 1 } } },
    })
    expect(after.status).toBe(200)
    expect(lines.some((l) => l.includes('cleared'))).toBe(true)
  })

  it('answers reads on a full disk and refuses writes with 503 + Retry-After', async () => {
    const lines: string[] = []
    const { cloud, demo, base } = await cloudOnFile('full.db', lines)
    t = cloud
    // A full disk, as SQLite sees it: no page may be added, and the free pages are used up.
    cloud.store.exec('CREATE TABLE filler (b BLOB)')
    const pages = cloud.store.pragma('page_count', { simple: true }) as number
    cloud.store.pragma(`max_page_count = ${pages}`)
    expect(() => {
      for (;;) cloud.store.prepare('INSERT INTO filler VALUES (?)').run(Buffer.alloc(2000))
    }).toThrow(/full/)
    let write = { status: 0, body: null as unknown, headers: new Headers() }
    for (let i = 0; i < 20 && write.status !== 503; i++) {
      write = await cloud.json('POST', `${base}/instances`, {
        token: demo.token,
        body: { instance: { name: `db${i}`, flavorRef: '2', volume: { size: 1 } } },
      })
    }
    expect(write.status).toBe(503)
    expect(write.body).toEqual({
      serviceUnavailable: { code: 503, message: expect.stringContaining('full') as unknown },
    })
    expect(write.headers.get('retry-after')).toBe('30')
    expect(lines.filter((l) => l.startsWith('storage fault (full)'))).toHaveLength(1)
    const list = await cloud.json('GET', `${base}/instances`, { token: demo.token })
    expect(list.status).toBe(200)
  })
})

describe('the store file at start', () => {
  it('creates a fresh cloud only where no file exists and --init was given', () => {
    const path = join(dir, 'fresh.db')
    expect(storeFileProblem(path, false)).toMatch(/no database at .*--init/)
    expect(storeFileProblem(path, true)).toBeNull()
  })

  it('refuses an empty file and a foreign database, even with --init', () => {
    const empty = join(dir, 'empty.db')
    writeFileSync(empty, '')
    expect(storeFileProblem(empty, false)).toMatch(/empty database file/)
    expect(storeFileProblem(empty, true)).toMatch(/empty database file/)
    const foreign = join(dir, 'foreign.db')
    const db = new Database(foreign)
    db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)')
    db.close()
    expect(storeFileProblem(foreign, true)).toMatch(/not a dbaas-console database.*invoices/)
    const text = join(dir, 'notes.db')
    writeFileSync(text, 'hello, this is not SQLite at all, just text that is long enough')
    expect(storeFileProblem(text, true)).toMatch(/cannot be opened as an SQLite database/)
  })

  it('opens this server’s own store as it is', () => {
    const path = join(dir, 'own.db')
    createTestCloud({ dbPath: path }).close()
    expect(storeFileProblem(path, false)).toBeNull()
    expect(storeFileProblem(path, true)).toBeNull()
  })
})
