import { useEffect, useMemo, useState } from 'react'
import { Controller, useFieldArray, useForm, useWatch, type Control } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { Plus, Trash2 } from 'lucide-react'
import { describeError } from '@/api/errors'
import { datastoresQueryOptions } from '@/api/datastores/queries'
import type { Datastore } from '@/api/datastores/schemas'
import { findFlavor, flavorsQueryOptions } from '@/api/flavors/queries'
import { flavorRef, type Flavor } from '@/api/flavors/schemas'
import type { ScopeParams } from '@/api/instances/keys'
import type { Instance } from '@/api/instances/schemas'
import { useCreateInstance } from '@/api/instances/mutations'
import { instancesQueryOptions } from '@/api/instances/queries'
import { launchQuotaDeltas } from '@/api/limits/quota'
import { QuotaWarning } from '@/components/quota-warning'
import { PasswordInput } from '@/components/password-input'
import { usePasswordPolicy } from '@/api/console-config/queries'
import { describePasswordPolicy } from '@/api/rules/password-strength'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { CheckboxField } from '@/components/ui/checkbox'
import { Field, FieldSet } from '@/components/ui/field'
import { Input, Textarea } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { Spinner } from '@/components/ui/spinner'
import { formatRamMb } from '@/lib/format'
import { fieldsForCreateError } from './launch-errors'
import { useRestorePrefill } from './use-restore-prefill'
import {
  emptyDatabaseRow,
  emptyUserRow,
  launchInstanceDefaults,
  launchInstanceSchemaFor,
  toCreateInstanceRequest,
  type LaunchInstanceInput,
  type LaunchInstanceValues,
} from './launch-instance.schema'

/** The version a datastore should start on: its default_version (an id), else the first. */
function defaultVersionName(ds: Datastore | undefined): string {
  if (!ds) return ''
  const byDefault = ds.versions.find((v) => v.id === ds.default_version)
  return (byDefault ?? ds.versions[0])?.name ?? ''
}

const section = 'grid gap-4 rounded-lg border p-4 sm:p-5'

/**
 * Launch instance, hand-written on react-hook-form + zod. Invalid input shows errors on the
 * fields and sends nothing; a refused request shows the cloud's message at the top and on the
 * fields it names. The form stays mounted through the re-login dialog.
 */
