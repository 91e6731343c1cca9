import { useSuspenseQuery } from '@tanstack/react-query'
import { servicesQueryOptions } from '@/api/dbaas/queries'
import type { Service } from '@/api/dbaas/schemas'
import { chooseService } from '@/api/dbaas/service-choice'
import { useScope } from './use-session'

/**
 * The services of the scope (the route's loader has read them: `loadServices`) and the one the
 * page shows: the URL's, else the first; undefined when there are none.
 */
export function useChosenService(requested: string | undefined): {
  services: Service[]
  name: string | undefined
} {
  const scope = useScope()
  const { data: services } = useSuspenseQuery(servicesQueryOptions(scope))
  return { services, name: chooseService(services, requested) }
}
