import type { z } from 'zod'
import { consoleConfigSchema } from '../../src/api/console-config/schemas'
import { backupListSchema, backupShowSchema } from '../../src/api/backups/schemas'
import { backupStrategyListSchema, backupStrategyShowSchema } from '../../src/api/backups/schemas'
import { apiVersionListSchema, apiVersionShowSchema } from '../../src/api/common/schemas'
import {
  configurationInstancesSchema,
  configurationListSchema,
  configurationShowSchema,
  instanceConfigurationSchema,
} from '../../src/api/configurations/schemas'
import { databaseListSchema } from '../../src/api/databases/schemas'
import {
  datastoreListSchema,
  datastoreShowSchema,
  datastoreVersionListSchema,
  datastoreVersionShowSchema,
} from '../../src/api/datastores/schemas'
import {
  caCertificateSchema,
  externalEndpointsSchema,
  externalIntegrationSchema,
  externalIntegrationsSchema,
  integrationSchema,
  integrationSettingsSchema,
  integrationTypesSchema,
  logsResponseSchema,
  metricsResponseSchema,
  migrationStatusSchema,
  operationSchema,
  serviceListSchema,
  serviceTypeListSchema,
  serviceTypeSchema,
  taskSchema,
} from '../../src/api/dbaas/schemas'
import { feedResponseSchema } from '../../src/api/feed/schemas'
import {
  journalPageSchema,
  stuckListSchema,
  usualDurationSchema,
} from '../../src/api/journal/schemas'
import { flavorListSchema, flavorShowSchema } from '../../src/api/flavors/schemas'
import { volumeTypeListSchema } from '../../src/api/volume-types/schemas'
import { moduleListSchema, moduleShowSchema } from '../../src/api/modules/schemas'
import { networkListSchema, networkShowSchema } from '../../src/api/networks/schemas'
import {
  applicationCredentialCreatedSchema,
  applicationCredentialListSchema,
  applicationCredentialShowSchema,
  authCatalogSchema,
  identityVersionSchema,
  allProjectsSchema,
  projectListSchema,
  projectShowSchema,
  identityUserListSchema,
  identityUserShowSchema,
  serverInfoSchema,
  tokenBodySchema,
} from '../../src/api/identity/schemas'
import { instanceListSchema, instanceShowSchema } from '../../src/api/instances/schemas'
import { limitsResponseSchema } from '../../src/api/limits/schemas'
import {
  guestLogContentsSchema,
  guestLogListSchema,
  guestLogShowSchema,
} from '../../src/api/logs/schemas'
import {
  mgmtHostListSchema,
  mgmtInstanceListSchema,
  mgmtInstanceShowSchema,
  mgmtParameterListSchema,
  mgmtParameterSchema,
  mgmtVersionListSchema,
  mgmtVersionShowSchema,
  quotaShowSchema,
  quotaUpdateResponseSchema,
  rootHistorySchema,
} from '../../src/api/mgmt/schemas'
import { parameterListSchema, parameterShowSchema } from '../../src/api/parameters/schemas'
import { rootEnabledSchema, rootStatusSchema } from '../../src/api/root/schemas'
import { userAccessSchema, userListSchema, userShowSchema } from '../../src/api/users/schemas'

/**
 * What each route answers to a valid request: its status and the SPA's schema for the body, or
 * no body at all. Keyed like the endpoint table (`METHOD /route`); the contract test walks every
 * registered route and fails on one that has no entry here.
 */
export type ResponseContract =
  | { status: number; schema: z.core.$ZodType; empty?: never }
  | { status: number; empty: true; schema?: never }

const ok = (schema: z.core.$ZodType, status = 200): ResponseContract => ({ status, schema })
const empty = (status: number): ResponseContract => ({ status, empty: true })

const T = '/trove/:region/v1.0/:tenant'
const D = '/dbaas/:region/v2'
const U = '/v3/users/:userId/application_credentials'

