import type { MutationRequest } from '../cli-twin/mutation-request'
import type { InstanceScope } from '../databases/keys'

const path = (p: InstanceScope) => `/instances/${encodeURIComponent(p.instanceId)}/root`

/** Root enable and disable, as their CLI twins show them (what the mutations send). */
export const rootTwins = {
  enable: (p: InstanceScope): MutationRequest => ({
    service: 'database',
    method: 'POST',
    path: path(p),
  }),
  disable: (p: InstanceScope): MutationRequest => ({
    service: 'database',
    method: 'DELETE',
    path: path(p),
  }),
}
