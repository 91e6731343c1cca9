import type { ScopeParams } from '../instances/keys'

export const datastoreKeys = {
  all: ['datastores'] as const,
  list: (p: ScopeParams) => [...datastoreKeys.all, p.projectId, p.region, 'list'] as const,
}
