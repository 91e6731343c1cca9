import { afterEach, describe, expect, it } from 'vitest'
import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { connectivity, isUnreachable, refetchOnRecovery } from './connectivity'
import { ApiError } from './errors'

const err = (status: number, kind: ApiError['kind']) => new ApiError({ status, kind, message: 'x' })

afterEach(() => connectivity.reset())

describe('isUnreachable', () => {
  it('is a network failure or a gateway that could not reach the cloud', () => {
    expect(isUnreachable(err(0, 'network'))).toBe(true)
    expect(isUnreachable(err(502, 'server'))).toBe(true)
    expect(isUnreachable(err(504, 'server'))).toBe(true)
  })
  it('is not an answer from the cloud', () => {
    expect(isUnreachable(err(500, 'server'))).toBe(false)
    expect(isUnreachable(err(401, 'session-expired'))).toBe(false)
    expect(isUnreachable(new Error('boom'))).toBe(false)
  })
})

describe('connectivity', () => {
  it('goes unreachable on the first failure and back on the next answer', () => {
    let changes = 0
    const off = connectivity.subscribe(() => changes++)
    connectivity.reportAnswer(100)
    expect(connectivity.get()).toMatchObject({ reachable: true, lastAnswerAt: 100, outages: 0 })
    connectivity.reportUnreachable(200)
    connectivity.reportUnreachable(300) // the outage started at the first failure
    expect(connectivity.get()).toEqual({
      reachable: false,
      since: 200,
      lastAnswerAt: 100,
      outages: 1,
    })
    connectivity.reportAnswer(400)
    expect(connectivity.get()).toEqual({
      reachable: true,
      since: undefined,
      lastAnswerAt: 400,
      outages: 1,
    })
    expect(changes).toBe(2) // only the transitions notify
    off()
  })

  it('refetches the failed active queries once the cloud answers again', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    let calls = 0
    const observer = new QueryObserver(client, {
      queryKey: ['k'],
      queryFn: () => {
        calls++
        return calls === 1 ? Promise.reject(err(0, 'network')) : Promise.resolve('ok')
      },
    })
    const stop = observer.subscribe(() => undefined)
    await expect.poll(() => observer.getCurrentResult().status).toBe('error')
    const off = refetchOnRecovery(client)
    connectivity.reportUnreachable()
    expect(calls).toBe(1)
    connectivity.reportAnswer()
    await expect.poll(() => observer.getCurrentResult().data).toBe('ok')
    expect(calls).toBe(2)
    off()
    stop()
    client.clear()
  })
})
