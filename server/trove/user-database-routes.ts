import { registerDatabaseRoutes } from './database-routes'
import { registerRootRoutes } from './root-routes'
import type { ExtensionRegistrar } from './user-database-common'
import { registerUserRoutes } from './user-routes'

/** The MySQL extensions of Trove: databases, users and their access, root. */
export const registerUsersDatabasesRoutes: ExtensionRegistrar = (app, base, deps) => {
  registerDatabaseRoutes(app, base, deps)
  registerUserRoutes(app, base, deps)
  registerRootRoutes(app, base, deps)
}
