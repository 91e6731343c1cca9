import type { MutationRequest } from '../cli-twin/mutation-request'
import type { InstanceScope } from './keys'
import { databaseCreateBody, type DatabaseFormValues } from './schemas'

const base = (p: InstanceScope) => `/instances/${encodeURIComponent(p.instanceId)}/databases`

/** The databases dialogs' requests, as their CLI twins show them (what the mutations send). */
export const databaseTwins = {
  create: (p: InstanceScope, v: DatabaseFormValues): MutationRequest => ({
    service: 'database',
    method: 'POST',
    path: base(p),
    body: databaseCreateBody(v),
  }),
  delete: (p: InstanceScope, name: string): MutationRequest => ({
    service: 'database',
    method: 'DELETE',
    path: `${base(p)}/${encodeURIComponent(name)}`,
  }),
}
