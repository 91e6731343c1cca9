import { useMemo } from 'react'
import { useQuery } from '@tanstack/react-query'
import {
  projectDirectoryQueryOptions,
  userDirectoryQueryOptions,
  type DirectoryCaller,
} from '@/api/identity/project-names'
import { isAdmin, type Session } from '@/api/session/session-store'
import { useSession } from './use-session'

/** The signed-in user as a directory reader (admin: the whole cloud's names). */
export function callerFromSession(session: Session): DirectoryCaller {
  return {
    who: session.user.id,
    admin: isAdmin(session),
    self: {
      user: { id: session.user.id, name: session.user.name, enabled: true },
      project: { id: session.project.id, name: session.project.name, enabled: true },
    },
  }
}

const OFF: DirectoryCaller = { who: '', admin: false }

function useCaller(): DirectoryCaller | undefined {
  const session = useSession()
  return useMemo(() => (session ? callerFromSession(session) : undefined), [session])
}

/** The project directory of the signed-in user (cached long; undefined while it loads). */
export function useProjectDirectory() {
  const caller = useCaller()
  return useQuery({ ...projectDirectoryQueryOptions(caller ?? OFF), enabled: !!caller })
}

/** The user directory of the signed-in user: every user for an admin, themself otherwise. */
export function useUserDirectory() {
  const caller = useCaller()
  return useQuery({ ...userDirectoryQueryOptions(caller ?? OFF), enabled: !!caller })
}

/**
 * A project id -> name lookup for a caller with its own token (the status wall): the name, or
 * undefined while the directory loads or when the id is not in it.
 */
export function useProjectNameLookup(caller: DirectoryCaller | undefined) {
  const { data } = useQuery({ ...projectDirectoryQueryOptions(caller ?? OFF), enabled: !!caller })
  return useMemo(() => (id: string) => data?.byId.get(id)?.name, [data])
}
