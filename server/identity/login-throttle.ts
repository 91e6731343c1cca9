/** Limits on failed logins (`--login-lockout`, `--login-lockout-address`, `--login-lockout-max`). */
export interface LoginThrottleOptions {
  /** Failed logins in a row for one user before it is locked out; 0 turns this off. */
  userFailures: number
  /** Failed logins from one client address before it is locked out; 0 turns this off. */
  addressFailures: number
  /** The longest lockout in seconds; lockouts double from 1 s up to this. */
  maxLockoutSeconds: number
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleOptions = {
  userFailures: 5,
  addressFailures: 30,
  maxLockoutSeconds: 900,
}

interface Entry {
  failures: number
  lockedUntil: number
  last: number
}

export interface LoginThrottle {
  /** Seconds until a login for this user from this address may be tried, or null when it may now. */
  retryAfter(user: string, address: string, now: number): number | null
  failed(user: string, address: string, now: number): void
  /** A good password clears the user's count (the address keeps its own, it may be guessing many). */
  succeeded(user: string): void
}

/** Entries kept before expired ones are swept (a bound on memory under a spray of names). */
const SWEEP_AT = 10_000

/**
 * Lockout with exponential backoff, per user and per client address: after `limit` failures in a
 * row each further failure locks the key for 1, 2, 4 ... seconds, at most `maxLockoutSeconds`.
 * A key forgets its failures after `maxLockoutSeconds` without one.
 */
export function createLoginThrottle(opts: LoginThrottleOptions): LoginThrottle {
  const users = new Map<string, Entry>()
  const addresses = new Map<string, Entry>()
  const maxMs = opts.maxLockoutSeconds * 1000

  const live = (map: Map<string, Entry>, key: string, now: number): Entry | undefined => {
    const e = map.get(key)
    if (e && now - e.last > maxMs && now >= e.lockedUntil) {
      map.delete(key)
      return undefined
    }
    return e
  }
  const sweep = (map: Map<string, Entry>, now: number) => {
    if (map.size < SWEEP_AT) return
    for (const [k, e] of map) if (now - e.last > maxMs && now >= e.lockedUntil) map.delete(k)
  }
  const fail = (map: Map<string, Entry>, key: string, limit: number, now: number) => {
    if (limit <= 0) return
    sweep(map, now)
    const e = live(map, key, now) ?? { failures: 0, lockedUntil: 0, last: now }
    e.failures++
    e.last = now
    if (e.failures >= limit) {
      const exponent = Math.min(30, e.failures - limit)
      e.lockedUntil = now + Math.min(maxMs, 1000 * 2 ** exponent)
    }
    map.set(key, e)
  }
  const wait = (map: Map<string, Entry>, key: string, now: number) => {
    const e = live(map, key, now)
    return e && e.lockedUntil > now ? Math.ceil((e.lockedUntil - now) / 1000) : 0
  }

  return {
    retryAfter(user, address, now) {
      const secs = Math.max(wait(users, user, now), wait(addresses, address, now))
      return secs > 0 ? secs : null
    },
    failed(user, address, now) {
      fail(users, user, opts.userFailures, now)
      fail(addresses, address, opts.addressFailures, now)
    },
    succeeded(user) {
      users.delete(user)
    },
  }
}
