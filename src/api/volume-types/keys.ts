import type { ScopeParams } from '../instances/keys'

export const volumeTypeKeys = {
  all: ['volume-types'] as const,
  forVersion: (p: ScopeParams & { datastore: string; version: string }) =>
    [...volumeTypeKeys.all, p.projectId, p.region, p.datastore, p.version] as const,
}
