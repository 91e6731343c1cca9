import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { useCallback, useMemo } from 'react'
import { JOURNAL_RESOURCE_KINDS } from '@/api/rules/journal-filters'
import { JournalView } from '@/components/activity/journal-view'
import { FilterSelect } from '@/components/data-table/filter-select'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import { PageHeader } from '@/components/ui/page-header'
import { useRequiredSession } from '@/hooks/use-session'
import {
  activitySearchDefaults,
  journalFiltersOf,
  type ActivitySearch,
} from '../lib/activity-search'

const route = getRouteApi('/_app/activity')

const STATUS_OPTIONS = [
  { value: '2xx', label: 'Succeeded (2xx)' },
  { value: '4xx', label: 'Refused (4xx)' },
  { value: '5xx', label: 'Failed (5xx)' },
  { value: 'ERROR', label: 'Reached ERROR' },
  { value: 'FAILED', label: 'Reached FAILED' },
]

/** A text filter that applies on Enter or when it loses focus (one request per filter, not per key). */
function TextFilter({
  id,
  label,
  value,
  placeholder,
  onApply,
}: {
  id: string
  label: string
  value: string
  placeholder: string
  onApply: (value: string) => void
}) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input
        key={value}
        id={id}
        defaultValue={value}
        placeholder={placeholder}
        onBlur={(e) => e.target.value.trim() !== value && onApply(e.target.value.trim())}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onApply(e.currentTarget.value.trim())
        }}
      />
    </div>
  )
}

/**
 * The project's Activity: the operations journal of the scope (who changed what, status changes
 * and how long they took), filtered by URL, live while open, exportable.
 */
export function ActivityPage() {
  const session = useRequiredSession()
  const search = route.useSearch()
  const navigate = useNavigate({ from: '/activity' })
  const setSearch = useCallback(
    (patch: Partial<ActivitySearch>) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  )
  const filters = useMemo(() => journalFiltersOf(search), [search])
  const clear = useCallback(
    () =>
      setSearch({
        kind: activitySearchDefaults.kind,
        resource: '',
        actor: '',
        action: '',
        status: '',
        type: '',
        from: '',
        to: '',
      }),
    [setSearch],
  )

  return (
    <div className="grid gap-6">
      <PageHeader
        title="Activity"
        description={`What was changed in project ${session.project.name} (${search.region ?? session.region}), by whom, and every status change of its instances, backups and services.`}
      />
      <JournalView
        filters={filters}
        search={search}
        onSearchChange={setSearch}
        showResource
        idPrefix="activity"
        label="Activity"
        exportName={`activity-${session.project.name}`}
        onClearFilters={clear}
        filterBar={
          <>
            <FilterSelect
              id="activity-kind"
              label="Resource"
              allLabel="All resources"
              value={search.kind}
              options={JOURNAL_RESOURCE_KINDS}
              onChange={(kind) => setSearch({ kind: kind as ActivitySearch['kind'] })}
            />
            <FilterSelect
              id="activity-type"
              label="Entries"
              allLabel="Changes and status"
              value={search.type}
              options={[
                { value: 'request', label: 'Changes made' },
                { value: 'transition', label: 'Status changes' },
              ]}
              onChange={(type) => setSearch({ type: type as ActivitySearch['type'] })}
            />
            <FilterSelect
              id="activity-status"
              label="Outcome"
              allLabel="Any outcome"
              value={search.status}
              options={STATUS_OPTIONS}
              onChange={(status) => setSearch({ status })}
            />
            <TextFilter
              id="activity-actor"
              label="Who"
              value={search.actor}
              placeholder="user name"
              onApply={(actor) => setSearch({ actor })}
            />
            <TextFilter
              id="activity-action"
              label="Action"
              value={search.action}
              placeholder="restart, create…"
              onApply={(action) => setSearch({ action })}
            />
            <TextFilter
              id="activity-resource"
              label="Resource id or name"
              value={search.resource}
              placeholder="id or name"
              onApply={(resource) => setSearch({ resource })}
            />
            <div className="grid gap-1.5">
              <Label htmlFor="activity-from">From</Label>
              <Input
                id="activity-from"
                type="datetime-local"
                value={search.from}
                onChange={(e) => setSearch({ from: e.target.value })}
              />
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="activity-to">To</Label>
              <Input
                id="activity-to"
                type="datetime-local"
                value={search.to}
                onChange={(e) => setSearch({ to: e.target.value })}
              />
            </div>
          </>
        }
      />
    </div>
  )
}
