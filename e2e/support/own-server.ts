import { spawn, type ChildProcess } from 'node:child_process'

/**
 * A server of a spec's own on its own port (scripts/e2e-server.mjs), for specs that stop the
 * cloud and start it again on the same database file: `start(true)` keeps the file.
 */
export function ownServer(port: number, taskSpeed: string, extraArgs: readonly string[] = []) {
  let server: ChildProcess | undefined
  return {
    async start(keepDb: boolean) {
      server = spawn(
        process.execPath,
        ['scripts/e2e-server.mjs', '--port', String(port), '--task-speed', taskSpeed, ...extraArgs],
        { env: { ...process.env, ...(keepDb ? { E2E_KEEP_DB: '1' } : {}) }, stdio: 'ignore' },
      )
      const deadline = Date.now() + 60_000
      for (;;) {
        try {
          if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return
        } catch {
          // not up yet
        }
        if (Date.now() > deadline) throw new Error(`the test server on port ${port} did not start`)
        await new Promise((r) => setTimeout(r, 200))
      }
    },
    async stop() {
      const child = server
      server = undefined
      if (!child || child.exitCode !== null) return
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      })
    },
  }
}
