import { PUBLIC_NETWORK_ID } from '../network/networks'
import type { Who, World } from './world'

/** What the fuzz knows when it fills in an endpoint: sessions and real ids. */
export interface FuzzFixture {
  region: string
  member: Who
  admin: Who
  /** The member's resources in `region`. */
  w: World
  /** The default mysql version: its id and name. */
  versionId: string
  versionName: string
  /** A token of the member that the `DELETE /v3/auth/tokens` template revokes. */
  spareToken: string
  /** A console session cookie (`Cookie` header value) of the member, for the session API. */
  consoleCookie: string
  /** A mysql version no instance uses, and a datastore without versions (both deletable). */
  spareVersionId: string
  emptyDatastore: string
}

/** Which API answers a path: decides the error envelope a refusal must use. */
export type Face = 'keystone' | 'trove' | 'dbaas' | 'other'

/** One registered route, with a valid request for it (which the fuzz then breaks). */
export interface Endpoint {
  method: string
  /** The route as hono registered it (`/trove/:region/v1.0/:tenant/instances/:id`). */
  route: string
  /** Who sends it: admin for the admin-only APIs (so the fuzz reaches their validation). */
  as: 'member' | 'admin' | 'none'
  /** Path parameters besides region and tenant (which come from the fixture and `as`). */
  params?: (f: FuzzFixture) => Record<string, string>
  /** Valid bodies; each one answered 2xx. */
  bodies?: (f: FuzzFixture) => unknown[]
  query?: (f: FuzzFixture) => Record<string, string>
  headers?: (f: FuzzFixture) => Record<string, string>
}

/**
 * Registered routes that are middleware or catch-alls (`ALL`), with paths that reach them and no
 * handler: the fuzz sends junk there too.
 */
export const PASSTHROUGH: { route: string; samples: (f: FuzzFixture) => string[] }[] = [
  { route: '/*', samples: () => ['/nope', '/..%2f..%2fetc/passwd', '/%F0%9F%92%A5'] },
  { route: '/v3/*', samples: () => ['/v3/nope', '/v3/groups', '/v3/auth/tokens/extra'] },
  {
    route: '/trove/:region/*',
    samples: (f) => [`/trove/Nowhere/v1.0/${f.member.projectId}/instances`, '/trove/%00/x'],
  },
  {
    route: '/trove/:region/v1.0/:tenant/*',
    samples: (f) => [
      `/trove/${f.region}/v1.0/${f.member.projectId}/nope`,
      `/trove/${f.region}/v1.0/${f.member.projectId}/instances/${f.w.instanceId}/nope`,
    ],
  },
  { route: '/trove/*', samples: () => ['/trove/', '/trove/x/y/z'] },
  { route: '/trove', samples: () => ['/trove'] },
  {
    route: '/dbaas/:region/v2/*',
    samples: (f) => [`/dbaas/${f.region}/v2/nope`, '/dbaas/Nowhere/v2/dbaas-service'],
  },
  { route: '/dbaas/*', samples: () => ['/dbaas/', '/dbaas/x'] },
  { route: '/neutron/*', samples: (f) => ['/neutron/', `/neutron/${f.region}/v2.0/ports`] },
]

const T = '/trove/:region/v1.0/:tenant'
const D = '/dbaas/:region/v2'
const U = '/v3/users/:userId/application_credentials'
const IMAGE = '11111111-2222-4333-8444-555555555555'
/** The seeded all-tenants module `ping` (server/store/schema/modules.ts). */
const SEEDED_MODULE = '5a4f8c1e-7d2b-4e6a-9c3f-0b1d2e3f4a01'
const inst = (f: FuzzFixture) => ({ id: f.w.instanceId })
const user = (f: FuzzFixture) => ({ id: f.w.instanceId, user: f.w.user })
const ver = (f: FuzzFixture) => ({ versionId: f.versionId })
const uuid = (f: FuzzFixture) => ({ uuid: f.versionId })
const dsv = (f: FuzzFixture) => ({ ds: 'mysql', version: f.versionName })
const mgmtParam = (name: string) => ({
  'configuration-parameter': {
    name,
    data_type: 'integer',
    min_size: 1,
    max_size: 100,
    restart_required: 0,
  },
})

