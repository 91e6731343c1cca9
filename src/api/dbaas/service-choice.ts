import type { QueryClient } from '@tanstack/react-query'
import { ApiError } from '../errors'
import type { Session } from '../session/session-store'
import type { ScopeParams } from './keys'
import { hasDbaas, servicesQueryOptions } from './queries'
import type { Service } from './schemas'

/**
 * The service a page shows: the one the URL names if it exists, else the first one (metrics and
 * logs open on a service even from a bare link). Undefined when there are none.
 */
export function chooseService(
  services: readonly Pick<Service, 'name'>[],
  requested: string | undefined,
): string | undefined {
  return requested && services.some((s) => s.name === requested) ? requested : services[0]?.name
}

/** The service named `name`, or the 404 the route's error view shows as "not found". */
export function findService<T extends Pick<Service, 'name'>>(
  services: readonly T[],
  name: string,
): T {
  const service = services.find((s) => s.name === name)
  if (!service)
    throw new ApiError({
      status: 404,
      kind: 'not-found',
      message: `There is no service named ${name}: it may have been deleted.`,
    })
  return service
}

/**
 * What every DBaaS route's loader does first: read the services (awaited, so a failure reaches
 * the route's errorComponent). On a cloud without the DBaaS API it reads nothing and returns
 * undefined: the page says so.
 */
export async function loadServices({
  queryClient,
  session,
  scope,
}: {
  queryClient: QueryClient
  session: Session | null
  scope: ScopeParams
}): Promise<Service[] | undefined> {
  if (!hasDbaas(session)) return undefined
  return queryClient.ensureQueryData(servicesQueryOptions(scope))
}
