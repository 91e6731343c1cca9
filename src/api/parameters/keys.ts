import type { ScopeParams } from '../instances/keys'

export interface VersionParams extends ScopeParams {
  /** The datastore version's id. */
  versionId: string
}

export const parameterKeys = {
  all: ['parameters'] as const,
  list: (p: VersionParams) => [...parameterKeys.all, p.projectId, p.region, p.versionId] as const,
}
