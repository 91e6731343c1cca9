import type { ScopeParams } from '../instances/keys'

export interface ConfigurationParams extends ScopeParams {
  id: string
}

/** Query keys for configuration groups (and an instance's default configuration). */
export const configurationKeys = {
  all: ['configurations'] as const,
  scope: (p: ScopeParams) => [...configurationKeys.all, p.projectId, p.region] as const,
  list: (p: ScopeParams) => [...configurationKeys.scope(p), 'list'] as const,
  detail: (p: ConfigurationParams) => [...configurationKeys.scope(p), 'detail', p.id] as const,
  instances: (p: ConfigurationParams) =>
    [...configurationKeys.scope(p), 'instances', p.id] as const,
  instanceDefaults: (p: ScopeParams & { instanceId: string }) =>
    [...configurationKeys.scope(p), 'instance-defaults', p.instanceId] as const,
}
