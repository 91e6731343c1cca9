/**
 * Trove's rate limits (trove/common/limits.py, from nova): one leaky bucket per tenant and limit.
 * Each request that matches a limit's verb and regex pours `60 / value` seconds into a bucket of
 * 60 s that leaks one second per second; `remaining` is how many more fit now.
 */
export interface RateLimitDef {
  verb: 'POST' | 'PUT' | 'DELETE' | 'GET'
  uri: string
  regex: string
  value: number
}

/** Trove 18's defaults: http_{post,put,delete,get}_rate and http_mgmt_post_rate, per minute. */
export const DEFAULT_RATE_LIMITS: readonly RateLimitDef[] = [
  { verb: 'POST', uri: '*', regex: '.*', value: 200 },
  { verb: 'PUT', uri: '*', regex: '.*', value: 200 },
  { verb: 'DELETE', uri: '*', regex: '.*', value: 200 },
  { verb: 'GET', uri: '*', regex: '.*', value: 200 },
  { verb: 'POST', uri: '*/mgmt', regex: '^/mgmt', value: 200 },
]

const UNIT_SECONDS = 60

interface Bucket {
  water: number
  last: number | null
  next: number | null
  remaining: number
}

export interface RateLimitView {
  nextAvailable: string
  remaining: number
  unit: 'MINUTE'
  value: number
  verb: string
  uri: string
  regex: string
}

const isoSeconds = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`

export interface RateLimiter {
  /**
   * Counts a request (path relative to `/v1.0/{tenant}`); returns the seconds to wait when a
   * bucket is full (the request was not counted), else null.
   */
  hit(tenant: string, verb: string, path: string, now: number): number | null
  view(tenant: string, now: number): RateLimitView[]
}

export function createRateLimiter(
  defs: readonly RateLimitDef[] = DEFAULT_RATE_LIMITS,
): RateLimiter {
  const buckets = new Map<string, Bucket[]>()
  const regexes = defs.map((d) => new RegExp(d.regex))
  const bucketsOf = (tenant: string): Bucket[] => {
    let b = buckets.get(tenant)
    if (!b) {
      b = defs.map((d) => ({ water: 0, last: null, next: null, remaining: d.value }))
      buckets.set(tenant, b)
    }
    return b
  }
  return {
    hit(tenant, verb, path, now) {
      const list = bucketsOf(tenant)
      let wait: number | null = null
      defs.forEach((d, i) => {
        const b = list[i]!
        if (d.verb !== verb || !regexes[i]!.test(path)) return
        const t = now / 1000
        const request = UNIT_SECONDS / d.value
        if (b.last === null) b.last = t
        b.water = Math.max(0, b.water - (t - b.last)) + request
        b.last = t
        const over = b.water - UNIT_SECONDS
        if (over > 0) {
          b.water -= request
          b.next = t + over
          wait = Math.max(wait ?? 0, over)
          return
        }
        b.remaining = Math.floor(((UNIT_SECONDS - b.water) / UNIT_SECONDS) * d.value)
        b.next = t
      })
      return wait
    },
    view(tenant, now) {
      const list = bucketsOf(tenant)
      return defs.map((d, i) => {
        const b = list[i]!
        return {
          nextAvailable: isoSeconds(b.next !== null ? b.next * 1000 : now),
          remaining: b.remaining,
          unit: 'MINUTE',
          value: d.value,
          verb: d.verb,
          uri: d.uri,
          regex: d.regex,
        }
      })
    },
  }
}
