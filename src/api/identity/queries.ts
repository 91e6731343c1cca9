import { queryOptions } from '@tanstack/react-query'
import { apiRequest } from '../client'
import { identityKeys } from './keys'
import { projectListSchema, serverInfoSchema, type Project, type ServerInfo } from './schemas'

/**
 * GET /v3/auth/projects: the projects the session's user may scope to, sorted by name.
 * `signingIn`: the session cookie exists but the browser has not stored the session yet.
 */
export async function listAuthProjects(opts: { signingIn?: boolean; signal?: AbortSignal } = {}) {
  const { data } = await apiRequest({
    service: 'identity',
    path: '/auth/projects',
    schema: projectListSchema,
    signal: opts.signal,
    anonymous: opts.signingIn ?? false,
  })
  return sortProjects(data.projects.filter((p) => p.enabled !== false))
}

export function sortProjects(projects: Project[]): Project[] {
  return [...projects].sort((a, b) => a.name.localeCompare(b.name))
}

export const projectsQueryOptions = (userId: string) =>
  queryOptions({
    queryKey: identityKeys.projects(userId),
    queryFn: ({ signal }) => listAuthProjects({ signal }),
    staleTime: 5 * 60_000,
  })

/** GET /healthz: `mode: "embedded"` means the demo cloud (and its demo logins) is running. */
export const serverInfoQueryOptions = () =>
  queryOptions({
    queryKey: identityKeys.serverInfo(),
    queryFn: async ({ signal }): Promise<ServerInfo> => {
      const { data } = await apiRequest({
        service: 'identity',
        path: '',
        url: '/healthz',
        anonymous: true,
        schema: serverInfoSchema,
        signal,
      })
      return data
    },
    staleTime: Infinity,
    retry: false,
    meta: { silent: true },
  })

export function isEmbedded(info: ServerInfo | undefined): boolean {
  return info?.mode === 'embedded'
}
