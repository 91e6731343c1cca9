import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from '../client'
import type { InstanceParams } from '../instances/keys'
import { logKeys } from './keys'
import { guestLogShowSchema, type GuestLog, type GuestLogAction } from './schemas'

/**
 * `POST /instances/{id}/log` with `{name, <action>: 1}`; Trove answers the log's new state,
 * written into the cached list at once. `silent`: the Logs tab shows the error inline.
 */
export function useGuestLogAction(p: InstanceParams) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: async (v: { name: string; action: GuestLogAction }) => {
      const { data } = await apiRequest({
        service: 'database',
        region: p.region,
        method: 'POST',
        path: `/instances/${encodeURIComponent(p.id)}/log`,
        body: { name: v.name, [v.action]: 1 },
        schema: guestLogShowSchema,
      })
      return data.log
    },
    onSuccess: async (log) => {
      client.setQueryData<GuestLog[]>(logKeys.list(p), (list) =>
        list?.map((l) => (l.name === log.name ? log : l)),
      )
      await client.invalidateQueries({ queryKey: logKeys.contents({ ...p, name: log.name }) })
    },
  })
}
