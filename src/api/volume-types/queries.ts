import { queryOptions } from '@tanstack/react-query'
import { apiRequest } from '../client'
import type { ScopeParams } from '../instances/keys'
import { volumeTypeKeys } from './keys'
import { volumeTypeListSchema, type VolumeType } from './schemas'

/**
 * The volume types a datastore version may use. A cloud without Cinder types answers an error
 * (real Trove 18 sends 500): the form then falls back to free text and says so.
 */
export const volumeTypesQueryOptions = (p: ScopeParams & { datastore: string; version: string }) =>
  queryOptions({
    queryKey: volumeTypeKeys.forVersion(p),
    queryFn: async ({ signal }): Promise<VolumeType[]> => {
      const { data } = await apiRequest({
        service: 'database',
        region: p.region,
        path: `/datastores/${encodeURIComponent(p.datastore)}/versions/${encodeURIComponent(p.version)}/volume-types`,
        schema: volumeTypeListSchema,
        signal,
      })
      return data.volume_types
    },
    staleTime: 10 * 60_000,
    retry: false,
    meta: { silent: true },
  })
