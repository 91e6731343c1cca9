import type { MutationRequest } from '../cli-twin/mutation-request'
import { PASSWORD_PLACEHOLDER } from '../cli-twin/redact'
import type { CreateIntegrationRequest, MigrationCheckRequest } from './schemas'

const enc = encodeURIComponent

const req = (method: MutationRequest['method'], path: string, body?: unknown): MutationRequest => ({
  service: 'dbaas',
  method,
  path,
  ...(body === undefined ? {} : { body }),
})

/**
 * The DBaaS requests, pure: the mutations (`mutations.ts`) send them and the dialogs show them as
 * their CLI twin. The openstack CLI has no DBaaS commands: the twin says so and shows the curl
 * request only.
 */
export const dbaasTwins = {
  deleteService: (name: string) => req('DELETE', `/dbaas-service/${enc(name)}`),
  createIntegration: (body: CreateIntegrationRequest) => req('POST', '/dbaas-integration', body),
  updateIntegration: (id: string, settings: Record<string, unknown>) =>
    req('PUT', `/dbaas-integration/${enc(id)}`, { settings }),
  deleteIntegration: (id: string) => req('DELETE', `/dbaas-integration/${enc(id)}`),
  attachEndpoint: (service: string, endpointId: string, type: string) =>
    req('PUT', `/dbaas-external-endpoint/${enc(service)}/attach`, {
      'dest-endpoint-id': endpointId,
      type,
    }),
  detachEndpoint: (service: string, integrationId: string) =>
    req('PUT', `/dbaas-external-endpoint/${enc(service)}/detach`, {
      'integration-id': integrationId,
    }),
  migrationCheck: (service: string, body: MigrationCheckRequest) =>
    req('POST', `/dbaas-task-migration-check/${enc(service)}`, body),
}

/** A source URI with its password (the userinfo after `user:`) replaced by the placeholder. */
export function redactUriPassword(uri: string): string {
  return uri.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, `$1:${PASSWORD_PLACEHOLDER}@`)
}

/** The migration check as its twin shows it: the source URI's password never appears. */
export function migrationCheckTwin(service: string, body: MigrationCheckRequest): MutationRequest {
  return dbaasTwins.migrationCheck(service, {
    ...body,
    'source-service-uri': redactUriPassword(body['source-service-uri']),
  })
}
