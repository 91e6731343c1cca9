import type { ScopeParams } from '../instances/keys'

/** An instance's sub-resources (databases, users, root) live under the instance's scope. */
export interface InstanceScope extends ScopeParams {
  instanceId: string
}

/** Query keys for an instance's databases. */
export const databaseKeys = {
  all: ['databases'] as const,
  instance: (p: InstanceScope) =>
    [...databaseKeys.all, p.projectId, p.region, p.instanceId] as const,
  list: (p: InstanceScope) => [...databaseKeys.instance(p), 'list'] as const,
}
