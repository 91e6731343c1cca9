/**
 * The journal's writer thread (journal-writer.ts `workerWriter`): builds each batch's entries
 * (parsing, redaction) and writes them in one transaction on its own SQLite connection (WAL), off
 * the event loop that answers requests. Replies to each batch once it is committed.
 */
import Database from 'better-sqlite3'
import { parentPort, workerData } from 'node:worker_threads'
import type { SqlValue } from '../console-state/state-store'
import { batchRows, INSERT_ENTRY } from './journal-entry'
import type { WriterReply, WriterRequest, WriterWorkerData } from './journal-writer'

function isWorkerData(data: unknown): data is WriterWorkerData {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { file?: unknown }).file === 'string'
  )
}

const port = parentPort
if (!port) throw new Error('journal-writer-worker runs as a worker thread')
if (!isWorkerData(workerData)) throw new Error('journal-writer-worker: workerData.file missing')

const db = new Database(workerData.file)
// The main connection set WAL on the file and applied the migrations before this thread started.
db.pragma('synchronous = NORMAL')
db.pragma('busy_timeout = 5000')
const insert = db.prepare(INSERT_ENTRY)
const writeAll = db.transaction((rows: SqlValue[][]) => {
  for (const r of rows) insert.run(...r)
})

const reply = (r: WriterReply) => port.postMessage(r)

port.on('message', (request: WriterRequest) => {
  if (request.type === 'close') {
    db.close()
    port.close()
    return
  }
  const t0 = performance.now()
  const failures: string[] = []
  try {
    const rows = batchRows(request.items, (err) =>
      failures.push(err instanceof Error ? err.message : String(err)),
    )
    if (rows.length > 0) writeAll(rows)
    reply({
      type: 'written',
      id: request.id,
      rows: rows.length,
      ms: performance.now() - t0,
      failures,
    })
  } catch (err) {
    reply({
      type: 'failed',
      id: request.id,
      message: err instanceof Error ? err.message : String(err),
    })
  }
})

reply({ type: 'ready' })
