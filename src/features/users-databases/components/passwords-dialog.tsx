import { useEffect } from 'react'
import { useFieldArray, useForm, useWatch } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { toast } from '@/lib/toast'
import type { InstanceScope } from '@/api/databases/keys'
import type { InstanceRef } from '@/api/databases/mutations'
import type { DatastoreFamily } from '@/api/rules/datastore-family'
import { useChangePasswords } from '@/api/users/mutations'
import { passwordsFormSchema, userId, type DbUser } from '@/api/users/schemas'
import { Checkbox } from '@/components/ui/checkbox'
import { ActionDialog } from '@/components/action-dialog'
import { userTwins } from '@/api/users/twin-requests'
import { PasswordInput } from '@/components/password-input'
import { usePasswordPolicy } from '@/api/console-config/queries'

interface Entry {
  name: string
  host: string
  selected: boolean
  password: string
}

/** New passwords for several users at once (`PUT /users`): all change, or none. */
export function PasswordsDialog({
  scope,
  instance,
  family,
  users,
  open,
  onOpenChange,
}: {
  scope: InstanceScope
  instance: InstanceRef
  family: DatastoreFamily
  users: readonly DbUser[]
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const m = useChangePasswords(scope, instance)
  const policy = usePasswordPolicy()
  const form = useForm<{ entries: Entry[] }>({
    resolver: zodResolver(passwordsFormSchema(family, policy)),
    defaultValues: { entries: [] },
  })
  const { fields } = useFieldArray({ control: form.control, name: 'entries' })
  useEffect(() => {
    if (open) {
      form.reset({
        entries: users.map((u) => ({
          name: u.name,
          host: u.host ?? '%',
          selected: false,
          password: '',
        })),
      })
      m.reset()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset when the dialog opens
  }, [open])
  const errors = form.formState.errors.entries
  const entries = useWatch({ control: form.control, name: 'entries' })

  return (
    <ActionDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Change passwords on ${instance.name}`}
      description="Choose the users and give each a new password. Connections using the old passwords fail afterwards."
      submitLabel="Change passwords"
      pending={m.isPending}
      error={m.error}
      twin={userTwins.passwords(scope, {
        users: (entries ?? [])
          .filter((e) => e.selected)
          .map((e) => ({ name: e.name, host: e.host, password: e.password })),
      })}
      wide
      onSubmit={form.handleSubmit((v) => {
        const chosen = v.entries.filter((e) => e.selected)
        m.mutate(
          { users: chosen.map((e) => ({ name: e.name, host: e.host, password: e.password })) },
          {
            onSuccess: () => {
              toast.success(
                `New password${chosen.length > 1 ? 's' : ''} for ${chosen.map((e) => e.name).join(', ')}`,
              )
              onOpenChange(false)
            },
          },
        )
      })}
    >
      {errors?.root?.message || errors?.message ? (
        <p className="text-sm text-destructive" role="alert">
          {errors.root?.message ?? errors.message}
        </p>
      ) : null}
      <ul className="grid max-h-80 gap-3 overflow-y-auto" aria-label="Users">
        {fields.map((f, i) => {
          const id = userId(f.name, f.host)
          const err = errors?.[i]?.password?.message
          const selected = entries[i]?.selected ?? false
          return (
            <li key={f.id} className="grid gap-1.5 rounded-md border p-3">
              <label className="flex items-center gap-2 text-sm font-medium">
                <Checkbox {...form.register(`entries.${i}.selected`)} />
                <span className="font-mono">{f.name}</span>
                <span className="text-muted-foreground">from {f.host}</span>
              </label>
              {selected ? (
                <div className="grid gap-1">
                  <PasswordInput
                    aria-label={`New password for ${id}`}
                    aria-invalid={err ? true : undefined}
                    {...form.register(`entries.${i}.password`)}
                    onGenerate={(pw) =>
                      form.setValue(`entries.${i}.password`, pw, { shouldValidate: true })
                    }
                  />
                  {err ? (
                    <p className="text-sm text-destructive" role="alert">
                      {err}
                    </p>
                  ) : null}
                </div>
              ) : null}
            </li>
          )
        })}
      </ul>
    </ActionDialog>
  )
}
