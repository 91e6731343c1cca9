import { useEffect } from 'react'
import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { z } from 'zod'
import { useQueryClient } from '@tanstack/react-query'
import { useNavigate, useRouter } from '@tanstack/react-router'
import { KeyRound } from 'lucide-react'
import { ApiError, describeError } from '@/api/errors'
import { useRelogin } from '@/api/identity/mutations'
import { sessionStore } from '@/api/session/session-store'
import { useSession } from '@/hooks/use-session'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Spinner } from '@/components/ui/spinner'

const reloginSchema = z.object({ password: z.string().min(1, 'Enter your password.') })
type ReloginValues = z.infer<typeof reloginSchema>
const FORM_ID = 'relogin-form'

/**
 * Opens when the cloud refused the session's token (only `session-expired`, never
 * `admin-required`). A modal over the current page: the page stays mounted, so unsaved input
 * survives. Signing in again replaces the token (same user, project and region) and reloads
 * whatever failed meanwhile.
 */
export function ReloginDialog() {
  const session = useSession()
  const queryClient = useQueryClient()
  const router = useRouter()
  const navigate = useNavigate()
  const relogin = useRelogin()
  const open = !!session?.expired

  const form = useForm<ReloginValues>({
    resolver: zodResolver(reloginSchema),
    defaultValues: { password: '' },
  })
  const { reset } = form

  useEffect(() => {
    if (!open) reset({ password: '' })
  }, [open, reset])

  if (!session) return null

  const onSubmit = form.handleSubmit(async ({ password }) => {
    try {
      const next = await relogin.mutateAsync({ session, password })
      sessionStore.set(next)
      // Whatever failed while the token was refused: start over, then refresh the rest.
      await queryClient.resetQueries({ predicate: (q) => q.state.status === 'error' })
      void queryClient.invalidateQueries()
      void router.invalidate()
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        form.setError('password', { message: 'Wrong password.' }, { shouldFocus: true })
      } else {
        form.setError('root.server', { message: describeError(error) })
      }
    }
  })

  // The expired session stays until another sign-in replaces it (signing in clears the cache).
  const someoneElse = () => void navigate({ to: '/login' })

  const serverError = form.formState.errors.root?.server?.message

  return (
    <Dialog open={open}>
      <DialogContent
        hideClose
        onEscapeKeyDown={(e) => e.preventDefault()}
        onPointerDownOutside={(e) => e.preventDefault()}
        onInteractOutside={(e) => e.preventDefault()}
      >
        <DialogHeader>
          <DialogTitle className="flex items-center gap-2">
            <KeyRound className="size-5" aria-hidden="true" />
            Your session has expired
          </DialogTitle>
          <DialogDescription>
            Sign in again to continue where you were. This page stays as it is: nothing you typed is
            lost.
          </DialogDescription>
        </DialogHeader>

        <form id={FORM_ID} onSubmit={onSubmit} noValidate className="grid gap-4">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-muted-foreground">User</dt>
            <dd className="font-medium">
              {session.user.name}{' '}
              <span className="font-normal text-muted-foreground">
                (domain {session.user.domainName})
              </span>
            </dd>
            <dt className="text-muted-foreground">Project</dt>
            <dd className="font-medium">{session.project.name}</dd>
          </dl>
          {/* For password managers: the account this password belongs to. */}
          <input
            type="text"
            name="username"
            autoComplete="username"
            value={session.user.name}
            readOnly
            hidden
          />
          <Field label="Password" error={form.formState.errors.password?.message} required>
            <Input
              type="password"
              autoComplete="current-password"
              autoFocus
              {...form.register('password')}
            />
          </Field>
          {serverError ? <Alert variant="error">{serverError}</Alert> : null}
        </form>

        <DialogFooter>
          <Button variant="link" onClick={someoneElse} className="sm:mr-auto">
            Sign in as someone else
          </Button>
          <Button type="submit" form={FORM_ID} disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? <Spinner /> : null}
            Sign in
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  )
}
