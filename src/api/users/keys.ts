import type { InstanceScope } from '../databases/keys'

/** Query keys for an instance's database users. */
export const userKeys = {
  all: ['db-users'] as const,
  instance: (p: InstanceScope) => [...userKeys.all, p.projectId, p.region, p.instanceId] as const,
  list: (p: InstanceScope) => [...userKeys.instance(p), 'list'] as const,
}
