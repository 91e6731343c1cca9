import { useRef, useState, type FormEvent } from 'react'
import * as z from 'zod/mini'
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
  username: z.string().check(z.trim(), z.minLength(1, 'Enter your user name.')),
  password: z.string().check(z.minLength(1, 'Enter your password.')),
  project: z.string().check(z.trim()),
  domain: z.string().check(z.trim(), z.minLength(1, 'Enter the domain (usually "Default").')),
})
type LoginValues = z.infer<typeof loginSchema>
type FieldName = keyof LoginValues
type FieldErrors = Partial<Record<FieldName, string>>
const FIELDS: readonly FieldName[] = ['username', 'password', 'project', 'domain']
const defaultValues: LoginValues = { username: '', password: '', project: '', domain: 'Default' }

/** The schema's first message per field (all fields, or only `only`). */
function validate(values: LoginValues, only?: readonly FieldName[]) {
  const parsed = loginSchema.safeParse(values)
  const errors: FieldErrors = {}
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as FieldName
      if ((!only || only.includes(field)) && errors[field] === undefined)
        errors[field] = issue.message
    }
  }
  return { data: parsed.success ? parsed.data : undefined, errors }
}

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
  // A plain controlled form (no form library on the first route): validated with the schema on
  // submit, then again on every change once submitted, as a react-hook-form form would be.
  const [values, setValues] = useState<LoginValues>(defaultValues)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [serverError, setServerError] = useState<string>()
  const [isSubmitting, setSubmitting] = useState(false)
  const [submitted, setSubmitted] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  const focus = (name: FieldName) => {
    const input = formRef.current?.elements.namedItem(name)
    if (input instanceof HTMLInputElement) input.focus()
  }

  const update = (changes: Partial<LoginValues>, revalidate: boolean) => {
    const next = { ...values, ...changes }
    setValues(next)
    if (revalidate) {
      const changed = Object.keys(changes) as FieldName[]
      const found = validate(next, changed).errors
      setErrors((current) => {
        const kept = { ...current }
        for (const field of changed) kept[field] = found[field]
        return kept
      })
    }
  }
  const field = (name: FieldName) => ({
    name,
    value: values[name],
    onChange: (event: { target: { value: string } }) =>
      update({ [name]: event.target.value }, submitted),
  })

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (isSubmitting) return
    setSubmitted(true)
    setServerError(undefined)
    const { data, errors: found } = validate(values)
    setErrors(found)
    if (!data) {
      const first = FIELDS.find((name) => found[name] !== undefined)
      if (first) focus(first)
      return
    }
    setSubmitting(true)
    try {
      await login.mutateAsync(data)
      await router.navigate({ href: safeRedirect(search.redirect) ?? '/instances', replace: true })
    } catch (error) {
      const message = loginErrorMessage(error, data.project)
      if (error instanceof ApiError && error.status === 401) {
        setErrors((current) => ({ ...current, password: message }))
        focus('password')
      } else {
        setServerError(message)
      }
    } finally {
      setSubmitting(false)
    }
  }

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
            <form
              ref={formRef}
              onSubmit={(event) => void onSubmit(event)}
              noValidate
              className="grid gap-4"
            >
              {serverError ? <Alert variant="error">{serverError}</Alert> : null}
              <Field label="User name" error={errors.username} required>
                <Input autoComplete="username" autoFocus {...field('username')} />
              </Field>
              <Field label="Password" error={errors.password} required>
                <Input type="password" autoComplete="current-password" {...field('password')} />
              </Field>
              <Field
                label="Project"
                description="Optional. Leave empty to open your first project; you can switch later."
                error={errors.project}
              >
                <Input autoComplete="off" {...field('project')} />
              </Field>
              <Field label="Domain" error={errors.domain} required>
                <Input autoComplete="off" {...field('domain')} />
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
            update({ username, password }, true)
            focus('password')
          }}
        />
      </div>
    </main>
  )
}
