import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openSqliteStateStore } from '../console-state/sqlite-state-store'
import { FLUSH_EVERY_MS } from './journal'

/**
 * The journal's crash statement: entries wait in memory at most FLUSH_EVERY_MS before one
 * transaction writes them, so a SIGKILL loses at most the entries answered in the last window
 * (plus the time its write takes), never an older one, and never leaves a hole. Killed while idle,
 * it loses none.
 */

const CHILD = join(import.meta.dirname, 'journal-crash-child.ts')
/** Room for the window's write and the pipe on a loaded 2-core machine. */
const SLACK_MS = 500

let dir: string | undefined
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = undefined
})

/** Runs the child until `stop(lines)` says so, then SIGKILLs it; returns the answers it printed. */
function runAndKill(
  path: string,
  args: string[],
  stop: (answered: number, idle: boolean) => boolean,
): Promise<{ answered: Map<number, number>; killedAt: number; writer: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, path, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const answered = new Map<number, number>()
    let buffered = ''
    let errors = ''
    let killedAt = 0
    let writer = ''
    child.stderr.on('data', (d: Buffer) => (errors += d.toString()))
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString()
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      let idle = false
      for (const line of lines) {
        if (line === 'idle') idle = true
        if (line.startsWith('writer ')) writer = line.slice('writer '.length)
        const [n, at] = line.split(' ').map(Number)
        if (n && at) answered.set(n, at)
      }
      if (!killedAt && stop(answered.size, idle)) {
        const kill = () => {
          killedAt = Date.now()
          child.kill('SIGKILL')
        }
        if (idle) setTimeout(kill, FLUSH_EVERY_MS * 5)
        else kill()
      }
    })
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child exited on its own: ${errors}`))
      else resolve({ answered, killedAt, writer })
    })
  })
}

async function storedNumbers(path: string): Promise<number[]> {
  const store = openSqliteStateStore(path)
  const rows = await store.query<{ resource_id: string }>(
    'SELECT resource_id FROM journal_entries ORDER BY id',
  )
  await store.close()
  return rows.map((r) => Number(r.resource_id.slice(1)))
}

describe('journal crash window (SIGKILL)', () => {
  it('loses nothing answered before the last flush window; killed idle, loses nothing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'journal-crash-'))

    // Killed while requests stream in.
    const busy = join(dir, 'busy.db')
    const run = await runAndKill(busy, [], (n) => n >= 300)
    // The entries are built and written by the journal's writer thread (it started).
    expect(run.writer).toBe('worker')
    const stored = await storedNumbers(busy)
    // No hole: what is stored is the first answers, in order.
    expect(stored).toEqual(stored.map((_, i) => i + 1))
    const lost = [...run.answered].filter(([n]) => !stored.includes(n))
    for (const [n, at] of lost) {
      expect(
        at,
        `request ${n} was answered ${run.killedAt - at} ms before the kill`,
      ).toBeGreaterThan(run.killedAt - FLUSH_EVERY_MS - SLACK_MS)
    }
    expect(stored.length).toBeGreaterThan(0)

    // Killed after the last answer's window passed.
    const idle = join(dir, 'idle.db')
    const quiet = await runAndKill(idle, ['--stop-after', '200'], (_, isIdle) => isIdle)
    expect(quiet.writer).toBe('worker')
    expect(quiet.answered.size).toBe(200)
    expect(await storedNumbers(idle)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1))
  }, 60_000)
})
