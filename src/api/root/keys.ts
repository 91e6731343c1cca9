import type { InstanceScope } from '../databases/keys'

/** Query keys for an instance's root status (never its password: that is shown once). */
export const rootKeys = {
  all: ['root'] as const,
  status: (p: InstanceScope) => [...rootKeys.all, p.projectId, p.region, p.instanceId] as const,
}
