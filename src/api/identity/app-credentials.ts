import { z } from 'zod'
import { apiRequest } from '../client'
import type { Session } from '../session/session-store'

/** Keystone application credential (`/v3/users/{user_id}/application_credentials`). */
export const applicationCredentialSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable().optional(),
  project_id: z.string(),
  user_id: z.string().optional(),
  roles: z.array(z.looseObject({ id: z.string().optional(), name: z.string() })).optional(),
  expires_at: z.string().nullable().optional(),
  unrestricted: z.boolean().optional(),
  /** Only in the create answer: Keystone never shows it again. */
  secret: z.string().optional(),
})
export type ApplicationCredential = z.infer<typeof applicationCredentialSchema>

export interface CreateApplicationCredentialInput {
  name: string
  description?: string
  /** Role names; empty = every role the token holds. */
  roles?: string[]
  expiresAt?: string
}

/** Creates an application credential for the session's user on its project; returns the secret. */
export async function createApplicationCredential(
  session: Pick<Session, 'token' | 'user'>,
  input: CreateApplicationCredentialInput,
): Promise<ApplicationCredential & { secret: string }> {
  const { data } = await apiRequest({
    service: 'identity',
    path: `/users/${encodeURIComponent(session.user.id)}/application_credentials`,
    method: 'POST',
    token: session.token,
    body: {
      application_credential: {
        name: input.name,
        ...(input.description ? { description: input.description } : {}),
        ...(input.roles?.length ? { roles: input.roles.map((name) => ({ name })) } : {}),
        ...(input.expiresAt ? { expires_at: input.expiresAt } : {}),
      },
    },
    schema: z.object({
      application_credential: applicationCredentialSchema.extend({ secret: z.string() }),
    }),
  })
  return data.application_credential
}
