import type { MetricPeriod } from './schemas'

export interface ScopeParams {
  projectId: string
  region: string
}

/** Query keys of the DBaaS management API (services addressed by name). */
export const dbaasKeys = {
  all: ['dbaas'] as const,
  scope: (p: ScopeParams) => [...dbaasKeys.all, p.projectId, p.region] as const,
  services: (p: ScopeParams) => [...dbaasKeys.scope(p), 'services'] as const,
  serviceTypes: (p: ScopeParams) => [...dbaasKeys.scope(p), 'service-types'] as const,
  metrics: (p: ScopeParams, name: string, period: MetricPeriod) =>
    [...dbaasKeys.scope(p), 'metrics', name, period] as const,
  logs: (p: ScopeParams, name: string) => [...dbaasKeys.scope(p), 'logs', name] as const,
  logPages: (p: ScopeParams, name: string, filter = '') =>
    [...dbaasKeys.logs(p, name), 'pages', filter] as const,
  logTail: (p: ScopeParams, name: string, since: string | undefined, filter = '') =>
    [...dbaasKeys.logs(p, name), 'tail', since, filter] as const,
  integrationTypes: (p: ScopeParams) => [...dbaasKeys.scope(p), 'integration-types'] as const,
  integrationSettings: (p: ScopeParams, type: string, source: string, dest: string) =>
    [...dbaasKeys.scope(p), 'integration-settings', type, source, dest] as const,
  externalEndpoints: (p: ScopeParams) => [...dbaasKeys.scope(p), 'external-endpoints'] as const,
  externalIntegrations: (p: ScopeParams, name: string) =>
    [...dbaasKeys.scope(p), 'external-integrations', name] as const,
  task: (p: ScopeParams, name: string, id: string) =>
    [...dbaasKeys.scope(p), 'task', name, id] as const,
  migration: (p: ScopeParams, name: string) => [...dbaasKeys.scope(p), 'migration', name] as const,
  operation: (p: ScopeParams, id: string) => [...dbaasKeys.scope(p), 'operation', id] as const,
  ca: (p: ScopeParams) => [...dbaasKeys.scope(p), 'ca'] as const,
}
