import { useCallback, useDeferredValue, useMemo } from 'react'
import { getRouteApi } from '@tanstack/react-router'
import { useSuspenseQuery } from '@tanstack/react-query'
import { Archive } from 'lucide-react'
import type { Backup } from '@/api/backups/schemas'
import { allBackupsQueryOptions } from '@/api/mgmt/queries'
import { DataTable } from '@/components/data-table/data-table'
import { DataTableSkeleton } from '@/components/data-table/data-table-skeleton'
import { ProjectPicker } from '@/components/project-picker'
import { EmptyState } from '@/components/ui/empty-state'
import { useProjectDirectory } from '@/hooks/use-identity-names'
import { useScope } from '@/hooks/use-session'
import { adminBackupColumns } from '../components/admin-backup-columns'
import { AdminPage } from '../components/admin-shell'
import { newestThenId } from '@/api/backups/order'
import type { AdminBackupsSearch } from '../lib/admin-backup-search'

const route = getRouteApi('/_app/admin/backups')

/** The list's read: the same options object as the route's loader. */
export function adminBackupsOptions(scope: { projectId: string; region: string }, project: string) {
  return allBackupsQueryOptions(scope, { projectId: project || undefined })
}

/** Backups of every project (`?all_projects=true`) or one project (`?project_id=`). */
export function AdminBackupsPage() {
  const scope = useScope()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const { data: directory } = useProjectDirectory()
  const columns = useMemo(
    () => adminBackupColumns((id) => directory?.byId.get(id)?.name),
    [directory],
  )
  const project = useDeferredValue(search.project)
  const { data: all } = useSuspenseQuery(adminBackupsOptions(scope, project))
  const setSearch = useCallback(
    (patch: Partial<AdminBackupsSearch>) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  )
  return (
    <AdminPage
      title="All backups"
      description="Every project's backups in this region (Trove's all_projects), or one project's."
    >
      <div className="mb-4 grid gap-3 sm:grid-cols-2">
        <ProjectPicker
          id="admin-backups-project"
          label="Project"
          description="Search by name or id; All projects shows every project's backups."
          allowEmpty="All projects"
          value={search.project}
          directory={directory}
          onChange={(id) => setSearch({ project: id })}
        />
      </div>
      <DataTable
        label="Backups of all projects"
        idPrefix="admin-backups"
        csvName={`backups-all-projects-${scope.region}`}
        columns={columns}
        rows={all}
        getRowId={backupId}
        rowLabel={backupName}
        tieBreak={newestThenId}
        search={search}
        onSearchChange={setSearch}
        noun={{ one: 'backup', other: 'backups' }}
        filterPlaceholder="Name, id, project, instance"
        minWidth={960}
        empty={
          <EmptyState
            icon={Archive}
            title="No backups"
            description={
              search.project ? 'This project has no backups here.' : 'No project has a backup here.'
            }
          />
        }
      />
    </AdminPage>
  )
}

const backupId = (b: Backup) => b.id
const backupName = (b: Backup) => b.name

export function AdminBackupsSkeleton() {
  return (
    <AdminPage title="All backups">
      <DataTableSkeleton label="Loading backups" />
    </AdminPage>
  )
}
