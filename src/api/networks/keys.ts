import type { ScopeParams } from '../instances/keys'

export const networkKeys = {
  all: ['networks'] as const,
  list: (p: ScopeParams) => [...networkKeys.all, p.projectId, p.region] as const,
}
