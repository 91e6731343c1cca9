import { useEffect } from 'react'
import { Controller, useForm, useWatch } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { toast } from '@/lib/toast'
import type { InstanceScope } from '@/api/databases/keys'
import type { InstanceRef } from '@/api/databases/mutations'
import type { DatastoreFamily } from '@/api/rules/datastore-family'
import { userNameMax } from '@/api/rules/user-names'
import { useCreateUser } from '@/api/users/mutations'
import { userTwins } from '@/api/users/twin-requests'
import { userCreateBody, userFormSchema, type UserFormValues } from '@/api/users/schemas'
import { CheckboxField } from '@/components/ui/checkbox'
import { ActionDialog } from '@/components/action-dialog'
import { serverErrorPlacement } from '../lib/server-errors'
import { HostField, PasswordField, UserNameField } from './user-fields'
import { usePasswordPolicy } from '@/api/console-config/queries'
import { describePasswordPolicy } from '@/api/rules/password-strength'

const EMPTY: UserFormValues = { name: '', password: '', host: '%', databases: [] }
const FIELDS = ['name', 'password', 'host', 'databases'] as const

export function CreateUserDialog({
  scope,
  instance,
  family,
  existingIds,
  databases,
  open,
  onOpenChange,
}: {
  scope: InstanceScope
  instance: InstanceRef
  family: DatastoreFamily
  /** `name@host` of the users there are. */
  existingIds: readonly string[]
  databases: readonly string[]
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const m = useCreateUser(scope, instance)
  const policy = usePasswordPolicy()
  const form = useForm<UserFormValues>({
    resolver: zodResolver(userFormSchema(family, existingIds, policy)),
    defaultValues: EMPTY,
  })
  useEffect(() => {
    if (open) {
      form.reset(EMPTY)
      m.reset()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset when the dialog opens
  }, [open])
  const server = serverErrorPlacement(m.error, FIELDS)
  const errors = form.formState.errors
  const max = userNameMax(family)
  const watched = useWatch({ control: form.control })
  const twin = userTwins.create(scope, { ...EMPTY, ...watched, databases: watched.databases ?? [] })

  return (
    <ActionDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Create a user on ${instance.name}`}
      description="The user gets all privileges on the databases you choose."
      submitLabel="Create user"
      pending={m.isPending}
      error={server.banner}
      wide
      twin={twin}
      onSubmit={form.handleSubmit((v) =>
        m.mutate(userCreateBody(v), {
          onSuccess: () => {
            toast.success(`User ${v.name} created on ${instance.name}`)
            onOpenChange(false)
          },
        }),
      )}
    >
      <UserNameField
        registration={form.register('name')}
        description={
          family === 'mysql'
            ? `At most ${max ?? 16} characters; no quotes, ; \` , / or \\.`
            : max
              ? `At most ${max} characters.`
              : undefined
        }
        error={errors.name?.message ?? server.onField('name')}
      />
      <PasswordField
        label="Password"
        required
        description={`${describePasswordPolicy(policy)} The cloud never shows it again.`}
        registration={form.register('password')}
        error={errors.password?.message ?? server.onField('password')}
        onGenerate={(pw) =>
          form.setValue('password', pw, { shouldValidate: true, shouldDirty: true })
        }
      />
      <HostField
        registration={form.register('host')}
        description="Where the user may connect from: % for anywhere, or an IPv4 address (192.168.1.% for a range)."
        error={errors.host?.message ?? server.onField('host')}
      />
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Access to databases</legend>
        {databases.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            There are no databases yet; access can be granted later.
          </p>
        ) : (
          <Controller
            control={form.control}
            name="databases"
            render={({ field }) => (
              <div className="grid max-h-48 gap-2 overflow-y-auto rounded-md border p-3 sm:grid-cols-2">
                {databases.map((db) => (
                  <CheckboxField
                    key={db}
                    label={<span className="font-mono">{db}</span>}
                    checked={field.value.includes(db)}
                    onChange={(e) =>
                      field.onChange(
                        e.target.checked
                          ? [...field.value, db]
                          : field.value.filter((x) => x !== db),
                      )
                    }
                  />
                ))}
              </div>
            )}
          />
        )}
        {server.onField('databases') ? (
          <p className="text-sm text-destructive" role="alert">
            {server.onField('databases')}
          </p>
        ) : null}
      </fieldset>
    </ActionDialog>
  )
}