export function LaunchInstanceForm({
  scope,
  restoreFrom,
  prefill,
}: {
  scope: ScopeParams
  /** Values from the URL ("Launch another like this"); read once, when the form mounts. */
  prefill?: Partial<LaunchInstanceValues>
  /** A backup to restore (`?restoreFrom=`): prefills and locks datastore, version and backup. */
  restoreFrom?: string | undefined
}) {
  const navigate = useNavigate()
  // Awaited by the route's loader (a failure shows the route's error view).
  const datastores = useSuspenseQuery(datastoresQueryOptions(scope))
  const flavors = useSuspenseQuery(flavorsQueryOptions(scope))
  const instances = useQuery(instancesQueryOptions(scope))
  const create = useCreateInstance(scope)
  const [serverError, setServerError] = useState<unknown>(null)
  const policy = usePasswordPolicy()

  const form = useForm<LaunchInstanceInput, unknown, LaunchInstanceValues>({
    resolver: zodResolver(launchInstanceSchemaFor(policy)),
    defaultValues: { ...launchInstanceDefaults, ...prefill },
  })
  const { register, control, setValue, setError, handleSubmit, formState } = form
  const errors = formState.errors
  const databases = useFieldArray({ control, name: 'databases' })
  const users = useFieldArray({ control, name: 'users' })
  const restore = useRestorePrefill(scope, restoreFrom, setValue)

  const datastoreType = useWatch({ control, name: 'datastoreType' })
  const replicaOf = useWatch({ control, name: 'replicaOf' })
  const dbRows = useWatch({ control, name: 'databases' })
  const dbNames = useMemo(
    () => [...new Set((dbRows ?? []).map((d) => d.name.trim()).filter(Boolean))],
    [dbRows],
  )
  const chosen = datastores.data.find((d) => d.name === datastoreType)
  const replica = replicaOf !== ''
  const version = useWatch({ control, name: 'datastoreVersion' })

  // A new datastore starts on its default version. Set after render, once the version options
  // of that datastore exist, so the select shows the choice.
  useEffect(() => {
    if (chosen && !chosen.versions.some((v) => v.name === version)) {
      setValue('datastoreVersion', defaultVersionName(chosen), {
        shouldValidate: formState.isSubmitted,
      })
    }
    if (!chosen && version) setValue('datastoreVersion', '')
  }, [chosen, version, setValue, formState.isSubmitted])
  const sources = useMemo(
    () =>
      (instances.data ?? [])
        .filter((i) => !i.replica_of)
        .sort((a, b) => a.name.localeCompare(b.name)),
    [instances.data],
  )

  const onSubmit = handleSubmit((values) => {
    setServerError(null)
    create.mutate(toCreateInstanceRequest(values), {
      onSuccess: (instance) =>
        void navigate({ to: '/instances/$instanceId', params: { instanceId: instance.id } }),
      onError: (error) => {
        setServerError(error)
        for (const f of fieldsForCreateError(error.message, values)) {
          setError(f.field, { type: 'server', message: f.message })
        }
      },
    })
  })

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="grid max-w-3xl gap-6"
      aria-label="Launch instance"
    >
      {serverError ? (
        <Alert variant="error" title="The cloud did not launch the instance">
          {describeError(serverError)}
        </Alert>
      ) : null}

      <FieldSet legend="Details" className={section}>
        <Field label="Name" error={errors.name?.message} required>
          <Input autoComplete="off" {...register('name')} />
        </Field>
        {restore.active ? (
          <Alert
            variant={restore.error ? 'error' : 'info'}
            role={undefined}
            title={restore.backup ? `Restoring backup ${restore.backup.name}` : 'Restore'}
          >
            {restore.error
              ? `The backup to restore could not be loaded: ${describeError(restore.error)}`
              : restore.backup
                ? `The new instance starts from this backup, on its datastore (${restore.backup.datastore?.type ?? '?'} ${restore.backup.datastore?.version ?? '?'}). The volume must hold at least ${restore.backup.size ?? 0} GB.`
                : 'Loading the backup…'}
          </Alert>
        ) : null}
        {replica ? (
          <Alert variant="info" role={undefined}>
            A replica uses its source's datastore, version, flavor and volume.
          </Alert>
        ) : null}
        <div className="grid gap-4 sm:grid-cols-2">
          {restore.locked ? (
            <>
              <Field
                label="Datastore"
                description="Set by the backup being restored."
                error={errors.datastoreType?.message}
              >
                <Input readOnly aria-readonly="true" {...register('datastoreType')} />
              </Field>
              <Field
                label="Version"
                description="Set by the backup being restored."
                error={errors.datastoreVersion?.message}
              >
                <Input readOnly aria-readonly="true" {...register('datastoreVersion')} />
              </Field>
            </>
          ) : (
            <>
              <Field label="Datastore" error={errors.datastoreType?.message} required={!replica}>
                <Select disabled={replica} {...register('datastoreType')}>
                  <option value="">Choose a datastore</option>
                  {datastores.data.map((d) => (
                    <option key={d.id} value={d.name}>
                      {d.name}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Version" error={errors.datastoreVersion?.message} required={!replica}>
                <Select disabled={replica || !chosen} {...register('datastoreVersion')}>
                  <option value="">
                    {chosen ? 'Choose a version' : 'Choose a datastore first'}
                  </option>
                  {(chosen?.versions ?? []).map((v) => (
                    <option key={v.id} value={v.name}>
                      {v.name}
                      {v.id === chosen?.default_version ? ' (default)' : ''}
                    </option>
                  ))}
                </Select>
              </Field>
            </>
          )}
        </div>
        <Field label="Flavor" error={errors.flavorId?.message} required={!replica}>
          <Select disabled={replica} {...register('flavorId')}>
            <option value="">Choose a flavor</option>
            {flavors.data.map((f) => (
              <option key={flavorRef(f)} value={flavorRef(f)}>
                {f.name} · {f.vcpus ?? '?'} vCPU · {formatRamMb(f.ram)} RAM
              </option>
            ))}
          </Select>
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Volume size (GB)" error={errors.volumeSize?.message} required={!replica}>
            <Input
              type="number"
              min={1}
              step={1}
              disabled={replica}
              {...register('volumeSize', { valueAsNumber: true })}
            />
          </Field>
          <Field
            label="Volume type"
            description="Optional; the cloud's default type when empty."
            error={errors.volumeType?.message}
          >
            <Input autoComplete="off" disabled={replica} {...register('volumeType')} />
          </Field>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Availability zone"
            description="Optional; any zone when empty."
            error={errors.availabilityZone?.message}
          >
            <Input autoComplete="off" {...register('availabilityZone')} />
          </Field>
          <Field
            label="Locality"
            description="Placement of this instance's replicas relative to each other."
            error={errors.locality?.message}
          >
            <Select disabled={replica} {...register('locality')}>
              <option value="none">None</option>
              <option value="affinity">Affinity (same host)</option>
              <option value="anti-affinity">Anti-affinity (different hosts)</option>
            </Select>
          </Field>
        </div>
      </FieldSet>

      <FieldSet legend="Initial databases" className={section}>
        {databases.fields.length === 0 ? (
          <p className="text-sm text-muted-foreground">No database is created with the instance.</p>
        ) : null}
        {databases.fields.map((row, n) => (
          <div
            key={row.id}
            className="grid items-start gap-3 sm:grid-cols-[1fr_1fr_1fr_auto]"
            role="group"
            aria-label={`Database ${n + 1}`}
          >
            <Field
              label={`Database ${n + 1}`}
              error={errors.databases?.[n]?.name?.message}
              required
            >
              <Input autoComplete="off" {...register(`databases.${n}.name`)} />
            </Field>
            <Field label="Character set" error={errors.databases?.[n]?.characterSet?.message}>
              <Input
                autoComplete="off"
                placeholder="utf8mb4"
                {...register(`databases.${n}.characterSet`)}
              />
            </Field>
            <Field label="Collation" error={errors.databases?.[n]?.collate?.message}>
              <Input
                autoComplete="off"
                placeholder="utf8mb4_general_ci"
                {...register(`databases.${n}.collate`)}
              />
            </Field>
            <Button
              variant="ghost"
              size="icon"
              className="sm:mt-6"
              aria-label={`Remove database ${n + 1}`}
              onClick={() => databases.remove(n)}
            >
              <Trash2 aria-hidden="true" className="size-4" />
            </Button>
          </div>
        ))}
        <div>
          <Button
            variant="outline"
            size="sm"
            onClick={() => databases.append({ ...emptyDatabaseRow })}
          >
            <Plus aria-hidden="true" className="size-4" />
            Add database
          </Button>
        </div>
      </FieldSet>

      <FieldSet legend="Initial users" className={section}>
        {users.fields.length === 0 ? (
          <p className="text-sm text-muted-foreground">No user is created with the instance.</p>
        ) : null}
        {users.fields.map((row, n) => (
          <div
            key={row.id}
            className="grid gap-3 rounded-md border p-3"
            role="group"
            aria-label={`User ${n + 1}`}
          >
            <div className="grid items-start gap-3 sm:grid-cols-[1fr_1fr_1fr_auto]">
              <Field
                label={`User ${n + 1}`}
                description="At most 16 characters."
                error={errors.users?.[n]?.name?.message}
                required
              >
                <Input autoComplete="off" maxLength={64} {...register(`users.${n}.name`)} />
              </Field>
              <Field
                label="Password"
                description={describePasswordPolicy(policy)}
                error={errors.users?.[n]?.password?.message}
                required
              >
                {(controlProps) => (
                  <PasswordInput
                    {...controlProps}
                    {...register(`users.${n}.password`)}
                    onGenerate={(pw) =>
                      setValue(`users.${n}.password`, pw, {
                        shouldValidate: formState.isSubmitted,
                        shouldDirty: true,
                      })
                    }
                  />
                )}
              </Field>
              <Field
                label="Host"
                description="% (any) when empty."
                error={errors.users?.[n]?.host?.message}
              >
                <Input autoComplete="off" placeholder="%" {...register(`users.${n}.host`)} />
              </Field>
              <Button
                variant="ghost"
                size="icon"
                className="sm:mt-6"
                aria-label={`Remove user ${n + 1}`}
                onClick={() => users.remove(n)}
              >
                <Trash2 aria-hidden="true" className="size-4" />
              </Button>
            </div>
            <fieldset className="grid gap-2">
              <legend className="text-sm font-medium">Databases user {n + 1} can use</legend>
              <Controller
                control={control}
                name={`users.${n}.databases`}
                render={({ field }) => {
                  const selected = field.value ?? []
                  // Names no longer listed stay visible while selected, so they can be unticked.
                  const names = [...new Set([...dbNames, ...selected])]
                  if (names.length === 0) {
                    return (
                      <p className="text-sm text-muted-foreground">
                        Add initial databases above to grant access.
                      </p>
                    )
                  }
                  return (
                    <div className="flex flex-wrap gap-4">
                      {names.map((name) => (
                        <CheckboxField
                          key={name}
                          label={name}
                          checked={selected.includes(name)}
                          onBlur={field.onBlur}
                          onChange={(e) =>
                            field.onChange(
                              e.target.checked
                                ? [...selected, name]
                                : selected.filter((x) => x !== name),
                            )
                          }
                        />
                      ))}
                    </div>
                  )
                }}
              />
              {errors.users?.[n]?.databases?.message ? (
                <p className="text-sm font-medium text-danger" role="alert">
                  {errors.users[n]?.databases?.message}
                </p>
              ) : null}
            </fieldset>
          </div>
        ))}
        <div>
          <Button
            variant="outline"
            size="sm"
            onClick={() => users.append({ ...emptyUserRow, databases: [] })}
          >
            <Plus aria-hidden="true" className="size-4" />
            Add user
          </Button>
        </div>
      </FieldSet>

      <FieldSet legend="Network and access" className={section}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Network ID"
            description="Optional network UUID (net-id)."
            error={errors.networkId?.message}
          >
            <Input autoComplete="off" className="font-mono" {...register('networkId')} />
          </Field>
          <Field
            label="Fixed IP address"
            description="Optional IPv4 address on that network."
            error={errors.fixedIp?.message}
          >
            <Input autoComplete="off" className="font-mono" {...register('fixedIp')} />
          </Field>
        </div>
        <CheckboxField
          label="Public"
          description="Give the instance a public address."
          {...register('isPublic')}
        />
        <Field
          label="Allowed CIDRs"
          description="One IPv4 or IPv6 CIDR per line, e.g. 203.0.113.0/24. Empty: no restriction."
          error={errors.allowedCidrs?.message}
        >
          <Textarea rows={3} className="font-mono" {...register('allowedCidrs')} />
        </Field>
      </FieldSet>

      <FieldSet legend="Source and replication" className={section}>
        <Field
          label="Restore from backup ID"
          description="Optional backup UUID to start from."
          error={errors.backupId?.message}
        >
          <Input
            autoComplete="off"
            className="font-mono"
            readOnly={restore.active}
            {...register('backupId')}
          />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Replica of"
            description="Make this instance a replica of another."
            error={errors.replicaOf?.message}
          >
            <Select disabled={instances.isPending} {...register('replicaOf')}>
              <option value="">Not a replica</option>
              {sources.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name} ({i.datastore.type} {i.datastore.version})
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label="Replica count"
            description="1 to 3 replicas."
            error={errors.replicaCount?.message}
          >
            <Input
              type="number"
              min={1}
              max={3}
              step={1}
              disabled={!replica}
              {...register('replicaCount', { valueAsNumber: true })}
            />
          </Field>
        </div>
      </FieldSet>

      <FieldSet legend="Advanced" className={section}>
        <Field
          label="Configuration group ID"
          description="Optional configuration group UUID."
          error={errors.configurationId?.message}
        >
          <Input autoComplete="off" className="font-mono" {...register('configurationId')} />
        </Field>
        <Field
          label="Module IDs"
          description="Optional, comma separated UUIDs."
          error={errors.moduleIds?.message}
        >
          <Input autoComplete="off" className="font-mono" {...register('moduleIds')} />
        </Field>
      </FieldSet>

      <LaunchQuotaWarning
        control={control}
        scope={scope}
        sources={instances.data}
        flavors={flavors.data}
      />

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? <Spinner className="size-4" /> : null}
          Launch instance
        </Button>
        <Button variant="outline" onClick={() => void navigate({ to: '/instances' })}>
          Cancel
        </Button>
      </div>
    </form>
  )
}

/* Quota warning (instance-extras area): the shared rule lives in src/api/limits/quota.ts. */
function LaunchQuotaWarning({
  control,
  scope,
  sources,
  flavors,
}: {
  control: Control<LaunchInstanceInput, unknown, LaunchInstanceValues>
  scope: ScopeParams
  sources: Instance[] | undefined
  flavors: Flavor[] | undefined
}) {
  const [replicaOf, replicaCount, volumeSize, flavorId] = useWatch({
    control,
    name: ['replicaOf', 'replicaCount', 'volumeSize', 'flavorId'],
  })
  const source = replicaOf ? sources?.find((i) => i.id === replicaOf) : undefined
  const flavor = findFlavor(flavors, source ? source.flavor.id : (flavorId ?? ''))
  const deltas = launchQuotaDeltas({
    count: replicaOf ? Number(replicaCount) : 1,
    volumeSize: source ? source.volume?.size : Number(volumeSize),
    flavorRam: flavor?.ram,
  })
  return <QuotaWarning scope={scope} deltas={deltas} what="launch" />
}
