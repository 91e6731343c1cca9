import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useCreateVersion } from '@/api/mgmt/mutations'
import { ActionDialog } from '@/components/action-dialog'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { useScope } from '@/hooks/use-session'
import {
  toCreateRequest,
  versionCreateDefaults,
  versionCreateFormSchema,
  type VersionCreateForm,
} from '../lib/version-form'
import { VersionImageFields } from './version-fields'

/** Registers a datastore version (POST /mgmt/datastore-versions); a new datastore name creates it. */
export function CreateVersionDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const scope = useScope()
  const mutation = useCreateVersion(scope)
  const form = useForm<VersionCreateForm>({
    resolver: zodResolver(versionCreateFormSchema),
    defaultValues: versionCreateDefaults,
  })
  const errors = form.formState.errors
  const close = () => {
    form.reset(versionCreateDefaults)
    mutation.reset()
    onClose()
  }
  const submit = form.handleSubmit((values) =>
    mutation.mutate(toCreateRequest(values), { onSuccess: close }),
  )
  return (
    <ActionDialog
      open={open}
      onOpenChange={(o) => (o ? undefined : close())}
      title="Register a datastore version"
      description="A datastore name that does not exist yet creates the datastore."
      submitLabel="Register version"
      pending={mutation.isPending}
      error={mutation.error}
      onSubmit={submit}
      wide
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Datastore name" required error={errors.datastoreName?.message}>
          <Input {...form.register('datastoreName')} autoComplete="off" />
        </Field>
        <Field
          label="Datastore manager"
          required
          description="The guest agent's manager, e.g. mysql."
          error={errors.datastoreManager?.message}
        >
          <Input {...form.register('datastoreManager')} autoComplete="off" />
        </Field>
        <Field label="Version name" required error={errors.name?.message}>
          <Input {...form.register('name')} autoComplete="off" />
        </Field>
        <Field
          label="Version number"
          description="Optional, e.g. 5.7.30; defaults to the name."
          error={errors.version?.message}
        >
          <Input {...form.register('version')} autoComplete="off" />
        </Field>
      </div>
      <VersionImageFields register={form.register} errors={errors} />
    </ActionDialog>
  )
}
