import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { apiRequest } from '../client'
import { ApiError } from '../errors'
import { endpointFor, type Session } from '../session/session-store'
import { dbaasKeys, type ScopeParams } from './keys'
import {
  caCertificateSchema,
  externalEndpointsSchema,
  externalIntegrationsSchema,
  integrationSettingsSchema,
  integrationTypesSchema,
  metricsResponseSchema,
  migrationStatusSchema,
  operationSchema,
  serviceListSchema,
  serviceTypeListSchema,
  taskSchema,
  type LogsRequest,
  logsResponseSchema,
  type MetricPeriod,
} from './schemas'
import { migrationPollMs, servicesPollMs, taskPollMs } from './status'

/** Base poll interval while something moves (VITE_POLL_MS lets e2e poll faster). */
export const DBAAS_POLL_MS = Number(import.meta.env.VITE_POLL_MS) || 1000
/** The metrics page refreshes while open. */
export const METRICS_REFRESH_MS = 30_000

/** Does this cloud's catalog offer the DBaaS management API in the session's region? */
export function hasDbaas(session: Session | null): boolean {
  if (!session) return false
  return endpointFor(session.catalog, 'dbaas', session.region) !== undefined
}

const enc = encodeURIComponent

export const servicesQueryOptions = (p: ScopeParams) =>
  queryOptions({
    queryKey: dbaasKeys.services(p),
    queryFn: async ({ signal }) =>
      (
        await apiRequest({
          service: 'dbaas',
          region: p.region,
          path: '/dbaas-service',
          schema: serviceListSchema,
          signal,
        })
      ).data['dbaas-services'],
    refetchInterval: (q) => servicesPollMs(q.state.data, DBAAS_POLL_MS),
    refetchIntervalInBackground: false,
  })

export const serviceTypesQueryOptions = (p: ScopeParams) =>
  queryOptions({
    queryKey: dbaasKeys.serviceTypes(p),
    queryFn: async ({ signal }) =>
      (
        await apiRequest({
          service: 'dbaas',
          region: p.region,
          path: '/dbaas-service-type',
          schema: serviceTypeListSchema,
          signal,
        })
      ).data['dbaas-service-types'],
    staleTime: 5 * 60_000,
  })

export const metricsQueryOptions = (p: ScopeParams, name: string, period: MetricPeriod) =>
  queryOptions({
    queryKey: dbaasKeys.metrics(p, name, period),
    queryFn: async ({ signal }) =>
      (
        await apiRequest({
          service: 'dbaas',
          region: p.region,
          method: 'POST',
          path: `/dbaas-service-metrics/${enc(name)}`,
          body: { period },
          schema: metricsResponseSchema,
          signal,
        })
      ).data.metrics,
    refetchInterval: METRICS_REFRESH_MS,
    refetchIntervalInBackground: false,
  })

export async function fetchLogs(
  p: ScopeParams,
  name: string,
  body: LogsRequest,
  signal?: AbortSignal,
) {
  const { data } = await apiRequest({
    service: 'dbaas',
    region: p.region,
    method: 'POST',
    path: `/dbaas-service-logs/${enc(name)}`,
    body,
    schema: logsResponseSchema,
    signal,
  })
  return data
}

/** Lines per page of the logs viewer. */
export const LOG_PAGE_SIZE = 200
/** How often the live tail asks for new lines. */
export const LOG_TAIL_MS = Math.max(1000, DBAAS_POLL_MS * 2)

/** A service's log lines, newest first, a page at a time ("Load older" reads the next page). */
/**
 * A service's log, newest first, a page at a time. `filter` (the console's extension of the
 * logs request) is searched by the server over the whole retained log, not only the lines read.
 */
export const logPagesQueryOptions = (p: ScopeParams, name: string, filter = '') =>
  infiniteQueryOptions({
    queryKey: dbaasKeys.logPages(p, name, filter),
    queryFn: ({ pageParam, signal }) =>
      fetchLogs(
        p,
        name,
        {
          limit: LOG_PAGE_SIZE,
          'sort-order': 'desc',
          ...(filter ? { filter } : {}),
          ...(pageParam ? { offset: pageParam } : {}),
        },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.logs.length > 0 && last.offset ? last.offset : undefined),
    staleTime: Infinity,
  })

