import type { QueryClient } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { switchProject } from '../identity/mutations'
import { projectsQueryOptions } from '../identity/queries'
import { regionsFor, sessionStore, type Session } from './session-store'

/** What every project resource is read in: the project and the region. */
export interface Scope {
  projectId: string
  region: string
}

/**
 * The scope in the URL: `?region=RegionTwo&projectId=<id>` on every signed-in page, so a shared
 * link opens the same resource in the same region and project. (`projectId`, not `project`: the
 * admin lists already use `project` as their filter.)
 */
const idParam = z.catch(
  z.optional(
    z.pipe(
      z.transform((v: unknown) => (typeof v === 'number' ? String(v) : v)),
      z.string(),
    ),
  ),
  undefined,
)

export const scopeSearchSchema = z.object({
  // A typed-in `?projectId=123` arrives as a number: it is still an id.
  region: idParam,
  projectId: idParam,
})

export const SCOPE_SEARCH_KEYS = ['region', 'projectId'] as const

export function scopeOf(session: Session): Scope {
  return { projectId: session.project.id, region: session.region }
}

/** A link names a region or project this user cannot open: shown as such, never a silent switch. */
export class ScopeError extends Error {
  readonly kind: 'unknown-region' | 'unknown-project'
  readonly value: string
  constructor(kind: ScopeError['kind'], value: string, message: string) {
    super(message)
    this.name = 'ScopeError'
    this.kind = kind
    this.value = value
  }
}

/**
 * Makes the session follow the scope a URL names: the region when the catalog offers it, the
 * project by re-scoping the token when the user has it (the cache is cleared: nothing of the old
 * project stays). Throws ScopeError for a region or project the user cannot open.
 */
export async function enterScope(
  queryClient: QueryClient,
  session: Session,
  wanted: Scope,
): Promise<Session> {
  let current = session
  if (wanted.region !== current.region) {
    if (!regionsFor(current.catalog, 'database').includes(wanted.region)) {
      throw new ScopeError(
        'unknown-region',
        wanted.region,
        `This cloud offers no database service in region "${wanted.region}".`,
      )
    }
    sessionStore.setRegion(wanted.region)
    current = { ...current, region: wanted.region }
  }
  if (wanted.projectId !== current.project.id) {
    const projects = await queryClient.ensureQueryData(projectsQueryOptions(current.user.id))
    if (!projects.some((p) => p.id === wanted.projectId)) {
      throw new ScopeError(
        'unknown-project',
        wanted.projectId,
        `You (${current.user.name}) have no role in project "${wanted.projectId}".`,
      )
    }
    current = await switchProject(current, wanted.projectId)
    sessionStore.set(current)
    queryClient.clear()
  }
  return current
}
