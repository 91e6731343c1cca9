import type { ScopeParams } from '../instances/keys'

/** Filters of the all-projects instance list (Trove's mgmt index query). */
export interface MgmtInstanceFilters {
  projectId?: string | undefined
  deleted?: boolean | undefined
}

/** Filters of the all-projects backup list (`all_projects` / `project_id`). */
export interface AllBackupsFilters {
  projectId?: string | undefined
}

/**
 * Query keys for the admin API, per signed-in project and region (an admin token of another
 * project, or another region's Trove, sees other data).
 */
export const mgmtKeys = {
  all: ['mgmt'] as const,
  scope: (p: ScopeParams) => [...mgmtKeys.all, p.projectId, p.region] as const,
  instances: (p: ScopeParams) => [...mgmtKeys.scope(p), 'instances'] as const,
  instanceList: (p: ScopeParams, f: MgmtInstanceFilters) =>
    [...mgmtKeys.instances(p), 'list', f.projectId ?? '', f.deleted ?? null] as const,
  /** The all-projects list read a page at a time (server paging). */
  instancePages: (p: ScopeParams, f: MgmtInstanceFilters) =>
    [...mgmtKeys.instances(p), 'pages', f.projectId ?? '', f.deleted ?? null] as const,
  instance: (p: ScopeParams, id: string) => [...mgmtKeys.instances(p), 'detail', id] as const,
  root: (p: ScopeParams, id: string) => [...mgmtKeys.instances(p), 'root', id] as const,
  hosts: (p: ScopeParams) => [...mgmtKeys.scope(p), 'hosts'] as const,
  versions: (p: ScopeParams) => [...mgmtKeys.scope(p), 'versions'] as const,
  version: (p: ScopeParams, id: string) => [...mgmtKeys.versions(p), id] as const,
  parameters: (p: ScopeParams, versionId: string) =>
    [...mgmtKeys.versions(p), versionId, 'parameters'] as const,
  quota: (p: ScopeParams, project: string) => [...mgmtKeys.scope(p), 'quota', project] as const,
  backups: (p: ScopeParams, f: AllBackupsFilters) =>
    [...mgmtKeys.scope(p), 'backups', f.projectId ?? ''] as const,
}
