import type { ScopeParams } from '../instances/keys'

export const moduleKeys = {
  all: ['modules'] as const,
  list: (p: ScopeParams) => [...moduleKeys.all, p.projectId, p.region] as const,
}
