import { useCallback, useDeferredValue, useEffect, useId, useMemo, useState } from 'react'
import { getRouteApi } from '@tanstack/react-router'
import { useSuspenseQuery } from '@tanstack/react-query'
import { FormProvider, useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { Gauge } from 'lucide-react'
import { useUpdateQuota } from '@/api/mgmt/mutations'
import { quotaQueryOptions } from '@/api/mgmt/queries'
import type { QuotaUsage } from '@/api/mgmt/schemas'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { DataTable } from '@/components/data-table/data-table'
import { ProjectName } from '@/components/identity-name'
import { ProjectPicker } from '@/components/project-picker'
import { RequestErrorAlert } from '@/components/request-error-alert'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { useProjectDirectory } from '@/hooks/use-identity-names'
import { useScope } from '@/hooks/use-session'
import { AdminPage } from '../components/admin-shell'
import { quotaColumns } from '../components/quota-columns'
import {
  changedQuotas,
  quotaDefaults,
  quotaFormSchema,
  quotasBelowUsage,
  type QuotaBelowUsage,
  type QuotaForm,
} from '../lib/quota-form'
import type { QuotasSearch } from '../lib/quota-search'
import { quotaUnit } from '../lib/quota-list'

const route = getRouteApi('/_app/admin/quotas')

/** Any project's quota (GET /mgmt/quotas/{project}) and its limits (PUT). */
export function QuotasAdminPage() {
  const scope = useScope()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const project = search.project || scope.projectId
  // Keystone's project list (the whole cloud's, for an admin): the picker's options and names.
  const { data: directory } = useProjectDirectory()
  const unknown = !!directory?.complete && !directory.byId.has(project)

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
        <ProjectPicker
          id="quota-project"
          label="Project"
          description="Search by name or id; Enter shows its quota."
          value={project}
          directory={directory}
          onChange={(id) => setSearch({ project: id })}
        />
      </div>
      {unknown ? (
        <Alert variant="error" title="Unknown project">
          No project of this cloud has the id <span className="font-mono">{project}</span>. Choose
          one above.
        </Alert>
      ) : (
        <ProjectQuota project={project} search={search} onSearchChange={setSearch} />
      )}
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
  const { data: directory } = useProjectDirectory()
  const projectName = directory?.byId.get(project)?.name ?? project
  const mutation = useUpdateQuota(scope)
  const formId = useId()
  const [saved, setSaved] = useState<string | null>(null)
  // Limits below current usage wait here for the admin's confirmation; nothing is sent before.
  const [pending, setPending] = useState<{
    quotas: Record<string, number>
    below: QuotaBelowUsage[]
  } | null>(null)
  const form = useForm<QuotaForm>({
    resolver: zodResolver(quotaFormSchema),
    defaultValues: quotaDefaults(rows),
  })
  useEffect(() => form.reset(quotaDefaults(rows)), [rows, form])
  const columns = useMemo(() => quotaColumns(formId), [formId])
  const send = (quotas: Record<string, number>) =>
    mutation.mutate(
      { project, quotas },
      {
        onSuccess: () => {
          setPending(null)
          setSaved(
            `Saved: ${Object.entries(quotas)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ')}.`,
          )
        },
      },
    )
  const submit = form.handleSubmit((values) => {
    setSaved(null)
    mutation.reset()
    const quotas = changedQuotas(rows, values)
    if (Object.keys(quotas).length === 0) {
      setSaved('Nothing changed.')
      return
    }
    const below = quotasBelowUsage(rows, quotas)
    if (below.length > 0) setPending({ quotas, below })
    else send(quotas)
  })
  return (
    <FormProvider {...form}>
      <div className="grid gap-4">
        <p className="text-sm text-muted-foreground">
          Quota of project <ProjectName id={project} copy />
        </p>
        <DataTable
          label={`Quota of project ${projectName}`}
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
          {mutation.error && !pending ? <RequestErrorAlert error={mutation.error} /> : null}
          {saved && !mutation.isPending ? <Alert variant="success">{saved}</Alert> : null}
          <div>
            <Button type="submit" disabled={mutation.isPending}>
              {mutation.isPending ? 'Saving…' : 'Save limits'}
            </Button>
          </div>
        </form>
      </div>
      <ConfirmDialog
        open={pending !== null}
        onOpenChange={(open) => {
          if (!open) {
            setPending(null)
            mutation.reset()
          }
        }}
        title="Set limits below current usage?"
        description={`Project ${projectName} already uses more than the new limits allow. Nothing it runs is removed, but it cannot create more until its usage falls below them.`}
        confirmLabel="Save limits anyway"
        confirmVariant="default"
        pending={mutation.isPending}
        error={pending ? mutation.error : null}
        onConfirm={() => pending && send(pending.quotas)}
      >
        <ul className="grid gap-1 text-sm" aria-label="Limits below current usage">
          {pending?.below.map((b) => (
            <li key={b.resource}>
              <span className="font-medium">{b.resource}</span>: new limit {b.limit}, {b.inUse}{' '}
              {quotaUnit(b.resource)} in use
            </li>
          ))}
        </ul>
      </ConfirmDialog>
    </FormProvider>
  )
}

const resourceOf = (q: QuotaUsage) => q.resource
