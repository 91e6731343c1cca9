import { createFileRoute, redirect } from '@tanstack/react-router'
import { sessionStore } from '@/api/session/session-store'
import { AppShell } from '@/features/shell/app-shell'
import { ReloginDialog } from '@/features/auth/relogin-dialog'

/** The signed-in shell. No session: to /login. An expired one stays: the re-login dialog opens. */
export const Route = createFileRoute('/_app')({
  beforeLoad: ({ location }) => {
    if (!sessionStore.get()) {
      throw redirect({ to: '/login', search: { redirect: location.href }, replace: true })
    }
  },
  component: AppLayout,
})

function AppLayout() {
  return <AppShell dialogs={<ReloginDialog />} />
}
