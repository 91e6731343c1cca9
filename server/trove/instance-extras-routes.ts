import type { Hono } from 'hono'
import type { TroveDeps, TroveEnv } from './context'
import { registerLimitRoutes } from './limit-routes'
import { registerLogRoutes } from './log-routes'

/**
 * The instance-extras area: limits (with the rate-limit counter, so registered first) and guest
 * logs. Replication and upgrade run through the instance routes (server/trove/replication.ts).
 */
export function registerInstanceExtrasRoutes(
  app: Hono<TroveEnv>,
  base: string,
  deps: TroveDeps,
): void {
  registerLimitRoutes(app, base, deps)
  registerLogRoutes(app, base, deps)
}
