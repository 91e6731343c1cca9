import type { Hono } from 'hono'
import { quotaLimits } from '../store/quota-queries'
import type { TroveDeps, TroveEnv } from './context'
import { DEFAULT_RATE_LIMITS, createRateLimiter } from './rate-limits'

export interface LimitOptions {
  /**
   * Answer 413 when a bucket is full. Follows `deps.rateLimitPerMinute`: on unless it is 0
   * (`--rate-limit 0`); the buckets count either way, so `remaining` moves.
   */
  enforce?: boolean
}

/**
 * `GET /limits` (Trove §5.3): the ABSOLUTE entry from the project's quotas in this region, then
 * one entry per rate limit. Registered before the other areas: its middleware counts every
 * request under `/v1.0/{tenant}/`.
 */
export function registerLimitRoutes(
  app: Hono<TroveEnv>,
  base: string,
  deps: TroveDeps,
  opts: LimitOptions = {},
): void {
  const perMinute = deps.rateLimitPerMinute ?? 0
  const defs =
    perMinute > 0
      ? DEFAULT_RATE_LIMITS.map((d) => ({ ...d, value: perMinute }))
      : DEFAULT_RATE_LIMITS
  const limiter = createRateLimiter(defs)
  const enforce = opts.enforce ?? perMinute > 0

  app.use(`${base}/*`, async (c, next) => {
    const tenant = c.get('tenant')
    const path = new URL(c.req.url).pathname
    const marker = `/v1.0/${tenant}`
    const at = path.indexOf(marker)
    const rel = at >= 0 ? path.slice(at + marker.length) || '/' : path
    const wait = limiter.hit(tenant, c.req.method, rel, deps.clock.now())
    if (wait !== null && enforce) {
      const secs = Math.max(1, Math.ceil(wait))
      c.header('Retry-After', String(secs))
      return c.json(
        {
          overLimit: {
            code: 413,
            message: 'This request was rate-limited.',
            details: `Only ${defs[0]!.value} ${c.req.method} request(s) can be made to * every minute.`,
            retryAfter: String(secs),
          },
        },
        413,
      )
    }
    await next()
  })

  app.get(`${base}/limits`, (c) => {
    const q = quotaLimits(deps.db, c.get('tenant'), c.get('region'))
    return c.json({
      limits: [
        {
          verb: 'ABSOLUTE',
          max_instances: q.instances,
          max_ram: q.ram,
          max_backups: q.backups,
          max_volumes: q.volumes,
        },
        ...limiter.view(c.get('tenant'), deps.clock.now()),
      ],
    })
  })
}
