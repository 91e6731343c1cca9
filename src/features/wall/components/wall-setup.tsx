import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { z } from 'zod'
import { Link } from '@tanstack/react-router'
import { KeyRound, MonitorPlay } from 'lucide-react'
import { describeError } from '@/api/errors'
import { createApplicationCredential } from '@/api/identity/app-credentials'
import { useSession } from '@/hooks/use-session'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardHeader } from '@/components/ui/card'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { wallCredentialStore, type WallCredential } from '../data/wall-credential'
import { useWallCredential } from '../data/use-wall-auth'

const setupSchema = z.object({
  id: z.string().trim().min(1, 'Enter the application credential ID.'),
  secret: z.string().min(1, 'Enter the secret Keystone showed when the credential was made.'),
})
type SetupValues = z.infer<typeof setupSchema>

function wallCredentialName(now: Date): string {
  return `status-wall-${now.toISOString().slice(0, 19).replace(/[:T]/g, '-')}`
}

/**
 * How a wall signs in. An application credential (ID + secret) lets it renew its own token for
 * weeks; the console's sign-in works too, until it expires. The credential stays in this
 * browser's localStorage, for this wall only.
 */
export function WallSetup({ onDone, now }: { onDone: () => void; now: number }) {
  const session = useSession()
  const stored = useWallCredential()
  const [createError, setCreateError] = useState<string>()
  const [creating, setCreating] = useState(false)
  const form = useForm<SetupValues>({
    resolver: zodResolver(setupSchema),
    defaultValues: { id: stored?.id ?? '', secret: '' },
  })
  const { errors } = form.formState
  const signedIn = session && !session.expired && Date.parse(session.expiresAt) > now

  const save = (cred: WallCredential) => {
    wallCredentialStore.set(cred)
    onDone()
  }
  const onSubmit = form.handleSubmit((v) => save({ id: v.id, secret: v.secret }))

  const createForWall = async () => {
    if (!session) return
    setCreating(true)
    setCreateError(undefined)
    try {
      const cred = await createApplicationCredential(session, {
        name: wallCredentialName(new Date()),
        description: 'Status wall (created from the console)',
      })
      save({ id: cred.id, secret: cred.secret, label: cred.name })
    } catch (e) {
      setCreateError(describeError(e))
    } finally {
      setCreating(false)
    }
  }

  return (
    <main className="mx-auto grid min-h-dvh max-w-2xl content-center gap-6 p-6">
      <div className="flex items-center gap-3">
        <MonitorPlay className="size-8 text-link" aria-hidden="true" />
        <h1 className="text-2xl font-semibold">Set up this status wall</h1>
      </div>
      <p className="text-muted-foreground">
        The wall is a read-only, full-screen view for an ops room. To run for weeks without anyone
        signing in again, it signs in with a Keystone <strong>application credential</strong> and
        renews its token by itself.
      </p>
      <Alert variant="warning" role="note" title="Where the credential is kept">
        The credential ID and secret are stored in this browser&apos;s local storage, for this wall
        only. Anyone who can use this browser can read them: use a credential made for the wall
        (with only the roles it needs), and delete it in Keystone when the wall is retired.
      </Alert>

      <Card>
        <CardHeader>
          <h2 className="flex items-center gap-2 text-lg font-semibold">
            <KeyRound className="size-5" aria-hidden="true" /> Use an application credential
          </h2>
        </CardHeader>
        <CardContent>
          <form onSubmit={onSubmit} noValidate className="grid gap-4">
            <Field label="Credential ID" error={errors.id?.message} required>
              <Input autoComplete="off" spellCheck={false} {...form.register('id')} />
            </Field>
            <Field
              label="Secret"
              error={errors.secret?.message}
              required
              description="Shown once by Keystone when the credential was created."
            >
              <Input type="password" autoComplete="off" {...form.register('secret')} />
            </Field>
            <div className="flex flex-wrap gap-3">
              <Button type="submit">Start the wall</Button>
              {stored ? (
                <Button
                  variant="outline"
                  onClick={() => {
                    wallCredentialStore.set(null)
                    form.reset({ id: '', secret: '' })
                  }}
                >
                  Forget this wall&apos;s credential
                </Button>
              ) : null}
            </div>
          </form>
        </CardContent>
      </Card>

      {signedIn ? (
        <Card>
          <CardHeader>
            <h2 className="text-lg font-semibold">Or use your console sign-in</h2>
          </CardHeader>
          <CardContent className="grid gap-3">
            <p className="text-sm text-muted-foreground">
              Signed in as <strong>{session.user.name}</strong> on project{' '}
              <strong>{session.project.name}</strong>. Create a credential for this wall with your
              roles on this project (Keystone shows its secret once; the wall keeps it), or run on
              your sign-in until it expires.
            </p>
            {createError ? <Alert variant="error">{createError}</Alert> : null}
            <div className="flex flex-wrap gap-3">
              <Button onClick={() => void createForWall()} disabled={creating}>
                {creating ? 'Creating…' : 'Create a credential for this wall'}
              </Button>
              <Button
                variant="outline"
                onClick={() => {
                  wallCredentialStore.set(null)
                  onDone()
                }}
              >
                Use my sign-in until it expires
              </Button>
            </div>
          </CardContent>
        </Card>
      ) : (
        <p className="text-sm text-muted-foreground">
          No application credential yet?{' '}
          <Link
            to="/login"
            search={{ redirect: '/wall?setup=true' }}
            className="text-link underline"
          >
            Sign in to the console
          </Link>{' '}
          and come back here to create one for this wall.
        </p>
      )}
    </main>
  )
}
