// Starts the real server for Playwright on a fresh SQLite file (one per port), so every run
// begins from the seeded demo cloud. It runs the compiled server with node, as `npm start` does:
// bundled afresh from the sources (well under a second) into .e2e-db/server-<port>/, so a spec
// never runs a stale bundle. Arguments are passed through to the server.
import { spawn } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { buildServer } from './build-server.mjs'

const args = process.argv.slice(2)
const port = args[args.indexOf('--port') + 1] ?? '4180'
const dir = '.e2e-db'
mkdirSync(dir, { recursive: true })
const db = `${dir}/cloud-${port}.db`
// E2E_KEEP_DB=1 keeps the file: a test that stops and restarts its own server resumes its state.
if (process.env.E2E_KEEP_DB !== '1')
  for (const file of [db, db.replace(/\.db$/, '.console-state.db')])
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })

// Trove's rate limit stays on, generous enough for two parallel workers in the demo project.
const limitArgs = ['--rate-limit', '3000']
// E2E_STATIC serves another build than dist/ (parallel runs that must not see each other's builds).
const staticArgs = process.env.E2E_STATIC ? ['--static', process.env.E2E_STATIC] : []
const bundle = await buildServer(`${process.cwd()}/${dir}/server-${port}/main.mjs`)
const child = spawn(
  process.execPath,
  ['--enable-source-maps', bundle, '--db', db, '--init', ...limitArgs, ...staticArgs, ...args],
  {
    stdio: 'inherit',
  },
)
const stop = (signal) => child.kill(signal)
process.on('SIGTERM', () => stop('SIGTERM'))
process.on('SIGINT', () => stop('SIGINT'))
child.on('exit', (code) => process.exit(code ?? 0))
