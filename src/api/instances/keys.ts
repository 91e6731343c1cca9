/** Where a resource lives: the project the token is scoped to, and the catalog region. */
export interface ScopeParams {
  projectId: string
  region: string
}

export interface InstanceParams extends ScopeParams {
  id: string
}

/** Query keys for instances: hierarchical so invalidation can be coarse (all) or fine (one). */
export const instanceKeys = {
  all: ['instances'] as const,
  scope: (p: ScopeParams) => [...instanceKeys.all, p.projectId, p.region] as const,
  list: (p: ScopeParams) => [...instanceKeys.scope(p), 'list'] as const,
  details: (p: ScopeParams) => [...instanceKeys.scope(p), 'detail'] as const,
  detail: (p: InstanceParams) => [...instanceKeys.details(p), p.id] as const,
}
