import { useEffect, useState, type ReactNode } from 'react'
import { Link, Outlet, useRouter } from '@tanstack/react-router'
import { Database, Menu, MonitorPlay } from 'lucide-react'
import { isAdmin } from '@/api/session/session-store'
import { useSession } from '@/hooks/use-session'
import { Button } from '@/components/ui/button'
import {
  Sheet,
  SheetContent,
  SheetDescription,
  SheetTitle,
  SheetTrigger,
} from '@/components/ui/sheet'
import { TaskTray } from '@/components/task-tray/task-tray'
import { TaskWatcher } from '@/components/task-tray/task-watcher'
import { ProjectSwitcher } from './project-switcher'
import { RegionSwitcher } from './region-switcher'
import { SidebarNav } from './sidebar-nav'
import { UserMenu } from './user-menu'
import { wasDeliberateSignOut } from './sign-out-intent'
import { InShellProvider } from '@/components/page-landmark'
import { ConnectionBanner } from './connection-banner'

function Brand() {
  return (
    <span className="flex items-center gap-2 text-base font-semibold">
      <Database className="size-5 text-link" aria-hidden="true" />
      DBaaS Console
    </span>
  )
}

/**
 * The signed-in layout: skip link, sidebar nav, header (project, region, tasks, user), main.
 * `dialogs` are app-wide overlays the route adds (the re-login dialog), kept mounted over pages.
 */
export function AppShell({ dialogs }: { dialogs?: ReactNode }) {
  const session = useSession()
  const router = useRouter()
  const [menuOpen, setMenuOpen] = useState(false)

  // Signed out (here or in another tab): to /login, once per change of session.
  useEffect(() => {
    if (session) return
    const search = wasDeliberateSignOut() ? {} : { redirect: router.state.location.href }
    void router.navigate({ to: '/login', search, replace: true })
  }, [session, router])

  if (!session) return null
  const admin = isAdmin(session)

  return (
    <div className="flex min-h-dvh">
      <a
        href="#main"
        className="sr-only z-[60] rounded-md bg-primary px-4 py-2 text-primary-foreground focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>

      <aside className="sticky top-0 hidden h-dvh w-60 shrink-0 flex-col border-r bg-sidebar md:flex">
        <div className="flex h-14 items-center border-b px-5">
          <Brand />
        </div>
        <div className="flex-1 overflow-y-auto">
          <SidebarNav admin={admin} />
        </div>
      </aside>

      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-40 flex h-14 items-center gap-1 border-b bg-background/95 px-2 backdrop-blur sm:gap-2 sm:px-4">
          <Sheet open={menuOpen} onOpenChange={setMenuOpen}>
            <SheetTrigger asChild>
              <Button variant="ghost" size="icon" className="md:hidden" aria-label="Open menu">
                <Menu aria-hidden="true" />
              </Button>
            </SheetTrigger>
            <SheetContent>
              <div className="flex h-14 items-center border-b px-5">
                <SheetTitle asChild>
                  <h2>
                    <Brand />
                  </h2>
                </SheetTitle>
                <SheetDescription className="sr-only">Console sections</SheetDescription>
              </div>
              <div className="flex-1 overflow-y-auto">
                <SidebarNav
                  admin={admin}
                  label="Main (menu)"
                  onNavigate={() => setMenuOpen(false)}
                />
              </div>
            </SheetContent>
          </Sheet>

          <ProjectSwitcher session={session} />
          <RegionSwitcher session={session} />
          <div className="flex-1" />
          {/* The status wall for this project, full screen in its own tab. */}
          <Link
            to="/wall"
            search={{ project: session.project.name }}
            target="_blank"
            className="inline-flex h-9 items-center gap-2 rounded-md px-3 text-sm font-medium hover:bg-accent"
          >
            <MonitorPlay className="size-4" aria-hidden="true" />
            <span className="hidden lg:inline">Status wall</span>
            <span className="sr-only lg:hidden">Status wall</span>
          </Link>
          {admin ? (
            // Admins: the wall of every project (the /mgmt view), also in its own tab. Not at
            // phone width: the header has no room (a wall is for big screens anyway).
            <Link
              to="/wall"
              target="_blank"
              className="hidden h-9 items-center gap-2 rounded-md px-3 text-sm font-medium hover:bg-accent sm:inline-flex"
            >
              <MonitorPlay className="size-4" aria-hidden="true" />
              <span className="hidden lg:inline">All-projects wall</span>
              <span className="sr-only lg:hidden">All-projects wall</span>
            </Link>
          ) : null}
          <TaskTray />
          <UserMenu session={session} />
        </header>
        <ConnectionBanner />

        <main
          id="main"
          tabIndex={-1}
          className="flex-1 px-4 py-6 focus:outline-none sm:px-6 lg:px-8"
        >
          <InShellProvider>
            <Outlet />
          </InShellProvider>
        </main>
      </div>

      {dialogs}
      <TaskWatcher />
    </div>
  )
}
