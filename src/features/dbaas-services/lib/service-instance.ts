import { noticedTroveStatus } from '@/api/dbaas/status'
import type { Service } from '@/api/dbaas/schemas'

/** What the services page needs of an instance to say which one a service stands for. */
export interface ServiceInstance {
  id: string
  name: string
  status: string
  created?: string | null | undefined
}

/**
 * The instance each service stands for. The embedded cloud derives one service from each
 * instance of the project and region, named as the instance; where two instances share a name
 * the service is the newest one's. So: by name, the newest instance winning.
 */
export function instancesByServiceName<T extends ServiceInstance>(
  instances: readonly T[] | undefined,
): Map<string, T> {
  const byName = new Map<string, T>()
  for (const i of instances ?? []) {
    const seen = byName.get(i.name)
    if (!seen || (i.created ?? '') > (seen.created ?? '')) byName.set(i.name, i)
  }
  return byName
}

/** The Trove status behind a service: its instance's, else the one its notice names. */
export function troveStatusOf(
  s: Service,
  instance: ServiceInstance | undefined,
): string | undefined {
  return instance?.status ?? noticedTroveStatus(s)
}
