import {
  useMutation,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query'
import { trackTask } from '@/api/tasks/task-store'
import { apiRequest } from '../client'
import { datastoreKeys } from '../datastores/keys'
import { parameterKeys } from '../parameters/keys'
import type { ScopeParams } from '../instances/keys'
import { mgmtKeys } from './keys'
import type { MgmtInstancePage } from './queries'
import { mgmtActionRequest } from './requests'
import type {
  MgmtAction,
  MgmtInstance,
  ParameterDataType,
  VersionCreateRequest,
  VersionEditRequest,
} from './schemas'

// The pages show each ApiError themselves (inline, in the dialog), so every hook is `silent`.
const meta = { silent: true }
const enc = encodeURIComponent

/** What each admin action shows at once, before the next read (so polling starts now). */
const TRANSITIONAL: Record<MgmtAction, Partial<MgmtInstance>> = {
  stop: { operating_status: 'SHUTDOWN', service_status: 'SHUTDOWN' },
  reboot: { status: 'REBOOT', operating_status: '' },
  migrate: { status: 'RESIZE', operating_status: '' },
  rebuild: { status: 'BUILD', operating_status: '' },
  'reset-task-status': {},
}

function writeMgmtInstance(
  client: QueryClient,
  scope: ScopeParams,
  id: string,
  patch: Partial<MgmtInstance>,
) {
  const updated = new Date().toISOString().slice(0, 19)
  const apply = (i: MgmtInstance) => (i.id === id ? { ...i, ...patch, updated } : i)
  client.setQueryData<MgmtInstance>(mgmtKeys.instance(scope, id), (old) => (old ? apply(old) : old))
  for (const q of client.getQueryCache().findAll({ queryKey: mgmtKeys.instances(scope) })) {
    const data = q.state.data
    if (Array.isArray(data)) {
      client.setQueryData<MgmtInstance[]>(q.queryKey, (list) => list?.map(apply))
    } else if (isPages(data)) {
      client.setQueryData<InfiniteData<MgmtInstancePage, string | undefined>>(
        q.queryKey,
        (old) =>
          old && {
            ...old,
            pages: old.pages.map((pg) => ({ ...pg, instances: pg.instances.map(apply) })),
          },
      )
    }
  }
}

function isPages(data: unknown): data is InfiniteData<MgmtInstancePage> {
  return typeof data === 'object' && data !== null && 'pages' in data && Array.isArray(data.pages)
}

/** What an admin action is about: enough to address the instance and name it in the task tray. */
export interface MgmtActionVars {
  instance: { id: string; name: string }
  action: MgmtAction
  host?: string | undefined
  imageId?: string | undefined
}

const TASK_VERB: Record<MgmtAction, string> = {
  stop: 'Stop the database of',
  reboot: 'Reboot',
  migrate: 'Migrate',
  'reset-task-status': 'Reset the task status of',
  rebuild: 'Rebuild',
}

/** The tray's text for an admin action: "Reboot db1 (admin)", "Migrate db1 to compute-002 (admin)". */
export function mgmtTaskLabel(v: MgmtActionVars): string {
  const to = v.action === 'migrate' && v.host ? ` to ${v.host}` : ''
  return `${TASK_VERB[v.action]} ${v.instance.name}${to} (admin)`
}

/**
 * `POST /mgmt/instances/{id}/action`, then the new status written into the cache (so the page's
 * poller follows it at once) and a task-tray entry that settles, with a toast, when the
 * instance does (read through the mgmt API: the instance may belong to any project).
 */
export function useMgmtAction(scope: ScopeParams) {
  const client = useQueryClient()
  return useMutation({
    meta,
    mutationFn: async (v: MgmtActionVars) => {
      await apiRequest({ ...mgmtActionRequest(v.instance.id, v.action, v), region: scope.region })
    },
    onSuccess: async (_data, v) => {
      await client.cancelQueries({ queryKey: mgmtKeys.instances(scope) })
      writeMgmtInstance(client, scope, v.instance.id, TRANSITIONAL[v.action])
      const startedAt = Date.now()
      trackTask({
        id: `mgmt-${v.action}:${v.instance.id}:${startedAt}`,
        action: `mgmt-${v.action}`,
        label: mgmtTaskLabel(v),
        resource: {
          kind: 'mgmt-instance',
          id: v.instance.id,
          name: v.instance.name,
          projectId: scope.projectId,
          region: scope.region,
        },
        startedAt,
        state: 'running',
      })
      // The detail is read again now: a reset or a stop has no transitional status to show.
      await client.invalidateQueries({ queryKey: mgmtKeys.instance(scope, v.instance.id) })
      void client.invalidateQueries({
        queryKey: mgmtKeys.instances(scope),
        predicate: (q) => q.queryKey[4] !== 'detail' && q.queryKey[4] !== 'root',
      })
    },
  })
}

/**
 * Datastore and parameter caches every tenant page reads: refetched after an admin change. A
 * deleted version's own queries are left alone: refetching them would only fail.
 */
async function invalidateCatalog(client: QueryClient, scope: ScopeParams, deletedId?: string) {
  await Promise.all([
    client.invalidateQueries({
      queryKey: mgmtKeys.versions(scope),
      predicate: (q) => deletedId === undefined || !q.queryKey.includes(deletedId),
    }),
    client.invalidateQueries({ queryKey: datastoreKeys.all }),
    client.invalidateQueries({
      queryKey: parameterKeys.all,
      predicate: (q) => deletedId === undefined || !q.queryKey.includes(deletedId),
    }),
  ])
}

/** A datastore-version request of the admin API, then the catalog read again. */
function useVersionMutation<V>(
  scope: ScopeParams,
  request: (v: V) => { method: 'POST' | 'PATCH' | 'DELETE'; path: string; body?: unknown },
  deletedId?: (v: V) => string,
) {
  const client = useQueryClient()
  return useMutation({
    meta,
    mutationFn: async (v: V) => {
      await apiRequest({ service: 'database', region: scope.region, ...request(v) })
    },
    onSuccess: (_d, v) => invalidateCatalog(client, scope, deletedId?.(v)),
  })
}

export const useCreateVersion = (scope: ScopeParams) =>
  useVersionMutation(scope, (body: VersionCreateRequest) => ({
    method: 'POST',
    path: '/mgmt/datastore-versions',
    body,
  }))

export const useUpdateVersion = (scope: ScopeParams) =>
  useVersionMutation(scope, (v: { id: string; body: VersionEditRequest }) => ({
    method: 'PATCH',
    path: `/mgmt/datastore-versions/${enc(v.id)}`,
    body: v.body,
  }))

export const useDeleteVersion = (scope: ScopeParams) =>
  useVersionMutation(
    scope,
    (id: string) => ({ method: 'DELETE', path: `/mgmt/datastore-versions/${enc(id)}` }),
    (id) => id,
  )

/** `DELETE /datastores/{name}`: only once it has no versions left (admin-only policy). */
export function useDeleteDatastore(scope: ScopeParams) {
  const client = useQueryClient()
  return useMutation({
    meta,
    mutationFn: async (name: string) => {
      await apiRequest({
        service: 'database',
        region: scope.region,
        method: 'DELETE',
        path: `/datastores/${enc(name)}`,
      })
    },
    onSuccess: () => invalidateCatalog(client, scope),
  })
}

/** A parameter as the form sends it: bounds are decimal text, never numbers (2^64-1 is exact). */
export interface ParameterInput {
  name: string
  dataType: ParameterDataType
  restartRequired: boolean
  /** Decimal text; undefined sends no bound (for `max`: "no maximum"). */
  min?: string | undefined
  max?: string | undefined
}

export function parameterBody(p: ParameterInput) {
  const bounds = p.dataType === 'integer' || p.dataType === 'float'
  return {
    'configuration-parameter': {
      name: p.name,
      data_type: p.dataType,
      restart_required: p.restartRequired ? 1 : 0,
      ...(bounds && p.min !== undefined ? { min_size: p.min } : {}),
      ...(bounds && p.max !== undefined ? { max_size: p.max } : {}),
    },
  }
}

/** Registers (POST) or updates (PUT) a configuration parameter of a version. */
export function useSaveParameter(scope: ScopeParams, versionId: string) {
  const client = useQueryClient()
  return useMutation({
    meta,
    mutationFn: async (v: { input: ParameterInput; existing: boolean }) => {
      const path = `/mgmt/datastores/versions/${enc(versionId)}/parameters`
      await apiRequest({
        service: 'database',
        region: scope.region,
        method: v.existing ? 'PUT' : 'POST',
        path: v.existing ? `${path}/${enc(v.input.name)}` : path,
        body: parameterBody(v.input),
        exactIntegers: true,
      })
    },
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: mgmtKeys.parameters(scope, versionId) }),
        client.invalidateQueries({ queryKey: parameterKeys.all }),
      ]),
  })
}

export function useDeleteParameter(scope: ScopeParams, versionId: string) {
  const client = useQueryClient()
  return useMutation({
    meta,
    mutationFn: async (name: string) => {
      await apiRequest({
        service: 'database',
        region: scope.region,
        method: 'DELETE',
        path: `/mgmt/datastores/versions/${enc(versionId)}/parameters/${enc(name)}`,
      })
    },
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: mgmtKeys.parameters(scope, versionId) }),
        client.invalidateQueries({ queryKey: parameterKeys.all }),
      ]),
  })
}

/** `PUT /mgmt/quotas/{project}` with the changed limits only. */
export function useUpdateQuota(scope: ScopeParams) {
  const client = useQueryClient()
  return useMutation({
    meta,
    mutationFn: async (v: { project: string; quotas: Record<string, number> }) => {
      await apiRequest({
        service: 'database',
        region: scope.region,
        method: 'PUT',
        path: `/mgmt/quotas/${enc(v.project)}`,
        body: { quotas: v.quotas },
      })
    },
    onSuccess: (_d, v) => client.invalidateQueries({ queryKey: mgmtKeys.quota(scope, v.project) }),
  })
}
