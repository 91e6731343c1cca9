import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { StateStore } from '../console-state/state-store'
import { batchRows, INSERT_ENTRY, type PendingEntry } from './journal-entry'

/**
 * Where the journal builds (parses, redacts) and writes its entries. On a SQLite file: a worker
 * thread with its own connection (WAL), which batches what it is posted (`startWriterThread`), so
 * the event loop that answers requests only posts one small message per request. PostgreSQL and
 * in-memory stores, and a SQLite file until the thread is ready or after it failed: batches
 * written from the main thread (`mainThreadWriter`).
 */
export interface MainThreadWriter {
  /** Builds and stores `items` in one transaction, in order. */
  write(items: readonly PendingEntry[]): Promise<WrittenBatch>
}

export interface WrittenBatch {
  rows: number
  /** Build and write time, ms (in the thread that did it). */
  ms: number
}

/** Entries handed to the writer thread per message (see `WriterThread.post`). */
const POST_AT_ENTRIES = 32

const message = (err: unknown) => (err instanceof Error ? err.message : String(err))

export function mainThreadWriter(store: StateStore, log: (line: string) => void): MainThreadWriter {
  return {
    async write(items) {
      const t0 = performance.now()
      const rows = batchRows(items, (err) =>
        log(`journal: an entry could not be built: ${message(err)}`),
      )
      if (rows.length > 0) await store.runBatch(INSERT_ENTRY, rows)
      return { rows: rows.length, ms: performance.now() - t0 }
    },
  }
}

/** What the writer thread is started with. */
export interface WriterWorkerData {
  file: string
  /** An entry waits at most this long in the thread before its batch is committed. */
  flushEveryMs: number
  /** ... or until this many are waiting. */
  flushAtEntries: number
}

export type WriterRequest =
  | { type: 'entries'; entries: PendingEntry[] }
  /** Commit what is waiting now, then answer `flushed`. */
  | { type: 'flush'; id: number }
  | { type: 'close' }

export type WriterReply =
  | { type: 'ready' }
  /** A batch was committed: `entries` posted entries consumed, `rows` written. */
  | { type: 'written'; entries: number; rows: number; ms: number; failures: string[] }
  | { type: 'failed'; entries: number; message: string }
  | { type: 'flushed'; id: number }

/**
 * The writer thread's module next to this one: the source (`.ts`, run by tsx or vitest) or, in
 * the server bundle (dist-server/main.mjs), the worker bundle beside it (scripts/build-server.mjs).
 */
export function writerWorkerUrl(moduleUrl: string = import.meta.url): URL {
  const name = new URL(moduleUrl).pathname.endsWith('.ts')
    ? './journal-writer-worker.ts'
    : './journal-writer-worker.mjs'
  return new URL(name, moduleUrl)
}

function startWorker(workerData: WriterWorkerData): Worker {
  const url = writerWorkerUrl()
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData })
  // From the sources: Node 20 workers do not inherit `--import tsx` (loader hooks are per
  // thread), so the worker loads its module through tsx's API.
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'))
  const api = pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href
  const boot = `import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(url.href)}))`
  return new Worker(boot, { eval: true, workerData })
}

export interface WriterThread {
  /** 'starting' until the thread has opened its connection; 'down' after it failed or closed. */
  readonly state: 'starting' | 'ready' | 'down'
  /** 'worker' once ready, 'main' if it failed to start. */
  readonly started: Promise<'worker' | 'main'>
  /**
   * Queues an entry (only while ready); committed within the flush window, in posting order.
   * Entries are handed to the thread in small groups (`POST_AT_ENTRIES`, or after a quarter of
   * the window): one message per request wakes the thread per request, one per window makes the
   * event loop copy hundreds at once.
   */
  post(entry: PendingEntry): void
  /** Resolves once everything posted so far is committed; rejects if the thread stopped. */
  flush(): Promise<void>
  close(): Promise<void>
}

/**
 * The journal's writer thread on the SQLite `file`. It commits one transaction per
 * `flushEveryMs` (or `flushAtEntries`), in the order entries were posted. If it fails (cannot
 * start, crashes) the failure is logged, the entries it had not committed are lost (reported), and
 * `state` becomes 'down': the journal writes from the main thread from then on.
 */
