import { useEffect } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { toast } from '@/lib/toast'
import {
  MYSQL_CHARSETS,
  MYSQL_DEFAULT_CHARSET,
  MYSQL_DEFAULT_COLLATION,
  POSTGRES_DEFAULT_ENCODING,
  POSTGRES_ENCODINGS,
  POSTGRES_LOCALES,
} from '@/api/rules/charsets'
import type { InstanceScope } from '@/api/databases/keys'
import { useCreateDatabase, type InstanceRef } from '@/api/databases/mutations'
import {
  databaseCreateBody,
  databaseFormSchema,
  type DatabaseFormValues,
} from '@/api/databases/schemas'
import type { DatastoreFamily } from '@/api/rules/datastore-family'
import { databaseNameMax } from '@/api/rules/database-names'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { serverErrorPlacement } from '../lib/server-errors'
import { ActionDialog } from '@/components/action-dialog'
import { databaseTwins } from '@/api/databases/twin-requests'

const EMPTY: DatabaseFormValues = { name: '', characterSet: '', collation: '' }
const FIELDS = ['name', 'characterSet', 'collation'] as const

export function CreateDatabaseDialog({
  scope,
  instance,
  family,
  existing,
  open,
  onOpenChange,
}: {
  scope: InstanceScope
  instance: InstanceRef
  family: DatastoreFamily
  existing: readonly string[]
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const m = useCreateDatabase(scope, instance)
  const form = useForm<DatabaseFormValues>({
    resolver: zodResolver(databaseFormSchema(family, existing)),
    defaultValues: EMPTY,
  })
  useEffect(() => {
    if (open) {
      form.reset(EMPTY)
      m.reset()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset when the dialog opens
  }, [open])
  const charset = useWatch({ control: form.control, name: 'characterSet' })
  const server = serverErrorPlacement(m.error, FIELDS)
  const max = databaseNameMax(family)
  const watched = useWatch({ control: form.control })

  return (
    <ActionDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Create a database on ${instance.name}`}
      description="The database is empty; grant users access to it afterwards (or when creating them)."
      submitLabel="Create database"
      pending={m.isPending}
      error={server.banner}
      twin={databaseTwins.create(scope, { ...EMPTY, ...watched })}
      onSubmit={form.handleSubmit((v) =>
        m.mutate(databaseCreateBody(v), {
          onSuccess: () => {
            toast.success(`Database ${v.name} created on ${instance.name}`)
            onOpenChange(false)
          },
        }),
      )}
    >
      <Field
        label="Name"
        required
        description={
          family === 'mysql'
            ? `Letters, digits, _ and -; spaces, ?, # and @ only inside. At most ${max} characters.`
            : `At most ${max} characters.`
        }
        error={form.formState.errors.name?.message ?? server.onField('name')}
      >
        <Input autoComplete="off" spellCheck={false} {...form.register('name')} />
      </Field>
      {family === 'mysql' ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Character set"
            description={`Default: ${MYSQL_DEFAULT_CHARSET}`}
            error={form.formState.errors.characterSet?.message ?? server.onField('characterSet')}
          >
            <Select
              {...form.register('characterSet', {
                onChange: () => form.setValue('collation', ''),
              })}
            >
              <option value="">Default ({MYSQL_DEFAULT_CHARSET})</option>
              {Object.keys(MYSQL_CHARSETS).map((cs) => (
                <option key={cs} value={cs}>
                  {cs}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label="Collation"
            description={
              charset
                ? `Default for ${charset}: ${MYSQL_CHARSETS[charset]?.[0] ?? ''}`
                : `Default: ${MYSQL_DEFAULT_COLLATION}`
            }
            error={form.formState.errors.collation?.message ?? server.onField('collation')}
          >
            <Select {...form.register('collation')}>
              <option value="">Default</option>
              {(charset
                ? (MYSQL_CHARSETS[charset] ?? [])
                : Object.values(MYSQL_CHARSETS).flat()
              ).map((co) => (
                <option key={co} value={co}>
                  {co}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      ) : family === 'postgresql' ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Encoding"
            description={`Default: ${POSTGRES_DEFAULT_ENCODING}`}
            error={form.formState.errors.characterSet?.message}
          >
            <Select {...form.register('characterSet')}>
              <option value="">Default ({POSTGRES_DEFAULT_ENCODING})</option>
              {POSTGRES_ENCODINGS.map((e) => (
                <option key={e} value={e}>
                  {e}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label="Collation (locale)"
            description="Must suit the encoding; C and POSIX suit any."
            error={form.formState.errors.collation?.message}
          >
            <Select {...form.register('collation')}>
              <option value="">Default</option>
              {POSTGRES_LOCALES.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      ) : null}
    </ActionDialog>
  )
}
