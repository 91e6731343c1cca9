import type { InstanceScope } from '../databases/keys'

/** Query keys for an instance's database users. */
export const userKeys = {
  all: ['db-users'] as const,
  instance: (p: InstanceScope) => [...userKeys.all, p.projectId, p.region, p.instanceId] as const,
  list: (p: InstanceScope) => [...userKeys.instance(p), 'list'] as const,
  /** One user's databases, from GET /users/{name}/databases (the access endpoint). */
  access: (p: InstanceScope, user: string) => [...userKeys.instance(p), 'access', user] as const,
}
