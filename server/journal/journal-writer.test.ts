import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { Hono } from 'hono'
import { afterEach, describe, expect, it } from 'vitest'
import { openSqliteStateStore } from '../console-state/sqlite-state-store'
import type { StateStore } from '../console-state/state-store'
import { createJournal } from './journal'
import type { PendingEntry } from './journal-entry'
import { journalMiddleware } from './journal-middleware'
import { writerWorkerUrl, type WriterReply, type WriterRequest } from './journal-writer'
import { fixedActors } from './fixed-actors'

const actors = fixedActors

const SECRET = 'hunter2-never-stored'

let dir: string | undefined
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = undefined
})

/** The store with its batch writes counted (the main thread's write path). */
function counted(
  store: StateStore,
  file = store.file,
): { store: StateStore; batches: () => number } {
  let batches = 0
  return {
    store: {
      ...store,
      backend: store.backend,
      where: store.where,
      file,
      runBatch(sql, rows) {
        batches++
        return store.runBatch(sql, rows)
      },
    },
    batches: () => batches,
  }
}

async function sendRequests(journal: ReturnType<typeof createJournal>, n: number) {
  const app = new Hono()
  app.use(journalMiddleware({ journal, actors }))
  app.post('/trove/*', async (c) => {
    await c.req.json()
    return c.body(null, 202)
  })
  for (let i = 1; i <= n; i++) {
    const res = await app.request(`http://t/trove/R1/v1.0/p1/instances/i${i}/action`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Auth-Token': 't' },
      body: JSON.stringify({ restart: {}, users: [{ name: 'app', password: SECRET }] }),
    })
    expect(res.status).toBe(202)
  }
}

describe('journal writer thread', () => {
  it('builds, redacts and writes in its worker thread, in order, on a SQLite file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'journal-writer-'))
    const file = join(dir, 'state.db')
    const logs: string[] = []
    const { store, batches } = counted(openSqliteStateStore(file))
    const journal = createJournal(store, { log: (l) => logs.push(l) })
    // Fails when the worker cannot start (it falls back to the main thread and logs why).
    expect(await journal.writerStarted).toBe('worker')
    await sendRequests(journal, 30)
    await journal.flush()
    expect(journal.writesIn).toBe('worker')
    expect(batches()).toBe(0)
    const entries = await journal.list({ limit: 100 })
    expect(entries.map((e) => e.resourceId).reverse()).toEqual(
      Array.from({ length: 30 }, (_, i) => `i${i + 1}`),
    )
    expect(entries[0]).toMatchObject({ userName: 'demo', projectId: 'p1', action: 'restart' })
    expect(JSON.stringify(entries[0]?.summary)).toContain('***')
    await journal.close()
    for (const suffix of ['', '-wal']) {
      if (existsSync(file + suffix))
        expect(readFileSync(file + suffix).includes(SECRET)).toBe(false)
    }
    expect(logs).toEqual([])
  })

  it('a writer thread that cannot open its file: logged, and the main thread writes', async () => {
    dir = mkdtempSync(join(tmpdir(), 'journal-writer-'))
    const logs: string[] = []
    const { store, batches } = counted(
      openSqliteStateStore(join(dir, 'state.db')),
      join(dir, 'missing-dir', 'state.db'),
    )
    const journal = createJournal(store, { log: (l) => logs.push(l) })
    expect(await journal.writerStarted).toBe('main')
    expect(logs.join('\n')).toMatch(/writer thread stopped/)
    await sendRequests(journal, 3)
    await journal.flush()
    expect(batches()).toBe(1)
    expect((await journal.list({ limit: 10 })).length).toBe(3)
    await journal.close()
  })

  it("the server bundle's writer thread loads beside dist-server/main.mjs and writes", async () => {
    // Inside the repository (gitignored .e2e-db), as e2e bundles are: packages resolve from node_modules.
    mkdirSync('.e2e-db', { recursive: true })
    dir = mkdtempSync(join(process.cwd(), '.e2e-db', 'journal-writer-'))
    const bundle = join(dir, 'dist', 'main.mjs')
    execFileSync(process.execPath, ['scripts/build-server.mjs', bundle], { stdio: 'pipe' })
    const url = writerWorkerUrl(pathToFileURL(bundle).href)
    expect(url.pathname.endsWith('/dist/journal-writer-worker.mjs')).toBe(true)
    const file = join(dir, 'state.db')
    await openSqliteStateStore(file).close()
    const worker = new Worker(url, { workerData: { file } })
    const replies: WriterReply[] = []
    const written = new Promise<void>((resolve, reject) => {
      worker.on('error', reject)
      worker.on('message', (r: WriterReply) => {
        replies.push(r)
        if (r.type !== 'ready') resolve()
      })
    })
    const item: PendingEntry = {
      kind: 'request',
      request: {
        at: 1,
        method: 'POST',
        path: '/trove/R1/v1.0/p1/instances/i9/action',
        bodyText: JSON.stringify({ restart: {} }),
        status: 202,
        requestId: 'req-1',
        actor: null,
        createdText: null,
        endpointRegion: null,
      },
    }
    const request: WriterRequest = { type: 'write', id: 1, items: [item] }
    worker.postMessage(request)
    await written
    await worker.terminate()
    expect(replies[0]).toEqual({ type: 'ready' })
    expect(replies[1]).toMatchObject({ type: 'written', id: 1, rows: 1 })
    const store = openSqliteStateStore(file)
    const rows = await store.query<{ resource_id: string; action: string }>(
      'SELECT resource_id, action FROM journal_entries',
    )
    await store.close()
    expect(rows).toEqual([{ resource_id: 'i9', action: 'restart' }])
  }, 60_000)
})
