/**
 * The process journal-crash.test.ts kills: a journal on a SQLite file behind the real journal
 * middleware, sending itself mutating requests. It first prints `writer <worker|main>` (where the
 * journal builds and writes, once its writer thread has started); after each answer it prints
 * `<n> <epoch ms>`; with `--stop-after N` it stops after N answers and prints `idle`.
 *   node --import tsx server/journal/journal-crash-child.ts <state.db> [--stop-after N]
 */
import { Hono } from 'hono'
import { openSqliteStateStore } from '../console-state/sqlite-state-store'
import { createJournal } from './journal'
import { journalMiddleware } from './journal-middleware'
import { fixedActors } from './fixed-actors'

const [path, flag, limitText] = process.argv.slice(2)
if (!path) throw new Error('usage: journal-crash-child.ts <state.db> [--stop-after N]')
const stopAfter = flag === '--stop-after' ? Number(limitText) : Infinity

const actors = fixedActors

const journal = createJournal(openSqliteStateStore(path))
process.stdout.write(`writer ${await journal.writerStarted}\n`)
const app = new Hono()
app.use(journalMiddleware({ journal, actors }))
app.post('/trove/*', async (c) => {
  await c.req.json()
  return c.body(null, 202)
})

for (let n = 1; n <= stopAfter; n++) {
  const res = await app.request(`http://child/trove/R1/v1.0/p1/instances/i${n}/action`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Auth-Token': 't' },
    body: JSON.stringify({ restart: {} }),
  })
  if (res.status !== 202) throw new Error(`answered ${res.status}`)
  process.stdout.write(`${n} ${Date.now()}\n`)
  // A request a millisecond: the journal's window always holds some.
  await new Promise((r) => setTimeout(r, 1))
}
process.stdout.write('idle\n')
setInterval(() => {}, 1000) // stays up until killed
