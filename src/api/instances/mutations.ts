import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { trackTask } from '@/api/tasks/task-store'
import { apiRequest } from '../client'
import type { MutationRequest } from '../cli-twin/mutation-request'
import { instanceKeys, type ScopeParams } from './keys'
import { instanceQueryOptions, noteInstances, patchListInstance } from './queries'
import { instanceRequests } from './requests'
import { instanceShowSchema, type CreateInstanceRequest, type Instance } from './schemas'

// Every hook here marks its mutation `silent`: the dialog or form that calls it shows the
// ApiError itself (inline, on the fields it names), so the global toast stays quiet.

/** The instance an action is about: enough to address it and to name it in the task tray. */
export interface InstanceRef {
  id: string
  name: string
}

export type TrackedAction =
  | 'create'
  | 'restart'
  | 'resize-flavor'
  | 'resize-volume'
  | 'rename'
  | 'update-access'
  | 'reset-status'
  | 'delete'

/** Trove's timestamp format (UTC, no zone). */
function troveNow(now: number): string {
  return new Date(now).toISOString().slice(0, 19)
}

/**
 * Writes what the cloud just accepted into the cached list and detail at once, so badges change
 * and the poller follows the instance from now on (its first read one interval later), without
 * waiting for a read or re-reading the list.
 */
export async function writeInstance(
  client: QueryClient,
  scope: ScopeParams,
  id: string,
  patch: Partial<Instance>,
): Promise<void> {
  // A read in flight (a poll round, a list read) must not land over what is written now.
  await client.cancelQueries({ queryKey: instanceKeys.scope(scope) })
  const now = Date.now()
  const apply = (i: Instance): Instance => ({ ...i, ...patch, updated: troveNow(now) })
  const detail = client.setQueryData<Instance>(instanceKeys.detail({ ...scope, id }), (old) =>
    old ? apply(old) : old,
  )
  patchListInstance(client, scope, id, apply)
  const row =
    detail ?? client.getQueryData<Instance[]>(instanceKeys.list(scope))?.find((i) => i.id === id)
  if (row) noteInstances(client, scope, [row])
}

/**
 * Adds an instance the cloud just created to the cached list and detail, and follows it; then
 * re-reads the list once (the backstop after a create).
 */
export async function writeCreatedInstance(
  client: QueryClient,
  scope: ScopeParams,
  instance: Instance,
): Promise<void> {
  await client.cancelQueries({ queryKey: instanceKeys.list(scope) })
  const list = client.getQueryCache().find<Instance[]>({
    queryKey: instanceKeys.list(scope),
    exact: true,
  })
  if (list?.state.data) {
    client.setQueryData<Instance[]>(
      instanceKeys.list(scope),
      [...list.state.data.filter((i) => i.id !== instance.id), instance],
      { updatedAt: list.state.dataUpdatedAt },
    )
  }
  client.setQueryData(instanceKeys.detail({ ...scope, id: instance.id }), instance)
  noteInstances(client, scope, [instance])
  void client.invalidateQueries({ queryKey: instanceKeys.list(scope), exact: true })
}

/** Reads one instance now (an action whose outcome cannot be guessed, e.g. reset-status). */
function readInstance(client: QueryClient, scope: ScopeParams, id: string): Promise<void> {
  return client
    .query({ ...instanceQueryOptions({ ...scope, id }), staleTime: 0, retry: false })
    .then(
      () => undefined,
      () => undefined,
    )
}

function track(scope: ScopeParams, action: TrackedAction, label: string, instance: InstanceRef) {
  const startedAt = Date.now()
  trackTask({
    id: `${action}:${instance.id}:${startedAt}`,
    action,
    label,
    resource: {
      kind: 'instance',
      id: instance.id,
      name: instance.name,
      projectId: scope.projectId,
      region: scope.region,
    },
    startedAt,
    state: 'running',
  })
}

/** Sends a request built in `requests.ts` (the one the dialog shows as its CLI twin). */
function send(scope: ScopeParams, req: MutationRequest) {
  return apiRequest({ ...req, region: scope.region })
}

const MOVING = { operating_status: '' } as const

/* ------------------------------------------------------------------ create */

export function useCreateInstance(scope: ScopeParams) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: async (body: CreateInstanceRequest) => {
      const { data } = await apiRequest({
        service: 'database',
        region: scope.region,
        method: 'POST',
        path: '/instances',
        body,
        schema: instanceShowSchema,
      })
      return data.instance
    },
    onSuccess: async (instance) => {
      await writeCreatedInstance(client, scope, instance)
      track(scope, 'create', `Launch ${instance.name}`, instance)
    },
  })
}

