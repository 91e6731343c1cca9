import { useCallback, useDeferredValue, useEffect, useId, useMemo, useState } from 'react'
import { getRouteApi } from '@tanstack/react-router'
import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { FormProvider, useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { Gauge } from 'lucide-react'
import { projectsQueryOptions } from '@/api/identity/queries'
import { useUpdateQuota } from '@/api/mgmt/mutations'
import { mgmtInstancesQueryOptions, quotaQueryOptions } from '@/api/mgmt/queries'
import type { QuotaUsage } from '@/api/mgmt/schemas'
import { DataTable } from '@/components/data-table/data-table'
import { RequestErrorAlert } from '@/components/request-error-alert'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { useRequiredSession, useScope } from '@/hooks/use-session'
import { AdminPage } from '../components/admin-shell'
import { quotaColumns } from '../components/quota-columns'
import { changedQuotas, quotaDefaults, quotaFormSchema, type QuotaForm } from '../lib/quota-form'
import type { QuotasSearch } from '../lib/quota-list'

const route = getRouteApi('/_app/admin/quotas')

/** Any project's quota (GET /mgmt/quotas/{project}) and its limits (PUT). */
export function QuotasAdminPage() {
  const scope = useScope()
  const session = useRequiredSession()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const project = search.project || scope.projectId
  // Side data for the project picker only: without it the picker still offers the shown project.
  const own = useQuery(projectsQueryOptions(session.user.id))
  const instances = useQuery(mgmtInstancesQueryOptions(scope, { deleted: false }))
  const [typed, setTyped] = useState('')

  // Known projects: the admin's own, and every project that has an instance here.
  const options = useMemo(() => {
    const m = new Map<string, string>()
    for (const p of own.data ?? []) m.set(p.id, `${p.name} (${p.id})`)
    for (const i of instances.data ?? []) if (!m.has(i.tenant_id)) m.set(i.tenant_id, i.tenant_id)
    if (!m.has(project)) m.set(project, project)
    return [...m.entries()]
  }, [own.data, instances.data, project])

  const setSearch = useCallback(
    (patch: Partial<QuotasSearch>) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  )

  return (
    <AdminPage
      title="Quotas"
      description="Each project's limits in this region: instances, RAM, backups and volume gigabytes (-1 is unlimited)."
    >
      <div className="mb-6 grid gap-3 sm:grid-cols-2">
        <Field label="Project">
          <Select value={project} onChange={(e) => setSearch({ project: e.target.value })}>
            {options.map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        <form
          className="flex items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault()
            if (typed.trim()) setSearch({ project: typed.trim() })
          }}
        >
          <Field label="Other project id" className="min-w-0 flex-1">
            <Input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
          </Field>
          <Button type="submit" variant="outline">
            Show quota
          </Button>
        </form>
      </div>
      <ProjectQuota project={project} search={search} onSearchChange={setSearch} />
    </AdminPage>
  )
}

function ProjectQuota({
  project: asked,
  search,
  onSearchChange,
}: {
  project: string
  search: QuotasSearch
  onSearchChange: (patch: Partial<QuotasSearch>) => void
}) {
  const scope = useScope()
  // Deferred: while another project's quota loads, the one shown stays.
  const project = useDeferredValue(asked)
  const { data: rows } = useSuspenseQuery(quotaQueryOptions(scope, project))
  const mutation = useUpdateQuota(scope)
  const formId = useId()
  const [saved, setSaved] = useState<string | null>(null)
  const form = useForm<QuotaForm>({
    resolver: zodResolver(quotaFormSchema),
    defaultValues: quotaDefaults(rows),
  })
  useEffect(() => form.reset(quotaDefaults(rows)), [rows, form])
  const columns = useMemo(() => quotaColumns(formId), [formId])
  const submit = form.handleSubmit((values) => {
    setSaved(null)
    const quotas = changedQuotas(rows, values)
    if (Object.keys(quotas).length === 0) {
      setSaved('Nothing changed.')
      return
    }
    mutation.mutate(
      { project, quotas },
      {
        onSuccess: () =>
          setSaved(
            `Saved: ${Object.entries(quotas)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ')}.`,
          ),
      },
    )
  })
  return (
    <FormProvider {...form}>
      <div className="grid gap-4">
        <DataTable
          label={`Quota of project ${project}`}
          idPrefix="quota"
          csvName={`quota-${project}-${scope.region}`}
          columns={columns}
          rows={rows}
          getRowId={resourceOf}
          rowLabel={resourceOf}
          search={search}
          onSearchChange={onSearchChange}
          noun={{ one: 'resource', other: 'resources' }}
          minWidth={560}
          empty={
            <EmptyState
              icon={Gauge}
              title="No quota resources"
              description="The cloud reported none."
            />
          }
        />
        {/* The limit fields belong to this form through their `form` attribute. */}
        <form id={formId} onSubmit={submit} noValidate className="grid gap-4">
          {mutation.error ? <RequestErrorAlert error={mutation.error} /> : null}
          {saved && !mutation.isPending ? <Alert variant="success">{saved}</Alert> : null}
          <div>
            <Button type="submit" disabled={mutation.isPending}>
              {mutation.isPending ? 'Saving…' : 'Save limits'}
            </Button>
          </div>
        </form>
      </div>
    </FormProvider>
  )
}

const resourceOf = (q: QuotaUsage) => q.resource
