import { describe, expect, it } from 'vitest'
import { ApiError } from './errors'
import { isHandledGlobally, retryDelay, shouldRetryQuery } from './query-client'

const err = (status: number, kind: ApiError['kind']) => new ApiError({ status, kind, message: 'x' })

describe('shouldRetryQuery', () => {
  it('retries server errors up to 3 times', () => {
    expect(shouldRetryQuery(2, err(503, 'server'))).toBe(true)
    expect(shouldRetryQuery(3, err(503, 'server'))).toBe(false)
  })
  it('keeps retrying while the cloud cannot be reached (network, gateway 502/504)', () => {
    for (const e of [err(0, 'network'), err(502, 'server'), err(504, 'server')]) {
      expect(shouldRetryQuery(0, e)).toBe(true)
      expect(shouldRetryQuery(50, e)).toBe(true)
    }
  })
  it('never retries 4xx answers', () => {
    for (const [status, kind] of [
      [401, 'session-expired'],
      [401, 'admin-required'],
      [404, 'not-found'],
      [400, 'bad-request'],
      [413, 'over-limit'],
    ] as const) {
      expect(shouldRetryQuery(0, err(status, kind))).toBe(false)
    }
  })
  it('does not retry responses it cannot parse or unknown errors', () => {
    expect(shouldRetryQuery(0, err(200, 'invalid-response'))).toBe(false)
    expect(shouldRetryQuery(0, new Error('boom'))).toBe(false)
  })
})

describe('retryDelay', () => {
  it('backs off exponentially, capped', () => {
    expect([0, 1, 2, 3, 4].map(retryDelay)).toEqual([1000, 2000, 4000, 8000, 8000])
  })
})

describe('isHandledGlobally', () => {
  it('is only session expiry, never admin-required', () => {
    expect(isHandledGlobally(err(401, 'session-expired'))).toBe(true)
    expect(isHandledGlobally(err(401, 'admin-required'))).toBe(false)
  })
})
