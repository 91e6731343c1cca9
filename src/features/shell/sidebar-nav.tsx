import { Link } from '@tanstack/react-router'
import { cn } from '@/lib/cn'
import { hasDbaas } from '@/api/dbaas/queries'
import { useSession } from '@/hooks/use-session'
import { navItemsFor } from './nav-items'

/** The console's sections; the current one is marked aria-current="page". */
export function SidebarNav({
  admin,
  label = 'Main',
  onNavigate,
}: {
  admin: boolean
  label?: string
  onNavigate?: () => void
}) {
  const dbaas = hasDbaas(useSession())
  return (
    <nav aria-label={label} className="grid gap-0.5 p-2">
      <ul className="grid gap-0.5">
        {navItemsFor(admin, dbaas).map(({ to, label: text, icon: Icon }) => (
          <li key={to}>
            <Link
              to={to}
              onClick={onNavigate}
              className={cn(
                'flex items-center gap-2.5 rounded-md px-3 py-2 text-sm font-medium text-muted-foreground',
                'hover:bg-accent hover:text-accent-foreground',
                'data-[status=active]:bg-accent data-[status=active]:text-accent-foreground',
                'focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring',
              )}
              activeProps={{ 'aria-current': 'page' }}
            >
              <Icon className="size-4 shrink-0" aria-hidden="true" />
              {text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