export function startWriterThread(opts: {
  file: string
  flushEveryMs: number
  flushAtEntries: number
  log: (line: string) => void
  onWritten?: ((rows: number, ms: number) => void) | undefined
}): WriterThread {
  let state: WriterThread['state'] = 'starting'
  let closing = false
  let settle: (thread: 'worker' | 'main') => void = () => {}
  const started = new Promise<'worker' | 'main'>((resolve) => (settle = resolve))
  const flushes = new Map<number, { resolve: () => void; reject: (err: Error) => void }>()
  let nextFlush = 1
  /** Posted, not yet committed: while any, the thread keeps the process alive. */
  let outstanding = 0
  let worker: Worker | undefined
  let outbox: PendingEntry[] = []
  let outboxTimer: ReturnType<typeof setTimeout> | undefined
  const postEveryMs = Math.max(1, Math.floor(opts.flushEveryMs / 4))

  const down = (why: string) => {
    if (state === 'down') return
    state = 'down'
    worker = undefined
    if (outboxTimer) clearTimeout(outboxTimer)
    settle('main')
    if (!closing) {
      const unwritten = outstanding + outbox.length
      const lost = unwritten ? `, ${unwritten} entries not written` : ''
      opts.log(`journal: the writer thread stopped (${why})${lost}; writing on the main thread`)
    }
    for (const f of flushes.values()) f.reject(new Error(`the writer thread stopped: ${why}`))
    flushes.clear()
  }
  const settled = (entries: number) => {
    outstanding = Math.max(0, outstanding - entries)
    if (outstanding === 0 && flushes.size === 0) worker?.unref()
  }

  try {
    worker = startWorker({
      file: opts.file,
      // The outbox holds an entry up to a quarter of the window; the thread the rest.
      flushEveryMs: Math.max(1, opts.flushEveryMs - postEveryMs),
      flushAtEntries: opts.flushAtEntries,
    })
  } catch (err) {
    down(`did not start: ${message(err)}`)
  }
  if (worker) {
    const w = worker
    // Idle, the thread does not keep the process alive; with entries in it, it does.
    w.unref()
    w.on('message', (reply: WriterReply) => {
      switch (reply.type) {
        case 'ready':
          if (state === 'starting') state = 'ready'
          settle('worker')
          return
        case 'written':
          for (const f of reply.failures) opts.log(`journal: an entry could not be built: ${f}`)
          opts.onWritten?.(reply.rows, reply.ms)
          return settled(reply.entries)
        case 'failed':
          opts.log(`journal: ${reply.entries} entries not written: ${reply.message}`)
          return settled(reply.entries)
        case 'flushed': {
          const f = flushes.get(reply.id)
          flushes.delete(reply.id)
          f?.resolve()
          return settled(0)
        }
      }
    })
    w.on('error', (err) => down(err.message))
    w.on('exit', (code) => down(`exit code ${code}`))
  }

  const send = (request: WriterRequest) => {
    if (outstanding === 0 && flushes.size === 0) worker?.ref()
    worker?.postMessage(request)
  }
  const sendOutbox = () => {
    if (outboxTimer) clearTimeout(outboxTimer)
    outboxTimer = undefined
    if (outbox.length === 0 || state !== 'ready') return
    const entries = outbox
    outbox = []
    send({ type: 'entries', entries })
    outstanding += entries.length
  }

  return {
    get state() {
      return state
    },
    started,
    post(entry) {
      if (state !== 'ready') throw new Error('the journal writer thread is not ready')
      outbox.push(entry)
      if (outbox.length >= POST_AT_ENTRIES) sendOutbox()
      else outboxTimer ??= setTimeout(sendOutbox, postEveryMs)
    },
    flush() {
      sendOutbox()
      if (state !== 'ready') return Promise.resolve()
      const id = nextFlush++
      return new Promise<void>((resolve, reject) => {
        send({ type: 'flush', id })
        flushes.set(id, { resolve, reject })
      })
    },
    async close() {
      sendOutbox()
      closing = true
      const w = worker
      if (!w || state === 'down') return
      const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()))
      send({ type: 'close' })
      await exited
    },
  }
}
