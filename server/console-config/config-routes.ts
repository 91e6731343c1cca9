import { Hono } from 'hono'
import type { ConsoleConfig, consoleConfigSchema } from '../../src/api/console-config/schemas'
import type { ResponseBody } from '../respond'

/**
 * `GET /console-api/v1/config`: the operator's settings the SPA's forms follow (the password
 * policy of `--password-policy`). Mounted at `/console-api/v1` in both modes.
 */
export function consoleConfigRoutes(config: ConsoleConfig): Hono {
  const app = new Hono()
  const body: ResponseBody<typeof consoleConfigSchema> = {
    passwordPolicy: { ...config.passwordPolicy },
  }
  app.get('/config', (c) => c.json(body))
  return app
}
