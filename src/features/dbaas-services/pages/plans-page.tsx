import { useCallback, useMemo } from 'react'
import { useSuspenseQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { serviceTypesQueryOptions } from '@/api/dbaas/queries'
import type { Plan } from '@/api/dbaas/schemas'
import { RequireDbaas } from '@/components/dbaas/require-dbaas'
import { DataTable } from '@/components/data-table/data-table'
import { Alert } from '@/components/ui/alert'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs'
import { useScope } from '@/hooks/use-session'
import { planColumns } from '../components/plan-columns'
import type { PlansSearch } from '../lib/plan-search'
import { typeLabel } from '../lib/service-labels'

const route = getRouteApi('/_app/services/plans')

/** Service types and their plans: a tab per engine, its plans side by side in one table. */
export function PlansPage() {
  return (
    <RequireDbaas title="Service types and plans">
      <PlansView />
    </RequireDbaas>
  )
}

function PlansView() {
  const scope = useScope()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const { data: types } = useSuspenseQuery(serviceTypesQueryOptions(scope))
  const columns = useMemo(() => planColumns(), [])
  const setSearch = useCallback(
    (patch: Partial<PlansSearch>) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  )
  const current = types.some((t) => t.name === search.type) ? search.type : types[0]?.name
  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title="Service types and plans"
        description="What each engine offers, and its plans compared side by side."
      />
      {types.length === 0 || current === undefined ? (
        <Alert>This cloud offers no service types.</Alert>
      ) : (
        <Tabs value={current} onValueChange={(type) => setSearch({ type })}>
          <TabsList aria-label="Service type">
            {types.map((t) => (
              <TabsTrigger key={t.name} value={t.name}>
                {typeLabel(t.name)}
              </TabsTrigger>
            ))}
          </TabsList>
          {types.map((t) => (
            <TabsContent key={t.name} value={t.name} className="grid gap-3 pt-4">
              <p className="text-sm text-muted-foreground">
                {t.description} · versions {(t['available-versions'] ?? []).join(', ') || '—'}
                {t['default-version'] ? ` (default ${t['default-version']})` : ''}
              </p>
              <DataTable
                label={`${typeLabel(t.name)} plans`}
                idPrefix={`plans-${t.name}`}
                csvName={`plans-${t.name}`}
                columns={columns}
                rows={t.plans ?? []}
                getRowId={planName}
                rowLabel={planName}
                search={search}
                onSearchChange={setSearch}
                noun={{ one: 'plan', other: 'plans' }}
                filterPlaceholder="Plan, family, zone"
                minWidth={880}
                empty={<EmptyState title={`${typeLabel(t.name)} has no plans here`} />}
              />
            </TabsContent>
          ))}
        </Tabs>
      )}
    </div>
  )
}

const planName = (p: Plan) => p.name
