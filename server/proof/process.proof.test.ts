import { createServer, type Server } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startServerProcess } from './process'

const dir = mkdtempSync(join(tmpdir(), 'process-proof-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A stand-in for a stale server left on a port: it answers /healthz like the console does. */
function staleServer(): Promise<{ server: Server; port: number }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ status: 'ok', mode: 'embedded' }))
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0 })
    }),
  )
}

describe('startServerProcess knows its own server', () => {
  it('refuses a port where another server answers /healthz', async () => {
    const stale = await staleServer()
    try {
      await expect(
        startServerProcess({ port: stale.port, dbPath: join(dir, 'a.db'), startTimeoutMs: 60_000 }),
      ).rejects.toThrow(/another server answers/)
    } finally {
      stale.server.close()
    }
  }, 90_000)

  it('starts its server, which echoes the run nonce; verify() fails once it is gone', async () => {
    const server = await startServerProcess({ dbPath: join(dir, 'b.db'), startTimeoutMs: 60_000 })
    try {
      const res = await fetch(`${server.url}/healthz`)
      expect(res.headers.get('x-console-run')).toBe(server.nonce)
      await expect(server.verify()).resolves.toBeUndefined()
      const other = await fetch(`${server.url}/v3`)
      expect(other.headers.get('x-console-run')).toBeNull()
    } finally {
      await server.stop()
    }
    await expect(server.verify()).rejects.toThrow()
  }, 90_000)
})
