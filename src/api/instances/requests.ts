import type { MutationRequest } from '../cli-twin/mutation-request'
import type { InstanceAction, UpdateInstanceRequest } from './schemas'

/**
 * The requests of the instance mutations, pure: the hooks in `mutations.ts` send them and the
 * dialogs show them as their CLI twin (`components/cli-twin.tsx`).
 */

const path = (id: string) => `/instances/${encodeURIComponent(id)}`

function action(id: string, body: InstanceAction): MutationRequest {
  return { service: 'database', method: 'POST', path: `${path(id)}/action`, body }
}

function update(id: string, body: UpdateInstanceRequest): MutationRequest {
  return { service: 'database', method: 'PUT', path: path(id), body }
}

export const instanceRequests = {
  restart: (id: string) => action(id, { restart: {} }),
  resizeFlavor: (id: string, flavorRef: string) => action(id, { resize: { flavorRef } }),
  resizeVolume: (id: string, size: number) => action(id, { resize: { volume: { size } } }),
  resetStatus: (id: string) => action(id, { reset_status: {} }),
  rename: (id: string, name: string) => update(id, { instance: { name } }),
  updateAccess: (id: string, access: { is_public: boolean; allowed_cidrs: string[] }) =>
    update(id, { instance: { access } }),
  promote: (id: string) => action(id, { promote_to_replica_source: {} }),
  eject: (id: string) => action(id, { eject_replica_source: {} }),
  /** Detach a replica from its source (Trove takes PATCH; the CLI sends the same with PUT). */
  detach: (id: string): MutationRequest => ({
    service: 'database',
    method: 'PATCH',
    path: path(id),
    body: { instance: { replica_of: null } },
  }),
  attachConfiguration: (id: string, configurationId: string) =>
    update(id, { instance: { configuration: configurationId } }),
  detachConfiguration: (id: string) => update(id, { instance: { configuration: null } }),
  upgrade: (id: string, versionId: string) =>
    update(id, { instance: { datastore_version: versionId } }),
  /** Replicas of a source: `replica_count` only for several (Trove names them name-1 … name-n). */
  createReplicas: (sourceId: string, name: string, count: number): MutationRequest => ({
    service: 'database',
    method: 'POST',
    path: '/instances',
    body: {
      instance: { name, replica_of: sourceId, ...(count > 1 ? { replica_count: count } : {}) },
    },
  }),
  delete: (id: string): MutationRequest => ({
    service: 'database',
    method: 'DELETE',
    path: path(id),
  }),
}
