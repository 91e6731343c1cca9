import type { ScopeParams } from '../instances/keys'

export const flavorKeys = {
  all: ['flavors'] as const,
  list: (p: ScopeParams) => [...flavorKeys.all, p.projectId, p.region, 'list'] as const,
  forVersion: (p: ScopeParams & { datastore: string; version: string }) =>
    [...flavorKeys.all, p.projectId, p.region, 'version', p.datastore, p.version] as const,
}
