import { describe, expect, it } from 'vitest'
import {
  isExpired,
  localExpiry,
  pollDelayMs,
  renewAt,
  renewalDelayMs,
  retryDelayMs,
} from './renewal'

// A 10-second token issued by a cloud whose clock is 1 hour ahead of the wall's.
const skewed = { issuedAt: 3_600_000 + 0, expiresAt: 3_600_000 + 10_000, receivedAt: 50_000 }

describe('token renewal schedule', () => {
  it('renews at 80 % of the lifetime, on the browser clock', () => {
    expect(renewAt(skewed)).toBe(58_000)
    expect(localExpiry(skewed)).toBe(60_000)
    expect(renewalDelayMs(skewed, 50_000)).toBe(8_000)
    expect(renewalDelayMs(skewed, 57_500)).toBe(1_000) // never sooner than 1 s
    const hour = { issuedAt: 0, expiresAt: 3_600_000, receivedAt: 0 }
    expect(renewalDelayMs(hour, 0)).toBe(2_880_000)
  })

  it('backs off after failures but tries again before the token expires', () => {
    expect(retryDelayMs(1)).toBe(2_000)
    expect(retryDelayMs(2)).toBe(4_000)
    expect(retryDelayMs(10)).toBe(30_000)
    const hour = { issuedAt: 0, expiresAt: 3_600_000, receivedAt: 0 }
    expect(renewalDelayMs(hour, 2_880_000, 1)).toBe(2_000)
    expect(renewalDelayMs(hour, 2_880_000, 9)).toBe(30_000)
    // 5 s left: the retry comes 1 s before expiry, not after the 30 s backoff.
    expect(renewalDelayMs(hour, 3_595_000, 9)).toBe(4_000)
    // Already expired: keep trying with the backoff.
    expect(renewalDelayMs(hour, 3_700_000, 3)).toBe(8_000)
  })

  it('knows when a token is past its expiry', () => {
    expect(isExpired(skewed, 59_999)).toBe(false)
    expect(isExpired(skewed, 60_000)).toBe(true)
  })
})

describe('refresh backoff', () => {
  it('polls at the configured rate, doubling while the API fails, up to 30 s', () => {
    expect(pollDelayMs(10_000, 0)).toBe(10_000)
    expect(pollDelayMs(10_000, 1)).toBe(20_000)
    expect(pollDelayMs(10_000, 5)).toBe(30_000)
    expect(pollDelayMs(2_000, 2)).toBe(8_000)
    expect(pollDelayMs(120_000, 3)).toBe(120_000) // a slow wall never polls faster on failure
  })
})
