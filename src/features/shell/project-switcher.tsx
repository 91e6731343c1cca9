import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { ChevronsUpDown, FolderKanban } from 'lucide-react'
import { toast } from '@/lib/toast'
import { projectsQueryOptions } from '@/api/identity/queries'
import { sessionStore, type Session } from '@/api/session/session-store'
import { Button } from '@/components/ui/button'
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu'
import { Spinner } from '@/components/ui/spinner'

/**
 * Switches project by changing the URL's `projectId`: the `_app` route re-scopes the token and
 * clears the cache (nothing of the old project shows), exactly as when a shared link names it.
 */
export function ProjectSwitcher({ session }: { session: Session }) {
  const navigate = useNavigate()
  const projects = useQuery({ ...projectsQueryOptions(session.user.id), enabled: !session.expired })
  const [pending, setPending] = useState(false)

  const list = projects.data ?? [{ id: session.project.id, name: session.project.name }]

  const onSelect = (projectId: string) => {
    if (projectId === session.project.id || pending) return
    setPending(true)
    void navigate({ to: '/instances', search: { region: session.region, projectId } }).finally(
      () => {
        setPending(false)
        const next = sessionStore.get()
        if (next?.project.id === projectId)
          toast.success(`Switched to project ${next.project.name}`)
      },
    )
  }

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="outline"
          size="sm"
          className="min-w-0 max-w-32 sm:max-w-56"
          aria-label={`Project: ${session.project.name}. Switch project`}
          disabled={pending}
        >
          {pending ? <Spinner /> : <FolderKanban aria-hidden="true" className="hidden sm:block" />}
          <span className="truncate">{session.project.name}</span>
          <ChevronsUpDown aria-hidden="true" className="hidden opacity-70 sm:block" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start">
        <DropdownMenuLabel>Project</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={session.project.id} onValueChange={onSelect}>
          {list.map((p) => (
            <DropdownMenuRadioItem key={p.id} value={p.id}>
              {p.name}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
        {projects.isPending ? (
          <div className="px-2 py-1.5">
            <Spinner label="Loading projects…" />
          </div>
        ) : null}
        {projects.isError ? (
          <p className="px-2 py-1.5 text-sm text-danger">Could not list your projects.</p>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  )
}
