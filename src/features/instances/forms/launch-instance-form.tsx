import { useCallback, useEffect, useMemo, useState } from 'react'
import { Controller, useFieldArray, useForm, useWatch } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { Plus, Trash2 } from 'lucide-react'
import { describeError } from '@/api/errors'
import { datastoresQueryOptions } from '@/api/datastores/queries'
import type { Datastore } from '@/api/datastores/schemas'
import { backupsQueryOptions } from '@/api/backups/queries'
import { configurationsQueryOptions } from '@/api/configurations/queries'
import { findFlavor, flavorsQueryOptions, versionFlavorsQueryOptions } from '@/api/flavors/queries'
import { volumeTypesQueryOptions } from '@/api/volume-types/queries'
import { modulesQueryOptions } from '@/api/modules/queries'
import { hasNetworkService, networksQueryOptions } from '@/api/networks/queries'
import { useRequiredSession } from '@/hooks/use-session'
import { Combobox } from '@/components/combobox'
import { describeExcess, launchQuotaDeltas, quotaExcesses } from '@/api/limits/quota'
import { useQuotaUsage } from '@/hooks/use-quota-usage'
import type { ScopeParams } from '@/api/instances/keys'
import { useCreateInstance } from '@/api/instances/mutations'
import { instancesQueryOptions } from '@/api/instances/queries'
import { PasswordInput } from '@/components/password-input'
import { usePasswordPolicy } from '@/api/console-config/queries'
import { describePasswordPolicy } from '@/api/rules/password-strength'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { CheckboxField } from '@/components/ui/checkbox'
import { Field, FieldSet } from '@/components/ui/field'
import { Input, Textarea } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { DatastoreCardsField } from './datastore-cards-field'
import { FlavorTableField } from './flavor-table-field'
import { LaunchSummary } from './launch-summary'
import { ModulePickerField } from './module-picker-field'
import { NetworkField } from './network-field'
import { launchTwinRequest } from './launch-twin'
import { fieldsForCreateError } from './launch-errors'
import { useRestorePrefill } from './use-restore-prefill'
import {
  emptyDatabaseRow,
  emptyUserRow,
  launchInstanceDefaults,
  launchInstanceSchema,
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
  // A refusal made here, before sending (the quota would refuse): not the cloud's answer.
  const [quotaRefusal, setQuotaRefusal] = useState<string | null>(null)
  const session = useRequiredSession()
  const networkService = hasNetworkService(session.catalog, scope.region)
  const networks = useQuery({ ...networksQueryOptions(scope), enabled: networkService })
  const modules = useQuery(modulesQueryOptions(scope))
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
  const [flavorId, volumeSize, volumeType, replicaCount, backupId, configurationId, name] =
    useWatch({
      control,
      name: [
        'flavorId',
        'volumeSize',
        'volumeType',
        'replicaCount',
        'backupId',
        'configurationId',
        'name',
      ],
    })
  const versionChosen = Boolean(datastoreType && version)
  const dsv = { ...scope, datastore: datastoreType ?? '', version: version ?? '' }
  // What the chosen version allows; all flavors until a version is chosen (or if the cloud
  // cannot say).
  const versionFlavors = useQuery({ ...versionFlavorsQueryOptions(dsv), enabled: versionChosen })
  const flavorChoices = versionFlavors.data ?? flavors.data
  const volumeTypes = useQuery({ ...volumeTypesQueryOptions(dsv), enabled: versionChosen })
  const configurations = useQuery(configurationsQueryOptions(scope))
  const backups = useQuery(backupsQueryOptions(scope))
  const groupChoices = useMemo(
    () =>
      (configurations.data ?? []).filter(
        (g) =>
          (!g.datastore_name || g.datastore_name === datastoreType) &&
          (!g.datastore_version_name || g.datastore_version_name === version),
      ),
    [configurations.data, datastoreType, version],
  )
  const backupChoices = useMemo(
    () => (backups.data ?? []).filter((b) => b.status === 'COMPLETED' && b.datastore),
    [backups.data],
  )
  const pickedBackup = backupChoices.find((b) => b.id === backupId)
  // A backup restores onto its own datastore and version: picking one sets and fixes them.
  useEffect(() => {
    if (!pickedBackup?.datastore || restore.active) return
    setValue('datastoreType', pickedBackup.datastore.type)
    setValue('datastoreVersion', pickedBackup.datastore.version)
  }, [pickedBackup, restore.active, setValue])
  const fixedByBackup = restore.locked || Boolean(pickedBackup)

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
  const quota = useQuotaUsage(scope)
  const sourceInstance = replica ? instances.data?.find((i) => i.id === replicaOf) : undefined
  const summaryFlavor = findFlavor(
    flavors.data,
    sourceInstance ? sourceInstance.flavor.id : (flavorId ?? ''),
  )
  const deltas = launchQuotaDeltas({
    count: replica ? Number(replicaCount) : 1,
    volumeSize: sourceInstance ? sourceInstance.volume?.size : Number(volumeSize),
    flavorRam: summaryFlavor?.ram,
  })
  const excesses = quotaExcesses(quota.usage, quota.limits, deltas)
  const sources = useMemo(
    () =>
      (instances.data ?? [])
        .filter((i) => !i.replica_of)
        .sort((a, b) => a.name.localeCompare(b.name)),
    [instances.data],
  )

  const subnetOf = useCallback(
    (netId: string) => networks.data?.find((n) => n.id === netId)?.subnets?.[0],
    [networks.data],
  )
  const allValues = useWatch({ control })
  const twin = useMemo(() => {
    const parsed = launchInstanceSchema.safeParse(allValues)
    return parsed.success ? launchTwinRequest(parsed.data, { subnetOf }) : undefined
  }, [allValues, subnetOf])
  const moduleIds = useWatch({ control, name: 'moduleIds' })
  const pruneModules = useCallback(
    (ids: string[]) => setValue('moduleIds', ids.join(','), { shouldDirty: true }),
    [setValue],
  )

  const onSubmit = handleSubmit((values) => {
    setServerError(null)
    setQuotaRefusal(null)
    // What the quota would refuse (413) is refused here, before anything is sent.
    if (excesses.length > 0) {
      setQuotaRefusal(excesses.map(describeExcess).join(' '))
      return
    }
    create.mutate(toCreateInstanceRequest(values, { subnetOf }), {
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
      className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start"
      aria-label="Launch instance"
    >
      <div className="grid min-w-0 gap-6">
        {quotaRefusal ? (
          <Alert
            variant="error"
            title="The console did not send this launch: the quota would refuse it"
          >
            {quotaRefusal} Nothing was sent to the cloud. Free some resources, ask an administrator
            to raise the quota, or choose less.
          </Alert>
        ) : null}
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
            {fixedByBackup ? (
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
                <div className="sm:col-span-2">
                  <DatastoreCardsField
                    datastores={datastores.data}
                    registration={register('datastoreType')}
                    selected={datastoreType ?? ''}
                    error={errors.datastoreType?.message}
                    disabled={replica}
                  />
                </div>
                <Field
                  label="Version"
                  description="Type to filter the versions; arrows and Enter to choose."
                  error={errors.datastoreVersion?.message}
                  required={!replica}
                >
                  {(controlProps) => (
                    <Controller
                      control={control}
                      name="datastoreVersion"
                      render={({ field }) => (
                        <Combobox
                          {...controlProps}
                          name={field.name}
                          value={field.value ?? ''}
                          onChange={field.onChange}
                          onBlur={field.onBlur}
                          disabled={replica || !chosen}
                          listLabel={`Versions of ${chosen?.name ?? 'the datastore'}`}
                          placeholder={chosen ? 'Choose a version' : 'Choose a datastore first'}
                          options={(chosen?.versions ?? []).map((v) => ({
                            value: v.name,
                            label: v.name,
                            hint: v.id === chosen?.default_version ? 'default' : undefined,
                          }))}
                        />
                      )}
                    />
                  )}
                </Field>
              </>
            )}
          </div>
          <FlavorTableField
            flavors={flavorChoices}
            registration={register('flavorId')}
            selected={flavorId ?? ''}
            error={errors.flavorId?.message}
            disabled={replica}
            note={
              replica
                ? 'A replica uses its source’s flavor.'
                : versionFlavors.data
                  ? `The flavors ${datastoreType} ${version} allows.`
                  : versionChosen && versionFlavors.isError
                    ? 'The cloud did not say which flavors this version allows: all flavors are listed.'
                    : 'All flavors; choose a datastore version to see the ones it allows.'
            }
          />
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
            {volumeTypes.data && volumeTypes.data.length > 0 ? (
              <Field
                label="Volume type"
                description="The types this cloud offers for the version; its default when none."
                error={errors.volumeType?.message}
              >
                <Select disabled={replica} {...register('volumeType')}>
                  <option value="">Cloud default</option>
                  {volumeTypes.data.map((t) => (
                    <option key={t.id} value={t.name}>
                      {t.name}
                      {t.description ? ` · ${t.description}` : ''}
                    </option>
                  ))}
                </Select>
              </Field>
            ) : (
              <Field
                label="Volume type"
                description={
                  versionChosen && (volumeTypes.isError || volumeTypes.data?.length === 0)
                    ? 'This cloud publishes no volume types for the version: type one, or leave empty for its default.'
                    : 'Choose a datastore version to see the volume types; empty: the cloud’s default.'
                }
                error={errors.volumeType?.message}
              >
                <Input autoComplete="off" disabled={replica} {...register('volumeType')} />
              </Field>
            )}
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label="Availability zone"
              description="This cloud publishes no list of zones (no compute service in its catalog): type one, or leave empty for any."
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
            <p className="text-sm text-muted-foreground">
              No database is created with the instance.
            </p>
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
            <NetworkField
              hasService={networkService}
              networks={networks.data}
              listError={networks.error}
              error={errors.networkId?.message}
              registration={register('networkId')}
              projectId={scope.projectId}
            />
            <Field
              label="Fixed IP address"
              description="Optional IPv4 address on that network (on its first subnet when the network service lists it)."
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
            label="Restore from backup"
            description="The new instance starts from the backup, on the backup’s datastore and version."
            error={errors.backupId?.message}
          >
            <Select disabled={restore.active || replica} {...register('backupId')}>
              <option value="">Start empty</option>
              {restore.backup && !backupChoices.some((b) => b.id === restore.backup?.id) ? (
                <option value={restore.backup.id}>{restore.backup.name}</option>
              ) : null}
              {backupChoices.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name} ({b.datastore?.type} {b.datastore?.version}
                  {b.size ? `, ${b.size} GB` : ''})
                </option>
              ))}
            </Select>
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
            label="Configuration group"
            description={
              versionChosen
                ? `The groups made for ${datastoreType} ${version}.`
                : 'Choose a datastore version first: a group applies to one version.'
            }
            error={errors.configurationId?.message}
          >
            <Select disabled={!versionChosen && !configurationId} {...register('configurationId')}>
              <option value="">None (the datastore’s defaults)</option>
              {configurationId && !groupChoices.some((g) => g.id === configurationId) ? (
                <option value={configurationId}>
                  {configurations.data?.find((g) => g.id === configurationId)?.name ??
                    configurationId}{' '}
                  (not for this version)
                </option>
              ) : null}
              {groupChoices.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </Select>
          </Field>
          <ModulePickerField
            control={control}
            modules={modules.data}
            listError={modules.error}
            datastore={datastoreType ?? ''}
            version={version ?? ''}
            value={moduleIds ?? ''}
            error={errors.moduleIds?.message}
            registration={register('moduleIds')}
            onPrune={pruneModules}
          />
        </FieldSet>
      </div>
      <LaunchSummary
        v={{
          name: name ?? '',
          datastore: datastoreType ?? '',
          version: version ?? '',
          flavor: summaryFlavor,
          volumeSize: sourceInstance ? sourceInstance.volume?.size : Number(volumeSize),
          volumeType: volumeType ?? '',
          count: replica ? Number(replicaCount) || 1 : 1,
          replicaOfName: sourceInstance?.name,
          backupName: (pickedBackup ?? restore.backup)?.name,
          configurationName: configurations.data?.find((g) => g.id === configurationId)?.name,
        }}
        deltas={deltas}
        usage={quota.usage}
        limits={quota.limits}
        excesses={excesses}
        pending={create.isPending}
        twin={twin}
        onCancel={() => void navigate({ to: '/instances' })}
      />
    </form>
  )
}
