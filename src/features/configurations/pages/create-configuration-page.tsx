import { useState, useTransition } from 'react'
import { FormProvider } from 'react-hook-form'
import { useSuspenseQuery } from '@tanstack/react-query'
import { Link, useNavigate } from '@tanstack/react-router'
import { toast } from '@/lib/toast'
import { useCreateConfiguration } from '@/api/configurations/mutations'
import { datastoresQueryOptions } from '@/api/datastores/queries'
import { parametersQueryOptions } from '@/api/parameters/queries'
import type { Parameter } from '@/api/parameters/schemas'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { Field } from '@/components/ui/field'
import { Input, Textarea } from '@/components/ui/input'
import { PageHeader } from '@/components/ui/page-header'
import { Select } from '@/components/ui/select'
import { Spinner } from '@/components/ui/spinner'
import { useScope } from '@/hooks/use-session'
import { GroupsBreadcrumb } from '../components/groups-breadcrumb'
import { ValuesEditor } from '../components/values-editor'
import { applyServerError } from '../lib/apply-server-error'
import { chooseVersion } from '../lib/choose-version'
import { toApiValues } from '../lib/parameters-to-specs'
import { useGroupForm } from '../lib/use-group-form'

const noParameters = (): Parameter[] => []

export function CreateConfigurationPage({ initialDatastore }: { initialDatastore?: string }) {
  const scope = useScope()
  const navigate = useNavigate()
  const { data: datastores } = useSuspenseQuery(datastoresQueryOptions(scope))
  // Another version's parameters load while the form stays as it is (no fallback flash).
  const [switching, startSwitch] = useTransition()
  const [dsChoice, setDsChoice] = useState<string>()
  const [versionChoice, setVersionChoice] = useState<string>()
  const [chosen, setChosen] = useState<string[]>([])
  const [formError, setFormError] = useState<string>()
  const [datastoreError, setDatastoreError] = useState<string>()

  const {
    offered: dsList,
    datastore,
    version,
  } = chooseVersion(datastores, { dsChoice, initialDatastore, versionChoice })
  // The loader read the first version's parameters; no version (nothing offered): none.
  const { data: params } = useSuspenseQuery({
    ...parametersQueryOptions({ ...scope, versionId: version?.id ?? '' }),
    ...(version ? {} : { queryFn: noParameters }),
  })
  const form = useGroupForm(params, chosen, {
    name: '',
    description: '',
    values: {},
  })

  const create = useCreateConfiguration(scope)

  /** Another datastore or version has other parameters: the values start over. */
  const resetValues = () => {
    form.setValue('values', {})
    setChosen([])
  }

  const onSubmit = form.handleSubmit((v) => {
    setFormError(undefined)
    if (!datastore || !version) return
    const { values, floatKeys } = toApiValues(params, v.values)
    create.mutate(
      {
        name: v.name,
        description: v.description || undefined,
        datastore: { type: datastore.name, version: version.name },
        values,
        floatKeys,
      },
      {
        onSuccess: (conf) => {
          toast.success(`Configuration group ${conf.name} created.`)
          void navigate({
            to: '/configurations/$configurationId',
            params: { configurationId: conf.id },
          })
        },
        onError: (error) => {
          const left = applyServerError(
            error,
            (path, e, o) => {
              if (path === 'datastore') setDatastoreError(e.message)
              else form.setError(path as 'name', e, o)
            },
            { values: new Set(chosen), fields: new Set(['name', 'description', 'datastore']) },
          )
          setFormError(left)
        },
      },
    )
  })

  return (
    <div className="mx-auto grid max-w-3xl gap-6">
      <PageHeader
        title="Create configuration group"
        description="A named set of database parameter values for one datastore version, attachable to its instances."
        breadcrumbs={<GroupsBreadcrumb />}
      />
      <FormProvider {...form}>
        <form
          noValidate
          onSubmit={onSubmit}
          className="grid gap-6"
          aria-label="Create configuration group"
        >
          {formError ? (
            <Alert variant="error" title="The cloud refused the group">
              {formError}
            </Alert>
          ) : null}
          <Card>
            <CardHeader>
              <CardTitle>Group</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-4">
              <Field label="Name" required error={form.formState.errors.name?.message}>
                <Input {...form.register('name')} autoComplete="off" />
              </Field>
              <Field
                label="Description"
                description="Optional."
                error={form.formState.errors.description?.message}
              >
                <Textarea {...form.register('description')} rows={2} />
              </Field>
              {
                <div className="grid gap-4 sm:grid-cols-2">
                  <Field label="Datastore" required error={datastoreError}>
                    <Select
                      name="datastore"
                      value={datastore?.name ?? ''}
                      onChange={(e) => {
                        const next = e.target.value
                        setDatastoreError(undefined)
                        resetValues()
                        startSwitch(() => {
                          setDsChoice(next)
                          setVersionChoice(undefined)
                        })
                      }}
                    >
                      {dsList.map((d) => (
                        <option key={d.id} value={d.name}>
                          {d.name}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field
                    label="Version"
                    required
                    description="Groups attach only to instances of this exact version."
                  >
                    <Select
                      name="version"
                      value={version?.id ?? ''}
                      onChange={(e) => {
                        const next = e.target.value
                        setDatastoreError(undefined)
                        resetValues()
                        startSwitch(() => setVersionChoice(next))
                      }}
                      disabled={!datastore}
                    >
                      {datastore?.versions.map((v) => (
                        <option key={v.id} value={v.id}>
                          {v.name}
                          {v.version && v.version !== v.name ? ` (${v.version})` : ''}
                        </option>
                      ))}
                    </Select>
                  </Field>
                </div>
              }
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>Values</CardTitle>
              <CardDescription>
                {version && datastore
                  ? `Parameters of ${datastore.name} ${version.name}. Out-of-range values are refused before anything is sent.`
                  : 'Choose a datastore version to see its parameters.'}
              </CardDescription>
            </CardHeader>
            <CardContent>
              {!version ? null : switching ? (
                <Spinner label="Loading parameters…" />
              ) : params.length === 0 ? (
                <Alert variant="info">
                  This datastore version has no configuration parameters: the cloud does not support
                  configuration groups for it.
                </Alert>
              ) : (
                <ValuesEditor
                  parameters={params}
                  chosen={chosen}
                  onChosenChange={setChosen}
                  disabled={create.isPending}
                  restartNote="Instances you attach this group to will show RESTART_REQUIRED until they are restarted."
                />
              )}
            </CardContent>
          </Card>

          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={create.isPending || !version}>
              {create.isPending ? 'Creating…' : 'Create group'}
            </Button>
            <Button asChild variant="outline">
              <Link to="/configurations">Cancel</Link>
            </Button>
          </div>
        </form>
      </FormProvider>
    </div>
  )
}
