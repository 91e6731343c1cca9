import type { ScopeParams } from '../instances/keys'

export const limitKeys = {
  all: ['limits'] as const,
  scope: (p: ScopeParams) => [...limitKeys.all, p.projectId, p.region] as const,
}
