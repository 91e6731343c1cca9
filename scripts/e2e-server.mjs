// Starts the real server for Playwright on a fresh SQLite file (one per port), so every run
// begins from the seeded demo cloud. Arguments are passed through to server/main.ts.
import { spawn } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'

const args = process.argv.slice(2)
const port = args[args.indexOf('--port') + 1] ?? '4180'
const dir = '.e2e-db'
mkdirSync(dir, { recursive: true })
const db = `${dir}/cloud-${port}.db`
for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true })

const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--db', db, ...args], {
  stdio: 'inherit',
})
const stop = (signal) => child.kill(signal)
process.on('SIGTERM', () => stop('SIGTERM'))
process.on('SIGINT', () => stop('SIGINT'))
child.on('exit', (code) => process.exit(code ?? 0))