/** Lines newer than `since` (the newest line of the first page), oldest first: the live tail. */
export const logTailQueryOptions = (
  p: ScopeParams,
  name: string,
  since: string | undefined,
  filter = '',
) =>
  queryOptions({
    queryKey: dbaasKeys.logTail(p, name, since, filter),
    queryFn: ({ signal }) =>
      fetchLogs(
        p,
        name,
        {
          limit: 500,
          'sort-order': 'asc',
          ...(filter ? { filter } : {}),
          ...(since ? { offset: since } : {}),
        },
        signal,
      ),
    refetchInterval: LOG_TAIL_MS,
    refetchIntervalInBackground: false,
  })

export const integrationTypesQueryOptions = (p: ScopeParams) =>
  queryOptions({
    queryKey: dbaasKeys.integrationTypes(p),
    queryFn: async ({ signal }) =>
      (
        await apiRequest({
          service: 'dbaas',
          region: p.region,
          path: '/dbaas-integration-types',
          schema: integrationTypesSchema,
          signal,
        })
      ).data['dbaas-integration-types'],
    staleTime: 5 * 60_000,
  })

export const integrationSettingsQueryOptions = (
  p: ScopeParams,
  type: string,
  source: string,
  dest: string,
) =>
  queryOptions({
    queryKey: dbaasKeys.integrationSettings(p, type, source, dest),
    queryFn: async ({ signal }) =>
      (
        await apiRequest({
          service: 'dbaas',
          region: p.region,
          path: `/dbaas-integration-settings/${enc(type)}/${enc(source)}/${enc(dest)}`,
          schema: integrationSettingsSchema,
          signal,
        })
      ).data.settings,
    staleTime: 5 * 60_000,
  })

export const externalEndpointsQueryOptions = (p: ScopeParams) =>
  queryOptions({
    queryKey: dbaasKeys.externalEndpoints(p),
    queryFn: async ({ signal }) =>
      (
        await apiRequest({
          service: 'dbaas',
          region: p.region,
          path: '/dbaas-external-endpoints',
          schema: externalEndpointsSchema,
          signal,
        })
      ).data['dbaas-endpoints'],
  })

export const externalIntegrationsQueryOptions = (p: ScopeParams, name: string) =>
  queryOptions({
    queryKey: dbaasKeys.externalIntegrations(p, name),
    queryFn: async ({ signal }) =>
      (
        await apiRequest({
          service: 'dbaas',
          region: p.region,
          path: `/dbaas-external-integrations/${enc(name)}`,
          schema: externalIntegrationsSchema,
          signal,
        })
      ).data['external-integrations'],
  })

export const taskQueryOptions = (p: ScopeParams, name: string, id: string) =>
  queryOptions({
    queryKey: dbaasKeys.task(p, name, id),
    queryFn: async ({ signal }) =>
      (
        await apiRequest({
          service: 'dbaas',
          region: p.region,
          path: `/dbaas-task/${enc(name)}/${enc(id)}`,
          schema: taskSchema,
          signal,
        })
      ).data,
    refetchInterval: (q) => taskPollMs(q.state.data, DBAAS_POLL_MS),
  })

/** The migration status, or null when the service has none (the API answers 404). */
export const migrationQueryOptions = (p: ScopeParams, name: string) =>
  queryOptions({
    queryKey: dbaasKeys.migration(p, name),
    queryFn: async ({ signal }) => {
      try {
        return (
          await apiRequest({
            service: 'dbaas',
            region: p.region,
            path: `/dbaas-migration-status/${enc(name)}`,
            schema: migrationStatusSchema,
            signal,
          })
        ).data
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null
        throw e
      }
    },
    refetchInterval: (q) => migrationPollMs(q.state.data ?? undefined, DBAAS_POLL_MS),
  })

export const operationQueryOptions = (p: ScopeParams, id: string) =>
  queryOptions({
    queryKey: dbaasKeys.operation(p, id),
    queryFn: async ({ signal }) =>
      (
        await apiRequest({
          service: 'dbaas',
          region: p.region,
          path: `/operation/${enc(id)}`,
          schema: operationSchema,
          signal,
        })
      ).data,
  })

export const caCertificateQueryOptions = (p: ScopeParams) =>
  queryOptions({
    queryKey: dbaasKeys.ca(p),
    queryFn: async ({ signal }) =>
      (
        await apiRequest({
          service: 'dbaas',
          region: p.region,
          path: '/dbaas-ca-certificate',
          schema: caCertificateSchema,
          signal,
        })
      ).data.certificate,
    staleTime: Infinity,
  })
