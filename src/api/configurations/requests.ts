import type { MutationRequest } from '../cli-twin/mutation-request'

/** The requests of the configuration mutations, pure: sent by `mutations.ts`, shown as the CLI twin. */
export const configurationRequests = {
  delete: (id: string): MutationRequest => ({
    service: 'database',
    method: 'DELETE',
    path: `/configurations/${encodeURIComponent(id)}`,
  }),
}
