import { queryOptions } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { apiRequest } from '../client'
import { ApiError } from '../errors'
import { identityKeys } from './keys'
import { allProjectsSchema, projectListSchema, identityUserListSchema } from './schemas'

/**
 * Names for the ids the console shows: Keystone's project and user directory. An admin reads the
 * whole cloud's (`GET /v3/projects`, `GET /v3/users`); a member, or an admin the cloud refuses,
 * only what is theirs (`GET /v3/auth/projects`, their own user). Names change rarely: the
 * directory is read once and kept for a long time.
 */

export interface DirectoryEntry {
  id: string
  name: string
  enabled: boolean
}

export interface Directory {
  /** Sorted by name. */
  entries: readonly DirectoryEntry[]
  byId: ReadonlyMap<string, DirectoryEntry>
  /** The cloud's whole list: an id that is not in it does not exist (an admin's directory). */
  complete: boolean
}

/** Who reads the directory: the session's user, or a wall with its own token. */
export interface DirectoryCaller {
  /** Keys the cached directory: a user id, or a wall's identity. */
  who: string
  admin: boolean
  /** The wall's own token; undefined: the console's session cookie signs. */
  token?: string | undefined
  /** The caller's own user and project, always known (a member's only names). */
  self?: { user?: DirectoryEntry | undefined; project?: DirectoryEntry | undefined }
}

export function makeDirectory(entries: readonly DirectoryEntry[], complete: boolean): Directory {
  const byId = new Map<string, DirectoryEntry>()
  for (const e of entries) byId.set(e.id, e)
  const sorted = [...byId.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  )
  return { entries: sorted, byId, complete }
}

/** Refusals that mean "not for you" (policy), not "signed out" or "cloud down". */
const isRefusal = (e: unknown) =>
  e instanceof ApiError &&
  (e.kind === 'forbidden' || e.kind === 'admin-required' || e.kind === 'not-found')

const entry = (p: { id: string; name: string; enabled?: boolean | undefined }) => ({
  id: p.id,
  name: p.name,
  enabled: p.enabled !== false,
})

const withSelf = (entries: DirectoryEntry[], self: DirectoryEntry | undefined) =>
  self && !entries.some((e) => e.id === self.id) ? [...entries, self] : entries

async function readProjects(caller: DirectoryCaller, signal: AbortSignal): Promise<Directory> {
  const self = caller.self?.project
  if (caller.admin) {
    try {
      const { data } = await apiRequest({
        service: 'identity',
        path: '/projects',
        schema: allProjectsSchema,
        token: caller.token,
        signal,
      })
      return makeDirectory(withSelf(data.projects.map(entry), self), data.truncated !== true)
    } catch (e) {
      if (!isRefusal(e)) throw e
    }
  }
  try {
    const { data } = await apiRequest({
      service: 'identity',
      path: '/auth/projects',
      schema: projectListSchema,
      token: caller.token,
      signal,
    })
    return makeDirectory(withSelf(data.projects.map(entry), self), false)
  } catch (e) {
    if (!isRefusal(e)) throw e
    return makeDirectory(self ? [self] : [], false)
  }
}

async function readUsers(caller: DirectoryCaller, signal: AbortSignal): Promise<Directory> {
  const self = caller.self?.user
  if (caller.admin) {
    try {
      const { data } = await apiRequest({
        service: 'identity',
        path: '/users',
        schema: identityUserListSchema,
        token: caller.token,
        signal,
      })
      return makeDirectory(withSelf(data.users.map(entry), self), data.truncated !== true)
    } catch (e) {
      if (!isRefusal(e)) throw e
    }
  }
  // Keystone lists users to admins only: a member knows their own name, the rest stay ids.
  return makeDirectory(self ? [self] : [], false)
}

const LONG = 10 * 60_000

export const projectDirectoryQueryOptions = (caller: DirectoryCaller) =>
  // Keyed by who reads, not by their token: a wall's renewed token must not refetch it.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  queryOptions({
    queryKey: identityKeys.directory('projects', caller.who, caller.admin),
    queryFn: ({ signal }) => readProjects(caller, signal),
    staleTime: LONG,
    gcTime: 6 * LONG,
    meta: { silent: true },
  })

export const userDirectoryQueryOptions = (caller: DirectoryCaller) =>
  // Keyed by who reads, not by their token: a wall's renewed token must not refetch it.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  queryOptions({
    queryKey: identityKeys.directory('users', caller.who, caller.admin),
    queryFn: ({ signal }) => readUsers(caller, signal),
    staleTime: LONG,
    gcTime: 6 * LONG,
    meta: { silent: true },
  })

/** The entry a typed text means: an id, or a name (case-insensitive, when only one has it). */
export function findEntry(directory: Directory, text: string): DirectoryEntry | undefined {
  const t = text.trim()
  if (!t) return undefined
  const byId = directory.byId.get(t)
  if (byId) return byId
  const lower = t.toLowerCase()
  const named = directory.entries.filter((e) => e.name.toLowerCase() === lower)
  return named.length === 1 ? named[0] : undefined
}

/** Entries whose name or id contains the query: name prefixes first, then by name. */
export function searchDirectory(directory: Directory, query: string, limit = 50): DirectoryEntry[] {
  const q = query.trim().toLowerCase()
  if (!q) return directory.entries.slice(0, limit)
  const prefix: DirectoryEntry[] = []
  const inside: DirectoryEntry[] = []
  for (const e of directory.entries) {
    const name = e.name.toLowerCase()
    if (name.startsWith(q)) prefix.push(e)
    else if (name.includes(q) || e.id.toLowerCase().includes(q)) inside.push(e)
  }
  return [...prefix, ...inside].slice(0, limit)
}

/**
 * A project field: the text names a project of the directory (by id or name) and becomes its id.
 * With a complete directory (an admin's), an unknown project is refused here, before anything is
 * sent (Trove would answer any id, even a typo, with the default quota). With an incomplete one,
 * an id that is not listed is let through: the cloud decides.
 */
export function projectFieldSchema(directory: Directory | undefined) {
  const entryOf = (text: string) => (directory ? findEntry(directory, text) : undefined)
  return z.pipe(
    z.string().check(
      z.trim(),
      z.minLength(1, 'Choose a project.'),
      z.refine((text) => !directory?.complete || entryOf(text) !== undefined, {
        error: (issue) => `No project of this cloud has the name or id “${String(issue.input)}”.`,
      }),
    ),
    z.transform((text: string) => entryOf(text)?.id ?? text),
  )
}
