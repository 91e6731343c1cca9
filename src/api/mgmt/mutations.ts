import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { apiRequest } from '../client'
import { datastoreKeys } from '../datastores/keys'
import { parameterKeys } from '../parameters/keys'
import type { ScopeParams } from '../instances/keys'
import { mgmtKeys } from './keys'
import type {
  MgmtAction,
  MgmtActionBody,
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
  client.setQueryData<MgmtInstance>(mgmtKeys.instance(scope, id), (old) =>
    old ? { ...old, ...patch, updated } : old,
  )
  for (const q of client.getQueryCache().findAll({ queryKey: mgmtKeys.instances(scope) })) {
    const data = q.state.data
    if (!Array.isArray(data)) continue
    client.setQueryData<MgmtInstance[]>(q.queryKey, (list) =>
      list?.map((i) => (i.id === id ? { ...i, ...patch, updated } : i)),
    )
  }
}

export function actionBody(
  action: MgmtAction,
  arg: { host?: string; imageId?: string },
): MgmtActionBody {
  switch (action) {
    case 'migrate':
      return { migrate: arg.host ? { host: arg.host } : {} }
    case 'rebuild':
      return { rebuild: { image_id: arg.imageId ?? '' } }
    case 'stop':
      return { stop: {} }
    case 'reboot':
      return { reboot: {} }
    case 'reset-task-status':
      return { 'reset-task-status': {} }
  }
}

/** `POST /mgmt/instances/{id}/action`, then the new status written into the cache. */
export function useMgmtAction(scope: ScopeParams) {
  const client = useQueryClient()
  return useMutation({
    meta,
    mutationFn: async (v: { id: string; action: MgmtAction; host?: string; imageId?: string }) => {
      await apiRequest({
        service: 'database',
        region: scope.region,
        method: 'POST',
        path: `/mgmt/instances/${enc(v.id)}/action`,
        body: actionBody(v.action, v),
      })
    },
    onSuccess: async (_data, v) => {
      await client.cancelQueries({ queryKey: mgmtKeys.instances(scope) })
      writeMgmtInstance(client, scope, v.id, TRANSITIONAL[v.action])
      await client.invalidateQueries({ queryKey: mgmtKeys.instances(scope) })
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

export function useCreateVersion(scope: ScopeParams) {
  const client = useQueryClient()
  return useMutation({
    meta,
    mutationFn: async (body: VersionCreateRequest) => {
      await apiRequest({
        service: 'database',
        region: scope.region,
        method: 'POST',
        path: '/mgmt/datastore-versions',
        body,
      })
    },
    onSuccess: () => invalidateCatalog(client, scope),
  })
}

export function useUpdateVersion(scope: ScopeParams) {
  const client = useQueryClient()
  return useMutation({
    meta,
    mutationFn: async (v: { id: string; body: VersionEditRequest }) => {
      await apiRequest({
        service: 'database',
        region: scope.region,
        method: 'PATCH',
        path: `/mgmt/datastore-versions/${enc(v.id)}`,
        body: v.body,
      })
    },
    onSuccess: () => invalidateCatalog(client, scope),
  })
}

export function useDeleteVersion(scope: ScopeParams) {
  const client = useQueryClient()
  return useMutation({
    meta,
    mutationFn: async (id: string) => {
      await apiRequest({
        service: 'database',
        region: scope.region,
        method: 'DELETE',
        path: `/mgmt/datastore-versions/${enc(id)}`,
      })
    },
    onSuccess: (_d, id) => invalidateCatalog(client, scope, id),
  })
}

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
