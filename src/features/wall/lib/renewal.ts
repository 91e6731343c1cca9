/**
 * When the wall renews its token, pure. A token is renewed at 80 % of its lifetime, measured on
 * the browser's clock from when it arrived (the cloud's clock may differ from the wall's; the
 * lifetime `expires_at - issued_at` does not). Failed renewals retry with backoff, and never
 * later than the token's last useful moment.
 */
export const RENEW_AT_FRACTION = 0.8
export const RENEW_MIN_MS = 1_000
export const RENEW_RETRY_MAX_MS = 30_000

export interface TokenTimes {
  /** Cloud timestamps (epoch ms). */
  issuedAt: number
  expiresAt: number
  /** Browser time when the token arrived. */
  receivedAt: number
}

/** Browser time at which the token stops being accepted. */
export function localExpiry(t: TokenTimes): number {
  return t.receivedAt + Math.max(0, t.expiresAt - t.issuedAt)
}

/** Browser time at which to renew: 80 % of the lifetime after arrival. */
export function renewAt(t: TokenTimes): number {
  return t.receivedAt + RENEW_AT_FRACTION * Math.max(0, t.expiresAt - t.issuedAt)
}

/** Delay after a failed attempt: 2 s, 4 s, 8 s ... capped at 30 s. */
export function retryDelayMs(failures: number): number {
  return Math.min(RENEW_RETRY_MAX_MS, 1_000 * 2 ** Math.max(1, failures))
}

/**
 * Milliseconds from `now` until the next renewal attempt. After `failures` failed attempts the
 * backoff applies, but an attempt is never scheduled past the token's expiry while it is valid.
 */
export function renewalDelayMs(t: TokenTimes, now: number, failures = 0): number {
  if (failures > 0) {
    const expiry = localExpiry(t)
    const backoff = retryDelayMs(failures)
    const beforeExpiry = expiry - now - RENEW_MIN_MS
    return Math.max(RENEW_MIN_MS, beforeExpiry > 0 ? Math.min(backoff, beforeExpiry) : backoff)
  }
  return Math.max(RENEW_MIN_MS, renewAt(t) - now)
}

/** True once the token is past its (browser-clock) expiry. */
export function isExpired(t: TokenTimes, now: number): boolean {
  return now >= localExpiry(t)
}

/**
 * Refresh interval of the wall's data: `refreshMs` while the API answers, doubling with each
 * failed refresh up to 30 s, so a stopped API is not hammered and a restarted one is seen soon.
 */
export function pollDelayMs(refreshMs: number, failures: number): number {
  if (failures <= 0) return refreshMs
  return Math.min(Math.max(refreshMs, 30_000), refreshMs * 2 ** Math.min(failures, 6))
}
