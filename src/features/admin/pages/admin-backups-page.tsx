import { useState } from 'react'
import { getRouteApi } from '@tanstack/react-router'
import { useQuery } from '@tanstack/react-query'
import { Archive } from 'lucide-react'
import { allBackupsQueryOptions } from '@/api/mgmt/queries'
import { Badge, type BadgeVariant } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table'
import { formatDateTime, formatGb } from '@/lib/format'
import { useScope } from '@/hooks/use-session'
import { AdminPage, AdminQueryError } from '../components/admin-shell'
import { AdminTableSkeleton } from './admin-instances-page'

const route = getRouteApi('/_app/admin/backups')

const TONE: Record<string, BadgeVariant> = {
  COMPLETED: 'success',
  FAILED: 'danger',
  NEW: 'info',
  BUILDING: 'info',
  SAVING: 'info',
  DELETE_FAILED: 'danger',
}

/** Backups of every project (`?all_projects=true`) or one project (`?project_id=`). */
export function AdminBackupsPage() {
  const scope = useScope()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const [typed, setTyped] = useState(search.project)
  const query = useQuery(allBackupsQueryOptions(scope, { projectId: search.project || undefined }))
  return (
    <AdminPage
      title="All backups"
      description="Every project's backups in this region (Trove's all_projects), or one project's."
    >
      <form
        className="mb-4 flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault()
          void navigate({ search: { project: typed.trim() }, replace: true })
        }}
      >
        <Field label="Project id" description="Empty: all projects.">
          <Input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
        </Field>
        <Button type="submit" variant="outline">
          Apply
        </Button>
      </form>
      {query.isPending ? (
        <AdminTableSkeleton />
      ) : query.isError ? (
        <AdminQueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <EmptyState
          icon={Archive}
          title="No backups"
          description={
            search.project ? 'This project has no backups here.' : 'No project has a backup here.'
          }
        />
      ) : (
        <Table aria-label="Backups of all projects">
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Project</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Instance</TableHead>
              <TableHead>Datastore</TableHead>
              <TableHead>Size</TableHead>
              <TableHead>Created</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {query.data.map((b) => (
              <TableRow key={b.id}>
                <TableCell className="font-medium">{b.name}</TableCell>
                <TableCell className="font-mono text-xs">{b.project_id ?? '—'}</TableCell>
                <TableCell>
                  <Badge variant={TONE[b.status] ?? 'neutral'}>{b.status}</Badge>
                </TableCell>
                <TableCell className="font-mono text-xs">{b.instance_id ?? '—'}</TableCell>
                <TableCell>
                  {b.datastore ? `${b.datastore.type} ${b.datastore.version}` : '—'}
                </TableCell>
                <TableCell>{formatGb(b.size)}</TableCell>
                <TableCell className="whitespace-nowrap">{formatDateTime(b.created)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </AdminPage>
  )
}