/** Every embedded-cloud route with a valid request. fuzz.proof.test.ts checks it lists them all. */
export const ENDPOINTS: Endpoint[] = [
  { method: 'GET', route: '/healthz', as: 'none' },
  // ---------------------------------------------------------------- the console's own API
  { method: 'GET', route: '/console-api/v1/journal', as: 'member' },
  { method: 'GET', route: '/console-api/v1/journal/stuck', as: 'member' },
  {
    method: 'GET',
    route: '/console-api/v1/journal/durations',
    as: 'member',
    query: () => ({ kind: 'instance', status: 'REBOOT', datastore: 'mysql' }),
  },
  { method: 'GET', route: '/console-api/v1/config', as: 'none' },
  // ---------------------------------------------------------------- Keystone
  { method: 'GET', route: '/v3', as: 'none' },
  {
    method: 'POST',
    route: '/v3/auth/tokens',
    as: 'none',
    bodies: () => [
      {
        auth: {
          identity: {
            methods: ['password'],
            password: { user: { name: 'demo', domain: { id: 'default' }, password: 'demo' } },
          },
          scope: { project: { name: 'demo', domain: { id: 'default' } } },
        },
      },
    ],
  },
  {
    method: 'GET',
    route: '/v3/auth/tokens',
    as: 'member',
    headers: (f) => ({ 'X-Subject-Token': f.member.token }),
  },
  {
    method: 'DELETE',
    route: '/v3/auth/tokens',
    as: 'member',
    headers: (f) => ({ 'X-Subject-Token': f.spareToken }),
  },
  { method: 'GET', route: '/v3/auth/projects', as: 'member' },
  { method: 'GET', route: '/v3/auth/catalog', as: 'member' },
  { method: 'GET', route: '/v3/projects', as: 'admin' },
  {
    method: 'GET',
    route: '/v3/projects/:projectId',
    as: 'member',
    params: (f) => ({ projectId: f.member.projectId }),
  },
  { method: 'GET', route: '/v3/users', as: 'admin' },
  {
    method: 'GET',
    route: '/v3/users/:userId',
    as: 'member',
    params: (f) => ({ userId: f.member.userId }),
  },
  // ---------------------------------------------------------------- console sessions
  {
    method: 'POST',
    route: '/console-api/v1/session',
    as: 'none',
    headers: () => ({ 'X-Console-Request': '1' }),
    bodies: () => [
      {
        auth: {
          identity: {
            methods: ['password'],
            password: { user: { name: 'demo', domain: { id: 'default' }, password: 'demo' } },
          },
          scope: { project: { name: 'demo', domain: { id: 'default' } } },
        },
      },
    ],
  },
  {
    method: 'GET',
    route: '/console-api/v1/session',
    as: 'none',
    headers: (f) => ({ Cookie: f.consoleCookie }),
  },
  {
    method: 'POST',
    route: '/console-api/v1/session/scope',
    as: 'none',
    headers: (f) => ({ Cookie: f.consoleCookie, 'X-Console-Request': '1' }),
    bodies: (f) => [{ project: { id: f.member.projectId } }],
  },
  {
    method: 'DELETE',
    route: '/console-api/v1/session',
    as: 'none',
    headers: () => ({ 'X-Console-Request': '1' }),
  },
  {
    method: 'POST',
    route: U,
    as: 'member',
    params: (f) => ({ userId: f.member.userId }),
    bodies: () => [
      { application_credential: { name: 'fuzz-cred', description: 'made by the fuzz' } },
    ],
  },
  {
    method: 'GET',
    route: U,
    as: 'member',
    params: (f) => ({ userId: f.member.userId }),
    query: () => ({ name: 'fuzz-cred' }),
  },
  {
    method: 'GET',
    route: `${U}/:credId`,
    as: 'member',
    params: (f) => ({ userId: f.member.userId, credId: f.w.appCredId }),
  },
  {
    method: 'DELETE',
    route: `${U}/:credId`,
    as: 'member',
    params: (f) => ({ userId: f.member.userId, credId: f.w.appCredId }),
  },
  // ---------------------------------------------------------------- Trove: versions
  // A Trove client discovering versions at the host root (browsers get the console there).
  { method: 'GET', route: '/', as: 'none', headers: () => ({ Accept: 'application/json' }) },
  { method: 'GET', route: '/trove/:region', as: 'none' },
  { method: 'GET', route: '/trove/:region/', as: 'none' },
  // The version show is behind keystonemiddleware, as on real Trove (401 without a token).
  { method: 'GET', route: '/trove/:region/v1.0', as: 'member' },
  { method: 'GET', route: '/trove/:region/v1.0/', as: 'member' },
  // ---------------------------------------------------------------- Trove: limits, logs
  { method: 'GET', route: `${T}/limits`, as: 'member' },
  { method: 'GET', route: `${T}/instances/:id/log`, as: 'member', params: inst },
  {
    method: 'POST',
    route: `${T}/instances/:id/log`,
    as: 'member',
    params: inst,
    bodies: (f) => [
      { name: f.w.logName, publish: 1 },
      { name: 'slow_query', enable: 1 },
      { name: f.w.logName, discard: 1 },
    ],
  },
  {
    method: 'GET',
    route: `${T}/instances/:id/log/:name/contents`,
    as: 'member',
    params: (f) => ({ id: f.w.instanceId, name: f.w.logName }),
  },
  // ---------------------------------------------------------------- Trove: catalog
  { method: 'GET', route: `${T}/datastores`, as: 'member' },
  { method: 'GET', route: `${T}/datastores/versions/:uuid`, as: 'member', params: uuid },
  { method: 'GET', route: `${T}/datastores/:ds`, as: 'member', params: () => ({ ds: 'mysql' }) },
  {
    method: 'GET',
    route: `${T}/datastores/:ds/versions`,
    as: 'member',
    params: () => ({ ds: 'mysql' }),
  },
  { method: 'GET', route: `${T}/datastores/:ds/versions/:version`, as: 'member', params: dsv },
  { method: 'GET', route: `${T}/flavors`, as: 'member' },
  {
    method: 'GET',
    route: `${T}/datastores/:ds/versions/:version/flavors`,
    as: 'member',
    params: dsv,
  },
  {
    method: 'GET',
    route: `${T}/datastores/:ds/versions/:version/volume-types`,
    as: 'member',
    params: dsv,
  },
  { method: 'GET', route: `${T}/flavors/:id`, as: 'member', params: () => ({ id: '2' }) },
  // Trove modules (list, show, and the create the seeding uses)
  { method: 'GET', route: `${T}/modules`, as: 'member' },
  { method: 'GET', route: `${T}/modules/:id`, as: 'member', params: () => ({ id: SEEDED_MODULE }) },
  {
    method: 'POST',
    route: `${T}/modules`,
    as: 'member',
    bodies: () => [
      {
        module: {
          name: `fuzz-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
          module_type: 'ping',
          contents: 'message=fuzz',
          datastore: { type: 'mysql' },
        },
      },
    ],
  },
  // The read-only Neutron face (catalog type `network`)
  { method: 'GET', route: '/neutron/:region/v2.0/networks', as: 'member' },
  {
    method: 'GET',
    route: '/neutron/:region/v2.0/networks/:id',
    as: 'member',
    params: () => ({ id: PUBLIC_NETWORK_ID }),
  },
  {
    method: 'GET',
    route: `${T}/datastores/versions/:uuid/parameters`,
    as: 'member',
    params: uuid,
  },
  {
    method: 'GET',
    route: `${T}/datastores/versions/:uuid/parameters/:name`,
    as: 'member',
    params: (f) => ({ uuid: f.versionId, name: 'max_connections' }),
  },
  {
    method: 'GET',
    route: `${T}/datastores/:ds/versions/:version/parameters`,
    as: 'member',
    params: dsv,
  },
  {
    method: 'GET',
    route: `${T}/datastores/:ds/versions/:version/parameters/:name`,
    as: 'member',
    params: (f) => ({ ...dsv(f), name: 'max_connections' }),
  },
  // ---------------------------------------------------------------- Trove: instances
  { method: 'GET', route: `${T}/instances`, as: 'member', query: () => ({ limit: '2' }) },
  { method: 'GET', route: `${T}/instances/detail`, as: 'member' },
  {
    method: 'POST',
    route: `${T}/instances`,
    as: 'member',
    bodies: (f) => [
      {
        instance: {
          name: 'fuzz-new',
          flavorRef: '2',
          volume: { size: 2, type: null },
          datastore: { type: 'mysql', version: f.versionName },
          configuration: f.w.configurationId,
          access: { is_public: false, allowed_cidrs: ['10.0.0.0/8'] },
          availability_zone: 'nova',
        },
      },
      // Users apart: each accepted create hashes their passwords (scrypt, slow on purpose).
      {
        instance: {
          name: 'fuzz-users',
          flavorRef: '2',
          volume: { size: 2 },
          databases: [{ name: 'fz_db', character_set: 'utf8mb4', collate: 'utf8mb4_general_ci' }],
          users: [
            { name: 'fz_user', password: 'Fuzz-pw-2', host: '%', databases: [{ name: 'fz_db' }] },
          ],
        },
      },
      {
        instance: {
          name: 'fuzz-restore',
          flavorRef: '2',
          volume: { size: 2 },
          restorePoint: { backupRef: f.w.backupId },
        },
      },
      {
        instance: {
          name: 'fuzz-replica',
          replica_of: f.w.instanceId,
          replica_count: 1,
        },
      },
    ],
  },
  { method: 'GET', route: `${T}/instances/:id`, as: 'member', params: inst },
  {
    method: 'PUT',
    route: `${T}/instances/:id`,
    as: 'member',
    params: inst,
    // An empty `instance` detaches the configuration group.
    bodies: () => [{ instance: { name: 'renamed' } }, { instance: {} }],
  },
  {
    method: 'PATCH',
    route: `${T}/instances/:id`,
    as: 'member',
    params: inst,
    bodies: () => [
      { instance: { name: 'patched' } },
      { instance: { access: { is_public: true, allowed_cidrs: ['192.168.0.0/16'] } } },
    ],
  },
  { method: 'DELETE', route: `${T}/instances/:id`, as: 'member', params: inst },
  {
    method: 'POST',
    route: `${T}/instances/:id/action`,
    as: 'member',
    params: inst,
    bodies: () => [
      { restart: {} },
      { resize: { volume: { size: 3 } } },
      { resize: { flavorRef: '3' } },
    ],
  },
  // ---------------------------------------------------------------- Trove: databases, users, root
  { method: 'GET', route: `${T}/instances/:id/databases`, as: 'member', params: inst },
  {
    method: 'POST',
    route: `${T}/instances/:id/databases`,
    as: 'member',
    params: inst,
    bodies: () => [
      { databases: [{ name: 'fz_db2', character_set: 'utf8', collate: 'utf8_general_ci' }] },
    ],
  },
  {
    method: 'DELETE',
    route: `${T}/instances/:id/databases/:name`,
    as: 'member',
    params: (f) => ({ id: f.w.instanceId, name: f.w.database }),
  },
  { method: 'GET', route: `${T}/instances/:id/users`, as: 'member', params: inst },
  {
    method: 'POST',
    route: `${T}/instances/:id/users`,
    as: 'member',
    params: inst,
    bodies: (f) => [
      {
        users: [
          { name: 'fz_u2', password: 'Fuzz-pw-3', host: '%', databases: [{ name: f.w.database }] },
        ],
      },
    ],
  },
  {
    method: 'PUT',
    route: `${T}/instances/:id/users`,
    as: 'member',
    params: inst,
    bodies: (f) => [{ users: [{ name: f.w.user, password: 'Fuzz-pw-4', host: '%' }] }],
  },
  { method: 'GET', route: `${T}/instances/:id/users/:user`, as: 'member', params: user },
  {
    method: 'PUT',
    route: `${T}/instances/:id/users/:user`,
    as: 'member',
    params: user,
    bodies: () => [{ user: { name: 'fz_renamed', host: '%', password: 'Fuzz-pw-5' } }],
  },
  { method: 'DELETE', route: `${T}/instances/:id/users/:user`, as: 'member', params: user },
  {
    method: 'GET',
    route: `${T}/instances/:id/users/:user/databases`,
    as: 'member',
    params: user,
  },
  {
    method: 'PUT',
    route: `${T}/instances/:id/users/:user/databases`,
    as: 'member',
    params: user,
    bodies: (f) => [{ databases: [{ name: f.w.database }] }],
  },
  {
    method: 'DELETE',
    route: `${T}/instances/:id/users/:user/databases/:database`,
    as: 'member',
    params: (f) => ({ ...user(f), database: f.w.database }),
  },
  { method: 'GET', route: `${T}/instances/:id/root`, as: 'member', params: inst },
  {
    method: 'POST',
    route: `${T}/instances/:id/root`,
    as: 'member',
    params: inst,
    bodies: () => [{ password: 'Root-pw-77' }],
  },
  { method: 'DELETE', route: `${T}/instances/:id/root`, as: 'member', params: inst },
  // ---------------------------------------------------------------- Trove: backups
  {
    method: 'GET',
    route: `${T}/backups`,
    as: 'member',
    query: (f) => ({ limit: '5', instance_id: f.w.instanceId, datastore: 'mysql' }),
  },
  {
    method: 'GET',
    route: `${T}/backups/:id`,
    as: 'member',
    params: (f) => ({ id: f.w.backupId }),
  },
  {
    method: 'POST',
    route: `${T}/backups`,
    as: 'member',
    bodies: (f) => [
      {
        backup: {
          name: 'fuzz-bk',
          instance: f.w.instanceId,
          description: 'fuzz',
          incremental: 1,
          swift_container: 'fuzz_c',
        },
      },
      { backup: { name: 'fuzz-bk2', instance: f.w.instanceId, parent_id: f.w.backupId } },
    ],
  },
  {
    method: 'DELETE',
    route: `${T}/backups/:id`,
    as: 'member',
    params: (f) => ({ id: f.w.backupId }),
  },
  {
    method: 'POST',
    route: `${T}/backups/:id/action`,
    as: 'member',
    params: (f) => ({ id: f.w.backupId }),
    bodies: () => [{ 'copy-backup': { target_backup_region: 'RegionTwo', name: 'fuzz-copy' } }],
  },
  { method: 'GET', route: `${T}/instances/:id/backups`, as: 'member', params: inst },
  { method: 'GET', route: `${T}/ha/:id/backups`, as: 'member', params: inst },
  {
    method: 'GET',
    route: `${T}/backup_strategies`,
    as: 'member',
    query: (f) => ({ instance_id: f.w.instanceId }),
  },
  {
    method: 'POST',
    route: `${T}/backup_strategies`,
    as: 'member',
    bodies: (f) => [
      { backup_strategy: { swift_container: 'fuzz_strategy', instance_id: f.w.instanceId } },
      { backup_strategy: { swift_container: 'fuzz_project' } },
    ],
  },
  {
    method: 'DELETE',
    route: `${T}/backup_strategies`,
    as: 'member',
    query: (f) => ({ instance_id: f.w.instanceId }),
  },
  // ---------------------------------------------------------------- Trove: configurations
  { method: 'GET', route: `${T}/configurations`, as: 'member', query: () => ({ limit: '1' }) },
  {
    method: 'POST',
    route: `${T}/configurations`,
    as: 'member',
    bodies: (f) => [
      {
        configuration: {
          name: 'fuzz-cfg',
          description: 'fuzz',
          values: { max_connections: 50, connect_timeout: 15, character_set_client: 'utf8mb4' },
          datastore: { type: 'mysql', version: f.versionName },
        },
      },
    ],
  },
  {
    method: 'GET',
    route: `${T}/configurations/:id`,
    as: 'member',
    params: (f) => ({ id: f.w.configurationId }),
  },
  {
    method: 'GET',
    route: `${T}/configurations/:id/instances`,
    as: 'member',
    params: (f) => ({ id: f.w.configurationId }),
  },
  {
    method: 'PATCH',
    route: `${T}/configurations/:id`,
    as: 'member',
    params: (f) => ({ id: f.w.configurationId }),
    bodies: () => [{ configuration: { values: { max_connections: 77 } } }],
  },
  {
    method: 'PUT',
    route: `${T}/configurations/:id`,
    as: 'member',
    params: (f) => ({ id: f.w.configurationId }),
    bodies: () => [
      {
        configuration: {
          name: 'fuzz-put',
          description: 'fuzz',
          values: { max_connections: 90, connect_timeout: 12 },
        },
      },
    ],
  },
  {
    method: 'DELETE',
    route: `${T}/configurations/:id`,
    as: 'member',
    params: (f) => ({ id: f.w.spareConfigurationId }),
  },
  { method: 'GET', route: `${T}/instances/:id/configuration`, as: 'member', params: inst },
  // ---------------------------------------------------------------- Trove: admin (/mgmt ...)
  {
    method: 'GET',
    route: `${T}/mgmt/instances`,
    as: 'admin',
    query: (f) => ({ project_id: f.member.projectId, deleted: 'false' }),
  },
  { method: 'GET', route: `${T}/mgmt/instances/:id`, as: 'admin', params: inst },
  { method: 'GET', route: `${T}/mgmt/instances/:id/root`, as: 'admin', params: inst },
  { method: 'GET', route: `${T}/mgmt/hosts`, as: 'admin' },
  {
    method: 'POST',
    route: `${T}/mgmt/instances/:id/action`,
    as: 'admin',
    params: inst,
    bodies: () => [
      { reboot: {} },
      { migrate: {} },
      { rebuild: { image_id: IMAGE } },
      { 'reset-task-status': {} },
      { stop: {} },
    ],
  },
  { method: 'GET', route: `${T}/mgmt/datastore-versions`, as: 'admin' },
  {
    method: 'GET',
    route: `${T}/mgmt/datastore-versions/:id`,
    as: 'admin',
    params: (f) => ({ id: f.versionId }),
  },
  {
    method: 'POST',
    route: `${T}/mgmt/datastore-versions`,
    as: 'admin',
    bodies: () => [
      {
        version: {
          name: 'fuzz-9.9',
          datastore_name: 'mysql',
          datastore_manager: 'mysql',
          image: IMAGE,
          image_tags: ['trove'],
          packages: ['mysql-server'],
          active: true,
          default: false,
          version: '9.9.1',
        },
      },
    ],
  },
  {
    method: 'PATCH',
    route: `${T}/mgmt/datastore-versions/:id`,
    as: 'admin',
    params: (f) => ({ id: f.versionId }),
    bodies: () => [
      { image: IMAGE, packages: ['mysql-server'], active: true, default: true, name: 'renamed' },
    ],
  },
  {
    method: 'DELETE',
    route: `${T}/mgmt/datastore-versions/:id`,
    as: 'admin',
    params: (f) => ({ id: f.spareVersionId }),
  },
  {
    method: 'DELETE',
    route: `${T}/datastores/:ds`,
    as: 'admin',
    params: (f) => ({ ds: f.emptyDatastore }),
  },
  {
    method: 'GET',
    route: `${T}/mgmt/datastores/versions/:versionId/parameters`,
    as: 'admin',
    params: ver,
  },
  {
    method: 'GET',
    route: `${T}/mgmt/datastores/versions/:versionId/parameters/:name`,
    as: 'admin',
    params: (f) => ({ ...ver(f), name: 'max_connections' }),
  },
  {
    method: 'POST',
    route: `${T}/mgmt/datastores/versions/:versionId/parameters`,
    as: 'admin',
    params: ver,
    bodies: () => [mgmtParam('fuzz_param')],
  },
  {
    method: 'PUT',
    route: `${T}/mgmt/datastores/versions/:versionId/parameters/:name`,
    as: 'admin',
    params: (f) => ({ ...ver(f), name: 'max_connections' }),
    bodies: () => [mgmtParam('max_connections')],
  },
  {
    method: 'DELETE',
    route: `${T}/mgmt/datastores/versions/:versionId/parameters/:name`,
    as: 'admin',
    params: (f) => ({ ...ver(f), name: 'max_connections' }),
  },
  {
    method: 'GET',
    route: `${T}/mgmt/quotas/:project`,
    as: 'admin',
    params: (f) => ({ project: f.member.projectId }),
  },
  {
    method: 'PUT',
    route: `${T}/mgmt/quotas/:project`,
    as: 'admin',
    params: (f) => ({ project: f.member.projectId }),
    bodies: () => [{ quotas: { instances: 30, ram: 100000, backups: 40, volumes: 500 } }],
  },
  // ---------------------------------------------------------------- DBaaS API
  { method: 'GET', route: `${D}/dbaas-service`, as: 'member' },
  {
    method: 'DELETE',
    route: `${D}/dbaas-service/:name`,
    as: 'member',
    params: (f) => ({ name: f.w.names.maria }),
  },
  ...(
    [
      ['postgres', 'pg'],
      ['mysql', 'mysql'],
      ['mariadb', 'maria'],
    ] as const
  ).map(([path, key]): Endpoint => ({
    method: 'PUT',
    route: `${D}/dbaas-${path}/:name`,
    as: 'member',
    params: (f) => ({ name: f.w.names[key] }),
    bodies: () => [{ 'termination-protection': true }],
  })),
  { method: 'GET', route: `${D}/dbaas-service-type`, as: 'member' },
  {
    method: 'GET',
    route: `${D}/dbaas-service-type/:type`,
    as: 'member',
    params: () => ({ type: 'mysql' }),
  },
  { method: 'GET', route: `${D}/dbaas-ca-certificate`, as: 'member' },
  {
    method: 'GET',
    route: `${D}/operation/:id`,
    as: 'member',
    params: (f) => ({ id: f.w.operationId }),
  },
  {
    method: 'POST',
    route: `${D}/dbaas-service-metrics/:name`,
    as: 'member',
    params: (f) => ({ name: f.w.names.mysql }),
    bodies: () => [{ period: 'day' }],
  },
  {
    method: 'POST',
    route: `${D}/dbaas-service-logs/:name`,
    as: 'member',
    params: (f) => ({ name: f.w.names.mysql }),
    bodies: () => [{ limit: 10, offset: '', 'sort-order': 'asc' }],
  },
  { method: 'GET', route: `${D}/dbaas-integration-types`, as: 'member' },
  {
    method: 'GET',
    route: `${D}/dbaas-integration-settings/:type/:source/:dest`,
    as: 'member',
    params: () => ({ type: 'metrics', source: 'mysql', dest: 'pg' }),
  },
  {
    method: 'POST',
    route: `${D}/dbaas-integration`,
    as: 'member',
    bodies: (f) => [
      {
        'integration-type': 'metrics',
        'source-service': f.w.names.maria,
        'dest-service': f.w.names.pg,
        settings: { database: 'fuzz', retention_days: 10 },
      },
    ],
  },
  {
    method: 'GET',
    route: `${D}/dbaas-integration/:id`,
    as: 'member',
    params: (f) => ({ id: f.w.integrationId }),
  },
  {
    method: 'PUT',
    route: `${D}/dbaas-integration/:id`,
    as: 'member',
    params: (f) => ({ id: f.w.integrationId }),
    bodies: () => [{ settings: { retention_days: 7 } }],
  },
  {
    method: 'DELETE',
    route: `${D}/dbaas-integration/:id`,
    as: 'member',
    params: (f) => ({ id: f.w.integrationId }),
  },
  { method: 'GET', route: `${D}/dbaas-external-endpoints`, as: 'member' },
  {
    method: 'GET',
    route: `${D}/dbaas-external-integrations/:name`,
    as: 'member',
    params: (f) => ({ name: f.w.names.mysql }),
  },
  {
    method: 'GET',
    route: `${D}/dbaas-external-integration/:id`,
    as: 'member',
    params: (f) => ({ id: f.w.externalIntegrationId }),
  },
  {
    method: 'PUT',
    route: `${D}/dbaas-external-endpoint/:name/attach`,
    as: 'member',
    params: (f) => ({ name: f.w.names.pg }),
    bodies: (f) => [{ 'dest-endpoint-id': f.w.externalEndpointId, type: f.w.externalEndpointType }],
  },
  {
    method: 'PUT',
    route: `${D}/dbaas-external-endpoint/:name/detach`,
    as: 'member',
    params: (f) => ({ name: f.w.names.mysql }),
    bodies: (f) => [{ 'integration-id': f.w.externalIntegrationId }],
  },
  {
    method: 'POST',
    route: `${D}/dbaas-task-migration-check/:service`,
    as: 'member',
    params: (f) => ({ service: f.w.names.mysql }),
    bodies: () => [
      {
        'source-service-uri': 'mysql://admin:pw@legacy.example.com:3306/shop,crm',
        method: 'dump',
        'ignore-dbs': 'crm',
      },
    ],
  },
  {
    method: 'GET',
    route: `${D}/dbaas-task/:service/:id`,
    as: 'member',
    params: (f) => ({ service: f.w.names.mysql, id: f.w.migrationTaskId }),
  },
  {
    method: 'GET',
    route: `${D}/dbaas-migration-status/:name`,
    as: 'member',
    params: (f) => ({ name: f.w.names.mysql }),
  },
  // ---------------------------------------------------------------- the console's own API
  {
    method: 'GET',
    route: '/console-api/v1/feed',
    as: 'member',
    query: (f) => ({ region: f.region }),
  },
]

export const routeKey = (method: string, route: string) => `${method} ${route}`

/** The face of the API that answers `path`. */
export function faceOf(path: string): Face {
  if (path.startsWith('/v3')) return 'keystone'
  if (path.startsWith('/trove')) return 'trove'
  if (path.startsWith('/dbaas/')) return 'dbaas'
  return 'other'
}

/** `route` with its parameters filled in (values percent-encoded unless `raw`). */
export function fillRoute(
  route: string,
  params: Record<string, string>,
  raw: ReadonlySet<string> = new Set(),
): string {
  return route.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    const v = params[name]
    if (v === undefined) throw new Error(`no value for :${name} in ${route}`)
    return raw.has(name) ? v : encodeURIComponent(v)
  })
}

/** Region, tenant and the endpoint's own parameters. */
export function paramsOf(e: Endpoint, f: FuzzFixture): Record<string, string> {
  const tenant = e.as === 'admin' ? f.admin.projectId : f.member.projectId
  return { region: f.region, tenant, ...(e.params?.(f) ?? {}) }
}
