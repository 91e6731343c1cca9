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
  /** The scope's poller: what it follows (its data) and its rounds (its fetches). */
  poller: (p: ScopeParams) => [...instanceKeys.scope(p), 'poller'] as const,
  /**
   * The rows read so far while the list is read for the first time (a page at a time), for the
   * list page to show before the last page is in. Outside `all`: invalidating instances must not
   * touch it (it is written by the list's fetch, never fetched itself).
   */
  firstPages: (p: ScopeParams) => ['instances-first-pages', p.projectId, p.region] as const,
}
