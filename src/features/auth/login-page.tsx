import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { z } from 'zod'
import { getRouteApi, useRouter } from '@tanstack/react-router'
import { Database } from 'lucide-react'
import { ApiError, describeError } from '@/api/errors'
import { NoProjectError, useLogin } from '@/api/identity/mutations'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardHeader } from '@/components/ui/card'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Spinner } from '@/components/ui/spinner'
import { DemoLogins } from './demo-logins'
import { safeRedirect } from './safe-redirect'

const route = getRouteApi('/login')

export const loginSchema = z.object({
  username: z.string().trim().min(1, 'Enter your user name.'),
  password: z.string().min(1, 'Enter your password.'),
  project: z.string().trim(),
  domain: z.string().trim().min(1, 'Enter the domain (usually "Default").'),
})
type LoginValues = z.infer<typeof loginSchema>
const defaultValues: LoginValues = { username: '', password: '', project: '', domain: 'Default' }

/** The message for a refused sign-in: Keystone says 401 for a wrong password and for a project
 * the user has no role on, without telling which. */
export function loginErrorMessage(error: unknown, project: string): string {
  if (error instanceof NoProjectError) return error.message
  if (error instanceof ApiError && error.status === 401) {
    return project
      ? `Wrong user name or password, or you have no role on project "${project}".`
      : 'Wrong user name or password.'
  }
  return describeError(error)
}

export function LoginPage() {
  const search = route.useSearch()
  const router = useRouter()
  const login = useLogin()
  const form = useForm<LoginValues>({ resolver: zodResolver(loginSchema), defaultValues })
  const { errors, isSubmitting } = form.formState

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await login.mutateAsync(values)
      await router.navigate({ href: safeRedirect(search.redirect) ?? '/instances', replace: true })
    } catch (error) {
      const message = loginErrorMessage(error, values.project)
      if (error instanceof ApiError && error.status === 401) {
        form.setError('password', { message }, { shouldFocus: true })
      } else {
        form.setError('root.server', { message })
      }
    }
  })

  const serverError = errors.root?.server?.message

  return (
    <main className="flex min-h-dvh items-center justify-center bg-muted px-4 py-10">
      <div className="grid w-full max-w-md gap-4">
        <Card>
          <CardHeader className="gap-2 pb-4">
            <p className="flex items-center gap-2 text-sm font-semibold text-muted-foreground">
              <Database className="size-5 text-link" aria-hidden="true" />
              DBaaS Console
            </p>
            <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
            <p className="text-sm text-muted-foreground">Use your OpenStack (Keystone) account.</p>
          </CardHeader>
          <CardContent>
            <form onSubmit={onSubmit} noValidate className="grid gap-4">
              {serverError ? <Alert variant="error">{serverError}</Alert> : null}
              <Field label="User name" error={errors.username?.message} required>
                <Input autoComplete="username" autoFocus {...form.register('username')} />
              </Field>
              <Field label="Password" error={errors.password?.message} required>
                <Input
                  type="password"
                  autoComplete="current-password"
                  {...form.register('password')}
                />
              </Field>
              <Field
                label="Project"
                description="Optional. Leave empty to open your first project; you can switch later."
                error={errors.project?.message}
              >
                <Input autoComplete="off" {...form.register('project')} />
              </Field>
              <Field label="Domain" error={errors.domain?.message} required>
                <Input autoComplete="off" {...form.register('domain')} />
              </Field>
              <Button type="submit" disabled={isSubmitting} className="mt-1 w-full">
                {isSubmitting ? <Spinner /> : null}
                {isSubmitting ? 'Signing in…' : 'Sign in'}
              </Button>
            </form>
          </CardContent>
        </Card>
        <DemoLogins
          onPick={({ username, password }) => {
            form.setValue('username', username, { shouldValidate: true })
            form.setValue('password', password, { shouldValidate: true })
            form.setFocus('password')
          }}
        />
      </div>
    </main>
  )
}
