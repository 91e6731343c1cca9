import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { connect, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_SERVER_LIMITS, applyServerLimits, serverOptionsFor } from './server-limits'

let close: (() => void) | undefined
afterEach(() => close?.())

function start(limits = DEFAULT_SERVER_LIMITS): Promise<number> {
  const app = new Hono().get('/healthz', (c) => c.text('ok'))
  return new Promise((resolve) => {
    const server = serve(
      { fetch: app.fetch, port: 0, hostname: '127.0.0.1', serverOptions: serverOptionsFor(limits) },
      (info: AddressInfo) => resolve(info.port),
    )
    applyServerLimits(server, limits)
    close = () => server.close()
  })
}

/** Opens a socket and resolves when the server closes it (or after `waitMs`: still open). */
function held(
  port: number,
  send: string,
  waitMs: number,
): Promise<{ closedAfterMs: number | null; data: string }> {
  return new Promise((resolve) => {
    const started = Date.now()
    const socket: Socket = connect(port, '127.0.0.1', () => socket.write(send))
    let data = ''
    socket.on('data', (d) => (data += d.toString()))
    const timer = setTimeout(() => {
      socket.destroy()
      resolve({ closedAfterMs: null, data })
    }, waitMs)
    socket.on('close', () => {
      clearTimeout(timer)
      resolve({ closedAfterMs: Date.now() - started, data })
    })
    socket.on('error', () => {})
  })
}

describe('server limits', () => {
  it('documents its defaults', () => {
    expect(DEFAULT_SERVER_LIMITS).toEqual({
      maxConnections: 1024,
      headersTimeoutSeconds: 10,
      requestTimeoutSeconds: 30,
      keepAliveTimeoutSeconds: 65,
    })
  })

  it('drops a client that never finishes its headers after the headers timeout', async () => {
    const port = await start({
      ...DEFAULT_SERVER_LIMITS,
      headersTimeoutSeconds: 1,
      requestTimeoutSeconds: 2,
    })
    const slow = await held(port, 'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ', 6000)
    expect(slow.closedAfterMs).not.toBeNull()
    expect(slow.closedAfterMs!).toBeLessThan(4000)
    expect(slow.data).toMatch(/^HTTP\/1\.1 408/)
  })

  it('closes connections above the cap at once, and serves again when they go', async () => {
    const port = await start({ ...DEFAULT_SERVER_LIMITS, maxConnections: 2 })
    const sockets = await Promise.all(
      [0, 1].map(
        () =>
          new Promise<Socket>((resolve) => {
            const s = connect(port, '127.0.0.1', () => resolve(s))
            s.on('error', () => {})
          }),
      ),
    )
    await new Promise((r) => setTimeout(r, 100))
    const third = await held(port, '', 2000)
    expect(third.closedAfterMs).not.toBeNull()
    for (const s of sockets) s.destroy()
    await new Promise((r) => setTimeout(r, 100))
    const res = await fetch(`http://127.0.0.1:${port}/healthz`)
    expect(res.status).toBe(200)
  })
})
