import { useEffect, useMemo, useState } from 'react'
import { getRouteApi } from '@tanstack/react-router'
import { useQuery } from '@tanstack/react-query'
import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { Gauge } from 'lucide-react'
import { projectsQueryOptions } from '@/api/identity/queries'
import { useUpdateQuota } from '@/api/mgmt/mutations'
import { mgmtInstancesQueryOptions, quotaQueryOptions } from '@/api/mgmt/queries'
import type { QuotaUsage } from '@/api/mgmt/schemas'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table'
import { useRequiredSession, useScope } from '@/hooks/use-session'
import { AdminMutationError, AdminPage, AdminQueryError } from '../components/admin-shell'
import { changedQuotas, quotaDefaults, quotaFormSchema, type QuotaForm } from '../lib/quota-form'
import { AdminTableSkeleton } from './admin-instances-page'

const route = getRouteApi('/_app/admin/quotas')

const UNITS: Record<string, string> = {
  instances: 'instances',
  ram: 'MB of RAM',
  backups: 'backups',
  volumes: 'GB of volumes',
}

/** Any project's quota (GET /mgmt/quotas/{project}) and its limits (PUT). */
export function QuotasAdminPage() {
  const scope = useScope()
  const session = useRequiredSession()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const project = search.project || session.project.id
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

  const pick = (p: string) => void navigate({ search: { project: p }, replace: true })

  return (
    <AdminPage
      title="Quotas"
      description="Each project's limits in this region: instances, RAM, backups and volume gigabytes (-1 is unlimited)."
    >
      <div className="mb-6 grid gap-3 sm:grid-cols-2">
        <Field label="Project">
          <Select value={project} onChange={(e) => pick(e.target.value)}>
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
            if (typed.trim()) pick(typed.trim())
          }}
        >
          <Field label="Other project id" className="flex-1">
            <Input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
          </Field>
          <Button type="submit" variant="outline">
            Show quota
          </Button>
        </form>
      </div>
      <ProjectQuota project={project} />
    </AdminPage>
  )
}

function ProjectQuota({ project }: { project: string }) {
  const scope = useScope()
  const query = useQuery(quotaQueryOptions(scope, project))
  if (query.isPending) return <AdminTableSkeleton />
  if (query.isError) {
    return <AdminQueryError error={query.error} onRetry={() => void query.refetch()} />
  }
  if (query.data.length === 0) {
    return (
      <EmptyState icon={Gauge} title="No quota resources" description="The cloud reported none." />
    )
  }
  return <QuotaEditor project={project} rows={query.data} />
}

function QuotaEditor({ project, rows }: { project: string; rows: QuotaUsage[] }) {
  const scope = useScope()
  const mutation = useUpdateQuota(scope)
  const [saved, setSaved] = useState<string | null>(null)
  const form = useForm<QuotaForm>({
    resolver: zodResolver(quotaFormSchema),
    defaultValues: quotaDefaults(rows),
  })
  useEffect(() => form.reset(quotaDefaults(rows)), [rows, form])
  const errors = form.formState.errors.limits
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
    <form onSubmit={submit} noValidate className="grid gap-4">
      <Table aria-label={`Quota of project ${project}`}>
        <TableHeader>
          <TableRow>
            <TableHead>Resource</TableHead>
            <TableHead>In use</TableHead>
            <TableHead>Reserved</TableHead>
            <TableHead>Limit</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.resource}>
              <TableCell>
                {r.resource}{' '}
                <span className="text-muted-foreground">({UNITS[r.resource] ?? r.resource})</span>
              </TableCell>
              <TableCell>{r.in_use}</TableCell>
              <TableCell>{r.reserved}</TableCell>
              <TableCell>
                <Field
                  label={`Limit for ${r.resource}`}
                  hideLabel
                  error={errors?.[r.resource]?.message}
                >
                  <Input
                    {...form.register(`limits.${r.resource}`)}
                    inputMode="numeric"
                    className="max-w-32"
                  />
                </Field>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <AdminMutationError error={mutation.error} />
      {saved && !mutation.isPending ? <Alert variant="success">{saved}</Alert> : null}
      <div>
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? 'Saving…' : 'Save limits'}
        </Button>
      </div>
    </form>
  )
}
