import { useEffect } from 'react'
import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { toast } from 'sonner'
import type { InstanceScope } from '@/api/databases/keys'
import type { InstanceRef } from '@/api/databases/mutations'
import type { DatastoreFamily } from '@/api/rules/datastore-family'
import { useUpdateUser } from '@/api/users/mutations'
import { userEditBody, userEditSchema, type DbUser, type UserEditValues } from '@/api/users/schemas'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { fieldOfServerError } from '../lib/server-errors'
import { ActionDialog } from '@/components/action-dialog'
import { PasswordInput } from './password-input'

const FIELDS = ['name', 'password', 'host'] as const

/** Rename a user, move it to another host, and/or give it a new password. */
export function EditUserDialog({
  scope,
  instance,
  family,
  user,
  existingIds,
  onClose,
}: {
  scope: InstanceScope
  instance: InstanceRef
  family: DatastoreFamily
  user: DbUser | null
  existingIds: readonly string[]
  onClose: () => void
}) {
  const m = useUpdateUser(scope, instance)
  const current = { name: user?.name ?? '', host: user?.host ?? '%' }
  const form = useForm<UserEditValues>({
    resolver: zodResolver(userEditSchema(family, current, existingIds)),
    defaultValues: { ...current, password: '' },
  })
  useEffect(() => {
    if (user) {
      form.reset({ name: user.name, host: user.host ?? '%', password: '' })
      m.reset()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset for each user edited
  }, [user])
  const serverField = fieldOfServerError(m.error, FIELDS)
  const serverMessage = (f: (typeof FIELDS)[number]) =>
    serverField === f ? (m.error as Error).message : undefined
  const errors = form.formState.errors

  return (
    <ActionDialog
      open={user !== null}
      onOpenChange={(o) => (o ? undefined : onClose())}
      title={`Edit user ${user?.name ?? ''}`}
      description="Change what you need; fields left as they are stay. Access to databases is kept."
      submitLabel="Save changes"
      pending={m.isPending}
      error={serverField ? null : m.error}
      onSubmit={form.handleSubmit((v) => {
        if (!user) return
        m.mutate(
          { user, body: userEditBody(v, current) },
          {
            onSuccess: () => {
              toast.success(`User ${v.name} updated on ${instance.name}`)
              onClose()
            },
          },
        )
      })}
    >
      <Field label="User name" required error={errors.name?.message ?? serverMessage('name')}>
        <Input autoComplete="off" spellCheck={false} {...form.register('name')} />
      </Field>
      <Field
        label="Host"
        description="% for anywhere, or an IPv4 address (192.168.1.% for a range)."
        error={errors.host?.message ?? serverMessage('host')}
      >
        <Input
          autoComplete="off"
          spellCheck={false}
          className="font-mono"
          {...form.register('host')}
        />
      </Field>
      <Field
        label="New password"
        description="Leave empty to keep the current password."
        error={errors.password?.message ?? serverMessage('password')}
      >
        {(controlProps) => (
          <PasswordInput
            {...controlProps}
            {...form.register('password')}
            onGenerate={(pw) =>
              form.setValue('password', pw, { shouldValidate: true, shouldDirty: true })
            }
          />
        )}
      </Field>
    </ActionDialog>
  )
}