export const RESPONSE_CONTRACTS: Record<string, ResponseContract> = {
  'GET /healthz': ok(serverInfoSchema),
  // The console's own API: the change feed (docs/change-feed.md)
  'GET /console-api/v1/feed': ok(feedResponseSchema),
  // The console's own API (issue 17: the operations journal)
  'GET /console-api/v1/journal': ok(journalPageSchema),
  'GET /console-api/v1/journal/stuck': ok(stuckListSchema),
  'GET /console-api/v1/journal/durations': ok(usualDurationSchema),
  'GET /console-api/v1/config': ok(consoleConfigSchema),
  // Keystone
  'GET /v3': ok(identityVersionSchema),
  'POST /v3/auth/tokens': ok(tokenBodySchema, 201),
  'GET /v3/auth/tokens': ok(tokenBodySchema),
  'DELETE /v3/auth/tokens': empty(204),
  'GET /v3/auth/catalog': ok(authCatalogSchema),
  'GET /v3/auth/projects': ok(projectListSchema),
  'GET /v3/projects': ok(allProjectsSchema),
  'GET /v3/projects/:projectId': ok(projectShowSchema),
  'GET /v3/users': ok(identityUserListSchema),
  'GET /v3/users/:userId': ok(identityUserShowSchema),
  // The console's session API (cookie sessions): Keystone's token body, never the token
  'POST /console-api/v1/session': ok(tokenBodySchema, 201),
  'GET /console-api/v1/session': ok(tokenBodySchema),
  'POST /console-api/v1/session/scope': ok(tokenBodySchema, 201),
  'DELETE /console-api/v1/session': empty(204),
  [`POST ${U}`]: ok(applicationCredentialCreatedSchema, 201),
  [`GET ${U}`]: ok(applicationCredentialListSchema),
  [`GET ${U}/:credId`]: ok(applicationCredentialShowSchema),
  [`DELETE ${U}/:credId`]: empty(204),
  // Trove: versions, limits, logs
  'GET /': ok(apiVersionListSchema),
  'GET /trove/:region': ok(apiVersionListSchema),
  'GET /trove/:region/': ok(apiVersionListSchema),
  'GET /trove/:region/v1.0': ok(apiVersionShowSchema),
  'GET /trove/:region/v1.0/': ok(apiVersionShowSchema),
  [`GET ${T}/limits`]: ok(limitsResponseSchema),
  [`GET ${T}/instances/:id/log`]: ok(guestLogListSchema),
  [`POST ${T}/instances/:id/log`]: ok(guestLogShowSchema),
  [`GET ${T}/instances/:id/log/:name/contents`]: ok(guestLogContentsSchema),
  // Trove: catalog
  [`GET ${T}/datastores`]: ok(datastoreListSchema),
  [`GET ${T}/datastores/versions/:uuid`]: ok(datastoreVersionShowSchema),
  [`GET ${T}/datastores/:ds`]: ok(datastoreShowSchema),
  [`GET ${T}/datastores/:ds/versions`]: ok(datastoreVersionListSchema),
  [`GET ${T}/datastores/:ds/versions/:version`]: ok(datastoreVersionShowSchema),
  [`GET ${T}/flavors`]: ok(flavorListSchema),
  [`GET ${T}/datastores/:ds/versions/:version/flavors`]: ok(flavorListSchema),
  [`GET ${T}/datastores/:ds/versions/:version/volume-types`]: ok(volumeTypeListSchema),
  [`GET ${T}/flavors/:id`]: ok(flavorShowSchema),
  [`GET ${T}/modules`]: ok(moduleListSchema),
  [`GET ${T}/modules/:id`]: ok(moduleShowSchema),
  [`POST ${T}/modules`]: ok(moduleShowSchema),
  // Neutron (read-only): networks
  'GET /neutron/:region/v2.0/networks': ok(networkListSchema),
  'GET /neutron/:region/v2.0/networks/:id': ok(networkShowSchema),
  [`GET ${T}/datastores/versions/:uuid/parameters`]: ok(parameterListSchema),
  [`GET ${T}/datastores/versions/:uuid/parameters/:name`]: ok(parameterShowSchema),
  [`GET ${T}/datastores/:ds/versions/:version/parameters`]: ok(parameterListSchema),
  [`GET ${T}/datastores/:ds/versions/:version/parameters/:name`]: ok(parameterShowSchema),
  // Trove: instances
  [`GET ${T}/instances`]: ok(instanceListSchema),
  [`GET ${T}/instances/detail`]: ok(instanceListSchema),
  [`POST ${T}/instances`]: ok(instanceShowSchema),
  [`GET ${T}/instances/:id`]: ok(instanceShowSchema),
  [`PUT ${T}/instances/:id`]: empty(202),
  [`PATCH ${T}/instances/:id`]: empty(202),
  [`DELETE ${T}/instances/:id`]: empty(202),
  [`POST ${T}/instances/:id/action`]: empty(202),
  // Trove: databases, users, root
  [`GET ${T}/instances/:id/databases`]: ok(databaseListSchema),
  [`POST ${T}/instances/:id/databases`]: empty(202),
  [`DELETE ${T}/instances/:id/databases/:name`]: empty(202),
  [`GET ${T}/instances/:id/users`]: ok(userListSchema),
  [`POST ${T}/instances/:id/users`]: empty(202),
  [`PUT ${T}/instances/:id/users`]: empty(202),
  [`GET ${T}/instances/:id/users/:user`]: ok(userShowSchema),
  [`PUT ${T}/instances/:id/users/:user`]: empty(202),
  [`DELETE ${T}/instances/:id/users/:user`]: empty(202),
  [`GET ${T}/instances/:id/users/:user/databases`]: ok(userAccessSchema),
  [`PUT ${T}/instances/:id/users/:user/databases`]: empty(202),
  [`DELETE ${T}/instances/:id/users/:user/databases/:database`]: empty(202),
  [`GET ${T}/instances/:id/root`]: ok(rootStatusSchema),
  [`POST ${T}/instances/:id/root`]: ok(rootEnabledSchema),
  [`DELETE ${T}/instances/:id/root`]: empty(204),
  // Trove: backups
  [`GET ${T}/backups`]: ok(backupListSchema),
  [`GET ${T}/backups/:id`]: ok(backupShowSchema),
  [`POST ${T}/backups`]: ok(backupShowSchema, 202),
  [`DELETE ${T}/backups/:id`]: empty(202),
  [`POST ${T}/backups/:id/action`]: empty(202),
  [`GET ${T}/instances/:id/backups`]: ok(backupListSchema),
  [`GET ${T}/ha/:id/backups`]: ok(backupListSchema),
  [`GET ${T}/backup_strategies`]: ok(backupStrategyListSchema),
  [`POST ${T}/backup_strategies`]: ok(backupStrategyShowSchema, 202),
  [`DELETE ${T}/backup_strategies`]: empty(202),
  // Trove: configurations
  [`GET ${T}/configurations`]: ok(configurationListSchema),
  [`POST ${T}/configurations`]: ok(configurationShowSchema),
  [`GET ${T}/configurations/:id`]: ok(configurationShowSchema),
  [`GET ${T}/configurations/:id/instances`]: ok(configurationInstancesSchema),
  [`PATCH ${T}/configurations/:id`]: empty(200),
  [`PUT ${T}/configurations/:id`]: empty(202),
  [`DELETE ${T}/configurations/:id`]: empty(202),
  [`GET ${T}/instances/:id/configuration`]: ok(instanceConfigurationSchema),
  // Trove: admin
  [`GET ${T}/mgmt/instances`]: ok(mgmtInstanceListSchema),
  [`GET ${T}/mgmt/instances/:id`]: ok(mgmtInstanceShowSchema),
  [`GET ${T}/mgmt/instances/:id/root`]: ok(rootHistorySchema),
  [`GET ${T}/mgmt/hosts`]: ok(mgmtHostListSchema),
  [`POST ${T}/mgmt/instances/:id/action`]: empty(202),
  [`GET ${T}/mgmt/datastore-versions`]: ok(mgmtVersionListSchema),
  [`GET ${T}/mgmt/datastore-versions/:id`]: ok(mgmtVersionShowSchema),
  [`POST ${T}/mgmt/datastore-versions`]: empty(202),
  [`PATCH ${T}/mgmt/datastore-versions/:id`]: empty(202),
  [`DELETE ${T}/mgmt/datastore-versions/:id`]: empty(202),
  [`DELETE ${T}/datastores/:ds`]: empty(202),
  [`GET ${T}/mgmt/datastores/versions/:versionId/parameters`]: ok(mgmtParameterListSchema),
  [`GET ${T}/mgmt/datastores/versions/:versionId/parameters/:name`]: ok(mgmtParameterSchema),
  [`POST ${T}/mgmt/datastores/versions/:versionId/parameters`]: ok(mgmtParameterSchema),
  [`PUT ${T}/mgmt/datastores/versions/:versionId/parameters/:name`]: ok(mgmtParameterSchema),
  [`DELETE ${T}/mgmt/datastores/versions/:versionId/parameters/:name`]: empty(204),
  [`GET ${T}/mgmt/quotas/:project`]: ok(quotaShowSchema),
  [`PUT ${T}/mgmt/quotas/:project`]: ok(quotaUpdateResponseSchema),
  // DBaaS
  [`GET ${D}/dbaas-service`]: ok(serviceListSchema),
  [`DELETE ${D}/dbaas-service/:name`]: ok(operationSchema),
  [`PUT ${D}/dbaas-postgres/:name`]: ok(operationSchema),
  [`PUT ${D}/dbaas-mysql/:name`]: ok(operationSchema),
  [`PUT ${D}/dbaas-mariadb/:name`]: ok(operationSchema),
  [`GET ${D}/dbaas-service-type`]: ok(serviceTypeListSchema),
  [`GET ${D}/dbaas-service-type/:type`]: ok(serviceTypeSchema),
  [`GET ${D}/dbaas-ca-certificate`]: ok(caCertificateSchema),
  [`GET ${D}/operation/:id`]: ok(operationSchema),
  [`POST ${D}/dbaas-service-metrics/:name`]: ok(metricsResponseSchema),
  [`POST ${D}/dbaas-service-logs/:name`]: ok(logsResponseSchema),
  [`GET ${D}/dbaas-integration-types`]: ok(integrationTypesSchema),
  [`GET ${D}/dbaas-integration-settings/:type/:source/:dest`]: ok(integrationSettingsSchema),
  [`POST ${D}/dbaas-integration`]: ok(operationSchema),
  [`GET ${D}/dbaas-integration/:id`]: ok(integrationSchema),
  [`PUT ${D}/dbaas-integration/:id`]: ok(operationSchema),
  [`DELETE ${D}/dbaas-integration/:id`]: ok(operationSchema),
  [`GET ${D}/dbaas-external-endpoints`]: ok(externalEndpointsSchema),
  [`GET ${D}/dbaas-external-integrations/:name`]: ok(externalIntegrationsSchema),
  [`GET ${D}/dbaas-external-integration/:id`]: ok(externalIntegrationSchema),
  [`PUT ${D}/dbaas-external-endpoint/:name/attach`]: ok(operationSchema),
  [`PUT ${D}/dbaas-external-endpoint/:name/detach`]: ok(operationSchema),
  [`POST ${D}/dbaas-task-migration-check/:service`]: ok(operationSchema),
  [`GET ${D}/dbaas-task/:service/:id`]: ok(taskSchema),
  [`GET ${D}/dbaas-migration-status/:name`]: ok(migrationStatusSchema),
}
