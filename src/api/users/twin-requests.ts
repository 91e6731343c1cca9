import type { MutationRequest } from '../cli-twin/mutation-request'
import { redactPasswords } from '../cli-twin/redact'
import type { InstanceScope } from '../databases/keys'
import { accessRequests, userPath } from './user-requests'
import {
  userCreateBody,
  type UpdateUserRequest,
  type UpdateUsersRequest,
  type UserFormValues,
} from './schemas'

const base = (p: InstanceScope) => `/instances/${encodeURIComponent(p.instanceId)}/users`

/**
 * The requests of the users dialogs as their CLI twins show them: the same method, path and
 * body the mutations send, with every typed password replaced by a placeholder.
 */
export const userTwins = {
  create: (p: InstanceScope, v: UserFormValues): MutationRequest => ({
    service: 'database',
    method: 'POST',
    path: base(p),
    body: redactPasswords(userCreateBody(v)),
  }),
  update: (
    p: InstanceScope,
    user: { name: string; host?: string | undefined },
    body: UpdateUserRequest,
  ): MutationRequest => ({
    service: 'database',
    method: 'PUT',
    path: userPath(p, user),
    body: redactPasswords(body),
  }),
  passwords: (p: InstanceScope, body: UpdateUsersRequest): MutationRequest => ({
    service: 'database',
    method: 'PUT',
    path: base(p),
    body: redactPasswords(body),
  }),
  grantAccess: accessRequests.grant,
  revokeAccess: accessRequests.revoke,
  delete: (
    p: InstanceScope,
    user: { name: string; host?: string | undefined },
  ): MutationRequest => ({
    service: 'database',
    method: 'DELETE',
    path: userPath(p, user),
  }),
}
