/**
 * The journal's writer thread (journal-writer.ts `startWriterThread`): takes the entries the main
 * thread posts (in small groups), and every `flushEveryMs` (or `flushAtEntries`) builds
 * them (parsing, redaction) and commits them in one transaction on its own SQLite connection
 * (WAL), off the event loop that answers requests.
 */
import Database from 'better-sqlite3'
import { parentPort, workerData } from 'node:worker_threads'
import type { SqlValue } from '../console-state/state-store'
import { batchRows, INSERT_ENTRY, type PendingEntry } from './journal-entry'
import type { WriterReply, WriterRequest, WriterWorkerData } from './journal-writer'

function isWorkerData(data: unknown): data is WriterWorkerData {
  if (typeof data !== 'object' || data === null) return false
  const d = data as Record<string, unknown>
  return (
    typeof d.file === 'string' &&
    typeof d.flushEveryMs === 'number' &&
    typeof d.flushAtEntries === 'number'
  )
}

const port = parentPort
if (!port) throw new Error('journal-writer-worker runs as a worker thread')
if (!isWorkerData(workerData)) throw new Error('journal-writer-worker: bad workerData')
const { file, flushEveryMs, flushAtEntries } = workerData

const db = new Database(file)
// The main connection set WAL on the file and applied the migrations before this thread started.
db.pragma('synchronous = NORMAL')
db.pragma('busy_timeout = 5000')
const insert = db.prepare(INSERT_ENTRY)
const writeAll = db.transaction((rows: SqlValue[][]) => {
  for (const r of rows) insert.run(...r)
})

const reply = (r: WriterReply) => port.postMessage(r)
let waiting: PendingEntry[] = []
let timer: ReturnType<typeof setTimeout> | undefined

function commit() {
  if (timer) clearTimeout(timer)
  timer = undefined
  const batch = waiting
  waiting = []
  if (batch.length === 0) return
  const t0 = performance.now()
  const failures: string[] = []
  try {
    const rows = batchRows(batch, (err) =>
      failures.push(err instanceof Error ? err.message : String(err)),
    )
    if (rows.length > 0) writeAll(rows)
    const ms = performance.now() - t0
    reply({ type: 'written', entries: batch.length, rows: rows.length, ms, failures })
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    reply({ type: 'failed', entries: batch.length, message })
  }
}

port.on('message', (request: WriterRequest) => {
  switch (request.type) {
    case 'entries':
      for (const e of request.entries) waiting.push(e)
      if (waiting.length >= flushAtEntries) commit()
      else timer ??= setTimeout(commit, flushEveryMs)
      return
    case 'flush':
      commit()
      reply({ type: 'flushed', id: request.id })
      return
    case 'close':
      commit()
      db.close()
      port.close()
      return
  }
})

reply({ type: 'ready' })
