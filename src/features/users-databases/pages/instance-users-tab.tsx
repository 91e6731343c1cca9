import { useCallback } from 'react'
import { getRouteApi } from '@tanstack/react-router'
import { useSuspenseQuery } from '@tanstack/react-query'
import { instanceQueryOptions } from '@/api/instances/queries'
import type { TableSearch } from '@/components/data-table/search'
import { useScope } from '@/hooks/use-session'
import { InstanceGate } from '../components/instance-gate'
import { PanelSuspense } from '../components/panel-suspense'
import { UsersDatabasesSupport } from '../components/sql-managed-notice'
import { RootPanel } from '../components/root-panel'
import { UsersPanel } from '../components/users-panel'
import { usersTableSearch, usersTableUrlPatch } from '../lib/table-search'
import type { UserSortColumn } from '../lib/user-database-list'

const route = getRouteApi('/_app/instances/$instanceId/users')

/** The instance page's Users tab: database users, then the root user. */
export function InstanceUsersTab() {
  const { instanceId } = route.useParams()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const scope = useScope()
  const { data: instance } = useSuspenseQuery(instanceQueryOptions({ ...scope, id: instanceId }))
  const iscope = { ...scope, instanceId }
  const setSearch = useCallback(
    (patch: Partial<TableSearch<UserSortColumn>>) =>
      void navigate({
        search: (prev) => ({ ...prev, ...usersTableUrlPatch(patch) }),
        replace: true,
      }),
    [navigate],
  )
  return (
    <InstanceGate instance={instance}>
      <div className="grid gap-8">
        <UsersDatabasesSupport instance={instance} what="Users">
          <PanelSuspense label="Loading users">
            <UsersPanel
              scope={iscope}
              instance={instance}
              search={usersTableSearch(search)}
              onSearchChange={setSearch}
            />
          </PanelSuspense>
        </UsersDatabasesSupport>
        <PanelSuspense label="Loading root status">
          <RootPanel scope={iscope} instance={instance} />
        </PanelSuspense>
      </div>
    </InstanceGate>
  )
}
