import type { Directory } from '@/api/identity/project-names'
import { CopyButton } from '@/components/copy-button'
import { useProjectDirectory, useUserDirectory } from '@/hooks/use-identity-names'

type Kind = 'project' | 'user'

/**
 * A name in place of an id: the name, with the id on hover (`title`) and, with `copy`, a button
 * that copies the id. While the directory loads, or for an id it does not hold, the id itself
 * (monospace) — or the name the caller already knows (`knownName`, e.g. the journal's).
 */
function IdentityName({
  kind,
  id,
  directory,
  knownName,
  copy,
}: {
  kind: Kind
  id: string | null | undefined
  directory: Directory | undefined
  knownName?: string | null | undefined
  copy?: boolean | undefined
}) {
  if (!id) return <span className="text-muted-foreground">{knownName ?? '—'}</span>
  const name = directory?.byId.get(id)?.name ?? knownName ?? undefined
  const label = kind === 'project' ? 'Project id' : 'User id'
  return (
    <span className="inline-flex max-w-full min-w-0 items-center gap-1">
      {name ? (
        <span
          className="truncate"
          title={`${label}: ${id}`}
          data-identity-kind={kind}
          data-identity-id={id}
        >
          {name}
        </span>
      ) : (
        <span
          className="font-mono text-xs break-all"
          data-identity-kind={kind}
          data-identity-id={id}
        >
          {id}
        </span>
      )}
      {copy ? (
        <CopyButton text={id} label={`Copy ${label.toLowerCase()} of ${name ?? id}`} />
      ) : null}
    </span>
  )
}

/** A project's name for its id (Keystone's project list for admins, own projects otherwise). */
export function ProjectName(props: {
  id: string | null | undefined
  knownName?: string | null | undefined
  copy?: boolean
}) {
  const { data } = useProjectDirectory()
  return <IdentityName kind="project" directory={data} {...props} />
}

/** A user's name for their id (Keystone's user list for admins; members know only themselves). */
export function UserName(props: {
  id: string | null | undefined
  knownName?: string | null | undefined
  copy?: boolean
}) {
  const { data } = useUserDirectory()
  return <IdentityName kind="user" directory={data} {...props} />
}
