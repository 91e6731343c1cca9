import { useCallback } from 'react'
import { getRouteApi } from '@tanstack/react-router'
import { useSuspenseQuery } from '@tanstack/react-query'
import { instanceQueryOptions } from '@/api/instances/queries'
import type { TableSearch } from '@/components/data-table/search'
import { useScope } from '@/hooks/use-session'
import { DatabasesPanel } from '../components/databases-panel'
import { InstanceGate } from '../components/instance-gate'
import { PanelSuspense } from '../components/panel-suspense'
import { UsersDatabasesSupport } from '../components/sql-managed-notice'
import { databasesTableSearch, databasesTableUrlPatch } from '../lib/table-search'
import type { DatabaseSortColumn } from '../lib/user-database-list'

const route = getRouteApi('/_app/instances/$instanceId/databases')

/** The instance page's Databases tab. */
export function InstanceDatabasesTab() {
  const { instanceId } = route.useParams()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const scope = useScope()
  const { data: instance } = useSuspenseQuery(instanceQueryOptions({ ...scope, id: instanceId }))
  const setSearch = useCallback(
    (patch: Partial<TableSearch<DatabaseSortColumn>>) =>
      void navigate({
        search: (prev) => ({ ...prev, ...databasesTableUrlPatch(patch) }),
        replace: true,
      }),
    [navigate],
  )
  return (
    <InstanceGate instance={instance}>
      <UsersDatabasesSupport instance={instance} what="Databases">
        <PanelSuspense label="Loading databases">
          <DatabasesPanel
            scope={{ ...scope, instanceId }}
            instance={instance}
            search={databasesTableSearch(search)}
            onSearchChange={setSearch}
          />
        </PanelSuspense>
      </UsersDatabasesSupport>
    </InstanceGate>
  )
}
