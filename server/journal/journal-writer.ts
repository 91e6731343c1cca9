import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { StateStore } from '../console-state/state-store'
import { batchRows, INSERT_ENTRY, type PendingEntry } from './journal-entry'

/**
 * Writes the journal's batches. On a SQLite file the building (parsing, redaction) and the INSERT
 * run in a worker thread with its own connection (WAL), so the event loop that answers requests
 * only posts each batch (`workerWriter`); PostgreSQL and in-memory stores write from the main
 * thread (`mainThreadWriter`).
 *
 * One message per flush window, not one per request: measured (bench/journal.ts, main-thread CPU
 * per request), posting each request's entry (or groups of 32) cost the event loop more than
 * copying the window's batch once (more promise hops and messages, the thread woken per message).
 */
export interface JournalWriter {
  /** Where batches are written now ('main' until the writer thread is ready, or after it failed). */
  readonly thread: 'worker' | 'main'
  /** Where batches will be written once the writer thread has started or failed to. */
  readonly started: Promise<'worker' | 'main'>
  /** Builds and stores `items` in one transaction, in order; resolves once they are stored. */
  write(items: readonly PendingEntry[]): Promise<WrittenBatch>
  close(): Promise<void>
}

export interface WrittenBatch {
  rows: number
  /** Build and write time, ms (in the thread that did it). */
  ms: number
}

/** What the writer thread is started with. */
export interface WriterWorkerData {
  file: string
}

export type WriterRequest =
  { type: 'write'; id: number; items: readonly PendingEntry[] } | { type: 'close' }

export type WriterReply =
  | { type: 'ready' }
  | { type: 'written'; id: number; rows: number; ms: number; failures: string[] }
  | { type: 'failed'; id: number; message: string }

const message = (err: unknown) => (err instanceof Error ? err.message : String(err))

export function mainThreadWriter(store: StateStore, log: (line: string) => void): JournalWriter {
  return {
    thread: 'main',
    started: Promise.resolve('main'),
    async write(items) {
      const t0 = performance.now()
      const rows = batchRows(items, (err) =>
        log(`journal: an entry could not be built: ${message(err)}`),
      )
      if (rows.length > 0) await store.runBatch(INSERT_ENTRY, rows)
      return { rows: rows.length, ms: performance.now() - t0 }
    },
    close: () => Promise.resolve(),
  }
}

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

function startWorker(file: string): Worker {
  const url = writerWorkerUrl()
  const workerData: WriterWorkerData = { file }
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData })
  // From the sources: Node 20 workers do not inherit `--import tsx` (loader hooks are per
  // thread), so the worker loads its module through tsx's API.
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'))
  const api = pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href
  const boot = `import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(url.href)}))`
  return new Worker(boot, { eval: true, workerData })
}

/**
 * Batches go to a worker thread that owns its own connection to `file`. Batches are written in the
 * order they were posted (one thread, one message at a time). Until the thread is ready (loading
 * it takes a while, longer from the sources through tsx), batches go to `fallback` on the main
 * thread: the crash window stays FLUSH_EVERY_MS from the first request. The caller writes one
 * batch at a time, so switching keeps the order. If the thread fails (cannot start, crashes), the
 * batches it had not acknowledged are reported lost, the failure is logged, and later batches go
 * to `fallback`.
 */
export function workerWriter(opts: {
  file: string
  fallback: JournalWriter
  log: (line: string) => void
}): JournalWriter {
  const waiting = new Map<
    number,
    { resolve: (b: WrittenBatch) => void; reject: (err: Error) => void }
  >()
  let nextId = 1
  let closing = false
  let worker: Worker | undefined
  let ready = false
  let settle: (thread: 'worker' | 'main') => void = () => {}
  const started = new Promise<'worker' | 'main'>((resolve) => (settle = resolve))

  const down = (why: string) => {
    if (!worker) return
    worker = undefined
    settle('main')
    if (!closing)
      opts.log(
        `journal: the writer thread stopped (${why}); writing on the main thread from now on`,
      )
    for (const w of waiting.values()) w.reject(new Error(`the writer thread stopped: ${why}`))
    waiting.clear()
  }

  try {
    worker = startWorker(opts.file)
  } catch (err) {
    opts.log(
      `journal: the writer thread did not start (${message(err)}); writing on the main thread`,
    )
    settle('main')
  }
  if (worker) {
    const w = worker
    // Idle, the thread does not keep the process alive; with a batch in flight it does.
    w.unref()
    w.on('message', (reply: WriterReply) => {
      if (reply.type === 'ready') {
        ready = true
        settle('worker')
        return
      }
      const pending = waiting.get(reply.id)
      waiting.delete(reply.id)
      if (waiting.size === 0) w.unref()
      if (!pending) return
      if (reply.type === 'failed') return pending.reject(new Error(reply.message))
      for (const f of reply.failures) opts.log(`journal: an entry could not be built: ${f}`)
      pending.resolve({ rows: reply.rows, ms: reply.ms })
    })
    w.on('error', (err) => down(err.message))
    w.on('exit', (code) => down(`exit code ${code}`))
  }

  return {
    get thread() {
      return worker && ready ? 'worker' : 'main'
    },
    started,
    write(items) {
      const w = worker
      if (!w || !ready) return opts.fallback.write(items)
      const id = nextId++
      return new Promise<WrittenBatch>((resolve, reject) => {
        waiting.set(id, { resolve, reject })
        w.ref()
        const request: WriterRequest = { type: 'write', id, items }
        w.postMessage(request)
      })
    },
    async close() {
      closing = true
      const w = worker
      if (!w) return
      const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()))
      w.ref()
      const request: WriterRequest = { type: 'close' }
      w.postMessage(request)
      await exited
    },
  }
}
