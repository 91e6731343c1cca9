import type { MutationRequest } from '../cli-twin/mutation-request'
import type { InstanceScope } from '../databases/keys'
import { userId } from './schemas'

const base = (p: InstanceScope) => `/instances/${encodeURIComponent(p.instanceId)}/users`

/** A user in a path: `name@host`, percent-encoded (the host `%` becomes `%25`). */
export const userPath = (p: InstanceScope, u: { name: string; host?: string | undefined }) =>
  `${base(p)}/${encodeURIComponent(userId(u.name, u.host))}`

type UserRef = { name: string; host?: string | undefined }

/**
 * The access requests, pure: the grant/revoke mutations send them and the access dialog shows
 * them as their CLI twin (`openstack database user grant|revoke access`).
 */
export const accessRequests = {
  grant: (p: InstanceScope, user: UserRef, databases: readonly string[]): MutationRequest => ({
    service: 'database',
    method: 'PUT',
    path: `${userPath(p, user)}/databases`,
    body: { databases: databases.map((name) => ({ name })) },
  }),
  revoke: (p: InstanceScope, user: UserRef, database: string): MutationRequest => ({
    service: 'database',
    method: 'DELETE',
    path: `${userPath(p, user)}/databases/${encodeURIComponent(database)}`,
  }),
}
