import { CircleUser, LogOut } from 'lucide-react'
import { useSignOut } from '@/api/identity/mutations'
import { isAdmin, type Session } from '@/api/session/session-store'
import { Button } from '@/components/ui/button'
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu'
import { markDeliberateSignOut } from './sign-out-intent'

export function UserMenu({ session }: { session: Session }) {
  const signOut = useSignOut()
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Account: ${session.user.name}`}>
          <CircleUser aria-hidden="true" />
          <span className="hidden max-w-32 truncate sm:inline">{session.user.name}</span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuLabel className="grid gap-0.5 text-foreground">
          <span className="text-sm font-semibold">{session.user.name}</span>
          <span className="text-xs font-normal text-muted-foreground">
            Domain {session.user.domainName} · {isAdmin(session) ? 'Administrator' : 'Member'}
          </span>
          <span className="text-xs font-normal text-muted-foreground">
            Roles: {session.roles.join(', ') || 'none'}
          </span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem
          disabled={signOut.isPending}
          onSelect={() => {
            markDeliberateSignOut()
            signOut.mutate(session)
          }}
        >
          <LogOut aria-hidden="true" />
          Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  )
}
