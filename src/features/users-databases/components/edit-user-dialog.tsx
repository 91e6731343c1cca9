import { useEffect } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { toast } from '@/lib/toast'
import type { InstanceScope } from '@/api/databases/keys'
import type { InstanceRef } from '@/api/databases/mutations'
import type { DatastoreFamily } from '@/api/rules/datastore-family'
import { useUpdateUser } from '@/api/users/mutations'
import { userTwins } from '@/api/users/twin-requests'
import { userEditBody, userEditSchema, type DbUser, type UserEditValues } from '@/api/users/schemas'
import { ActionDialog } from '@/components/action-dialog'
import { serverErrorPlacement } from '../lib/server-errors'
import { HostField, PasswordField, UserNameField } from './user-fields'
import { usePasswordPolicy } from '@/api/console-config/queries'
import { describePasswordPolicy } from '@/api/rules/password-strength'

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
  const policy = usePasswordPolicy()
  const current = { name: user?.name ?? '', host: user?.host ?? '%' }
  const form = useForm<UserEditValues>({
    resolver: zodResolver(userEditSchema(family, current, existingIds, policy)),
    defaultValues: { ...current, password: '' },
  })
  useEffect(() => {
    if (user) {
      form.reset({ name: user.name, host: user.host ?? '%', password: '' })
      m.reset()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset for each user edited
  }, [user])
  const server = serverErrorPlacement(m.error, FIELDS)
  const errors = form.formState.errors
  const watched = useWatch({ control: form.control })
  const twin = user
    ? userTwins.update(scope, user, userEditBody({ ...current, password: '', ...watched }, current))
    : undefined

  return (
    <ActionDialog
      open={user !== null}
      onOpenChange={(o) => (o ? undefined : onClose())}
      title={`Edit user ${user?.name ?? ''}`}
      description="Change what you need; fields left as they are stay. Access to databases is kept."
      submitLabel="Save changes"
      pending={m.isPending}
      error={server.banner}
      twin={twin}
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
      <UserNameField
        registration={form.register('name')}
        error={errors.name?.message ?? server.onField('name')}
      />
      <HostField
        registration={form.register('host')}
        error={errors.host?.message ?? server.onField('host')}
      />
      <PasswordField
        label="New password"
        description={`Leave empty to keep the current password. ${describePasswordPolicy(policy)}`}
        registration={form.register('password')}
        error={errors.password?.message ?? server.onField('password')}
        onGenerate={(pw) =>
          form.setValue('password', pw, { shouldValidate: true, shouldDirty: true })
        }
      />
    </ActionDialog>
  )
}
