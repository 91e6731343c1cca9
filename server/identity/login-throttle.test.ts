import { describe, expect, it } from 'vitest'
import { createLoginThrottle } from './login-throttle'

describe('createLoginThrottle', () => {
  const opts = { userFailures: 3, addressFailures: 10, maxLockoutSeconds: 60 }

  it('locks a user out after its limit, doubling each further failure up to the maximum', () => {
    const t = createLoginThrottle(opts)
    const now = 1_000_000
    t.failed('u', 'a1', now)
    t.failed('u', 'a2', now)
    expect(t.retryAfter('u', 'a3', now)).toBeNull()
    t.failed('u', 'a3', now)
    expect(t.retryAfter('u', 'a4', now)).toBe(1)
    t.failed('u', 'a4', now + 1000)
    expect(t.retryAfter('u', 'a5', now + 1000)).toBe(2)
    for (let i = 0; i < 20; i++) t.failed('u', 'a5', now + 2000)
    expect(t.retryAfter('u', 'a6', now + 2000)).toBe(60)
    expect(t.retryAfter('other', 'a6', now + 2000)).toBeNull()
  })

  it('locks a client address out after its own limit, whatever names it tries', () => {
    const t = createLoginThrottle(opts)
    for (let i = 0; i < 10; i++) t.failed(`user${i}`, 'attacker', 0)
    expect(t.retryAfter('fresh-name', 'attacker', 0)).toBe(1)
    expect(t.retryAfter('fresh-name', 'someone-else', 0)).toBeNull()
  })

  it('forgets a user’s failures on success, and after the maximum without one', () => {
    const t = createLoginThrottle(opts)
    t.failed('u', 'a', 0)
    t.failed('u', 'a', 0)
    t.succeeded('u')
    t.failed('u', 'a', 0)
    expect(t.retryAfter('u', 'b', 0)).toBeNull()
    t.failed('u', 'a', 0)
    t.failed('u', 'a', 0)
    expect(t.retryAfter('u', 'b', 0)).toBe(1)
    expect(t.retryAfter('u', 'b', 61_001)).toBeNull()
  })

  it('turns a limit off with 0', () => {
    const t = createLoginThrottle({ ...opts, userFailures: 0, addressFailures: 0 })
    for (let i = 0; i < 100; i++) t.failed('u', 'a', 0)
    expect(t.retryAfter('u', 'a', 0)).toBeNull()
  })
})
