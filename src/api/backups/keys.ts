import type { ScopeParams } from '../instances/keys'

export interface BackupParams extends ScopeParams {
  id: string
}

/** Query keys for backups and backup strategies, per project and region. */
export const backupKeys = {
  all: ['backups'] as const,
  scope: (p: ScopeParams) => [...backupKeys.all, p.projectId, p.region] as const,
  list: (p: ScopeParams) => [...backupKeys.scope(p), 'list'] as const,
  details: (p: ScopeParams) => [...backupKeys.scope(p), 'detail'] as const,
  detail: (p: BackupParams) => [...backupKeys.details(p), p.id] as const,
  /** The scope's poller: what it follows (its data) and its rounds (its fetches). */
  poller: (p: ScopeParams) => [...backupKeys.scope(p), 'poller'] as const,
  strategies: (p: ScopeParams) => [...backupKeys.scope(p), 'strategies'] as const,
  /** HA groups' backups (`/ha/{haId}/backups`), all of the scope's, then one group's. */
  haLists: (p: ScopeParams) => [...backupKeys.scope(p), 'ha'] as const,
  ha: (p: HaParams) => [...backupKeys.haLists(p), p.haId] as const,
}

export interface HaParams extends ScopeParams {
  /** The HA group's id (in the embedded cloud, its primary instance's id). */
  haId: string
}
