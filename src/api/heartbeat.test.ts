import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { connectivity } from './connectivity'
import { startHeartbeat } from './heartbeat'

describe('heartbeat', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    connectivity.reset()
  })
  afterEach(() => {
    vi.useRealTimers()
    connectivity.reset()
  })

  it('probes only after 10 s without any answer, and marks the outage and the recovery', async () => {
    let up = true
    const calls: string[] = []
    const fetchImpl = vi.fn((input: RequestInfo | URL) => {
      calls.push(String(input))
      return up
        ? Promise.resolve(new Response('ok', { status: 200 }))
        : Promise.reject(new TypeError('Failed to fetch'))
    })
    connectivity.reportAnswer(Date.now())
    const hb = startHeartbeat({ fetchImpl: fetchImpl as typeof fetch })
    await vi.advanceTimersByTimeAsync(9_000)
    expect(calls).toEqual([])
    await vi.advanceTimersByTimeAsync(2_000)
    expect(calls).toEqual(['/healthz'])

    up = false
    await vi.advanceTimersByTimeAsync(11_000)
    expect(connectivity.get().reachable).toBe(false)
    // During the outage: every 2 s.
    const before = calls.length
    await vi.advanceTimersByTimeAsync(6_000)
    expect(calls.length - before).toBe(3)

    up = true
    await vi.advanceTimersByTimeAsync(2_000)
    expect(connectivity.get().reachable).toBe(true)
    hb.stop()
  })

  it('stays quiet while other requests are answered or under way', async () => {
    const fetchImpl = vi.fn(() => Promise.resolve(new Response('ok')))
    const hb = startHeartbeat({ fetchImpl: fetchImpl as typeof fetch, busy: () => true })
    connectivity.reportAnswer(Date.now())
    await vi.advanceTimersByTimeAsync(30_000)
    expect(fetchImpl).not.toHaveBeenCalled()
    hb.stop()
  })

  it('takes a gateway 502 for an outage', async () => {
    const fetchImpl = vi.fn(() => Promise.resolve(new Response('', { status: 502 })))
    const hb = startHeartbeat({ fetchImpl: fetchImpl as typeof fetch })
    await hb.probeNow()
    expect(connectivity.get().reachable).toBe(false)
    hb.stop()
  })
})
