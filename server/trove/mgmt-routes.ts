import type { Hono } from 'hono'
import type { TroveDeps, TroveEnv } from './context'
import { registerMgmtDatastoreVersionRoutes } from './mgmt-datastore-version-routes'
import { registerMgmtInstanceRoutes } from './mgmt-instance-routes'
import { registerMgmtParameterRoutes } from './mgmt-parameter-routes'
import { registerMgmtQuotaRoutes } from './mgmt-quota-routes'

/** Trove's admin API (`/mgmt/...`): every controller refuses non-admins with 401 (mgmt-guard). */
export function registerMgmtRoutes(app: Hono<TroveEnv>, base: string, deps: TroveDeps): void {
  registerMgmtInstanceRoutes(app, base, deps)
  registerMgmtDatastoreVersionRoutes(app, base, deps)
  registerMgmtParameterRoutes(app, base, deps)
  registerMgmtQuotaRoutes(app, base, deps)
}
