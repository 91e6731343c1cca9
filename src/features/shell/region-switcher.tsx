import { useRouter } from '@tanstack/react-router'
import { ChevronsUpDown, Globe } from 'lucide-react'
import { regionsFor, type Session } from '@/api/session/session-store'
import { Button } from '@/components/ui/button'
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu'

/** The section a path belongs to ("/instances/abc/logs" -> "/instances"). */
export function sectionOf(pathname: string): string {
  const first = pathname.split('/').filter(Boolean)[0]
  return first ? `/${first}` : '/'
}

/**
 * Picks the region of the database service by changing the URL's `region`. Query keys include
 * the region, so pages refetch;
 * a detail page of the old region would be a 404, so the view goes back to its section's list.
 */
export function RegionSwitcher({ session }: { session: Session }) {
  const router = useRouter()
  const regions = regionsFor(session.catalog, 'database')

  if (regions.length <= 1) {
    return (
      <span className="hidden items-center gap-1.5 text-sm text-muted-foreground sm:inline-flex">
        <Globe className="size-4" aria-hidden="true" />
        <span>
          <span className="sr-only">Region: </span>
          {regions[0] ?? 'No database region'}
        </span>
      </span>
    )
  }

  const onSelect = (region: string) => {
    if (region === session.region) return
    // The URL carries the region: the `_app` route moves the session there.
    const { pathname } = router.state.location
    const search = router.options.stringifySearch({ region, projectId: session.project.id })
    void router.navigate({ href: `${sectionOf(pathname)}${search}` })
  }

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="outline"
          size="sm"
          className="min-w-0 max-w-32 sm:max-w-none"
          aria-label={`Region: ${session.region}. Switch region`}
        >
          <Globe aria-hidden="true" className="hidden sm:block" />
          <span className="truncate">{session.region}</span>
          <ChevronsUpDown aria-hidden="true" className="hidden opacity-70 sm:block" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start">
        <DropdownMenuLabel>Region</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={session.region} onValueChange={onSelect}>
          {regions.map((r) => (
            <DropdownMenuRadioItem key={r} value={r}>
              {r}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  )
}