/* ----------------------------------------------------------------- actions */

export function useRestartInstance(scope: ScopeParams) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: (v: { instance: InstanceRef }) =>
      send(scope, instanceRequests.restart(v.instance.id)),
    onSuccess: async (_d, { instance }) => {
      await writeInstance(client, scope, instance.id, { status: 'REBOOT', ...MOVING })
      track(scope, 'restart', `Restart ${instance.name}`, instance)
    },
  })
}

export function useResizeFlavor(scope: ScopeParams) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: (v: { instance: InstanceRef; flavorRef: string }) =>
      send(scope, instanceRequests.resizeFlavor(v.instance.id, v.flavorRef)),
    onSuccess: async (_d, { instance }) => {
      await writeInstance(client, scope, instance.id, { status: 'RESIZE', ...MOVING })
      track(scope, 'resize-flavor', `Resize ${instance.name} (flavor)`, instance)
    },
  })
}

export function useResizeVolume(scope: ScopeParams) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: (v: { instance: InstanceRef; size: number }) =>
      send(scope, instanceRequests.resizeVolume(v.instance.id, v.size)),
    onSuccess: async (_d, { instance, size }) => {
      await writeInstance(client, scope, instance.id, { status: 'RESIZE', ...MOVING })
      track(scope, 'resize-volume', `Resize ${instance.name} volume to ${size} GB`, instance)
    },
  })
}

export function useResetStatus(scope: ScopeParams) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: (v: { instance: InstanceRef }) =>
      send(scope, instanceRequests.resetStatus(v.instance.id)),
    onSuccess: async (_d, { instance }) => {
      track(scope, 'reset-status', `Reset status of ${instance.name}`, instance)
      await readInstance(client, scope, instance.id)
    },
  })
}

/* ----------------------------------------------------------------- updates */

export function useRenameInstance(scope: ScopeParams) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: (v: { instance: InstanceRef; newName: string }) =>
      send(scope, instanceRequests.rename(v.instance.id, v.newName)),
    onSuccess: async (_d, { instance, newName }) => {
      await writeInstance(client, scope, instance.id, { name: newName })
      track(scope, 'rename', `Rename ${instance.name} to ${newName}`, {
        ...instance,
        name: newName,
      })
    },
  })
}

export type AccessChange = {
  is_public: boolean
  allowed_cidrs: string[]
}

export function useUpdateAccess(scope: ScopeParams) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: (v: { instance: InstanceRef; access: AccessChange }) =>
      send(scope, instanceRequests.updateAccess(v.instance.id, v.access)),
    onSuccess: async (_d, { instance, access }) => {
      // Trove runs an UPDATING task: status stays ACTIVE and operating_status is "" until done.
      await writeInstance(client, scope, instance.id, { status: 'ACTIVE', ...MOVING, access })
      track(scope, 'update-access', `Update access of ${instance.name}`, instance)
    },
  })
}

/* ------------------------------------------------------------------ delete */

export function useDeleteInstance(scope: ScopeParams) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: (v: { instance: InstanceRef }) =>
      send(scope, instanceRequests.delete(v.instance.id)),
    onSuccess: (_d, { instance }) => writeDeletedInstance(client, scope, instance),
  })
}

/** A delete the cloud accepted: SHUTDOWN in the caches, followed in the task tray. */
export async function writeDeletedInstance(
  client: QueryClient,
  scope: ScopeParams,
  instance: InstanceRef,
): Promise<void> {
  await writeInstance(client, scope, instance.id, { status: 'SHUTDOWN', ...MOVING })
  track(scope, 'delete', `Delete ${instance.name}`, instance)
  // The backstop after a delete: the list read once (the poller follows SHUTDOWN until 404).
  void client.invalidateQueries({ queryKey: instanceKeys.list(scope), exact: true })
}

/**
 * Deletes an instance outside a dialog (the task tray's follow-up after a final backup): sends
 * the same request as the dialog and writes the outcome the same way.
 */
export async function deleteInstanceNow(
  client: QueryClient,
  scope: ScopeParams,
  instance: InstanceRef,
): Promise<void> {
  await send(scope, instanceRequests.delete(instance.id))
  await writeDeletedInstance(client, scope, instance)
}
