import { apiRequest } from '../client'
import type { Session } from '../session/session-store'
import { applicationCredentialCreatedSchema, type ApplicationCredential } from './schemas'

export interface CreateApplicationCredentialInput {
  name: string
  description?: string
  /** Role names; empty = every role the token holds. */
  roles?: string[]
  expiresAt?: string
}

/** Creates an application credential for the session's user on its project; returns the secret. */
export async function createApplicationCredential(
  session: Pick<Session, 'user'>,
  input: CreateApplicationCredentialInput,
): Promise<ApplicationCredential & { secret: string }> {
  const { data } = await apiRequest({
    service: 'identity',
    path: `/users/${encodeURIComponent(session.user.id)}/application_credentials`,
    method: 'POST',
    body: {
      application_credential: {
        name: input.name,
        ...(input.description ? { description: input.description } : {}),
        ...(input.roles?.length ? { roles: input.roles.map((name) => ({ name })) } : {}),
        ...(input.expiresAt ? { expires_at: input.expiresAt } : {}),
      },
    },
    schema: applicationCredentialCreatedSchema,
  })
  return data.application_credential
}
