import { Link } from '@tanstack/react-router'
import { entryOutcome } from '@/api/journal/format'
import type { JournalEntry } from '@/api/journal/schemas'
import type { DataTableColumn } from '@/components/data-table/columns'
import { ProjectName, UserName } from '@/components/identity-name'
import { formatDateTime, formatRelativeTime } from '@/lib/format'

export const journalEntryId = (e: JournalEntry) => String(e.id)
export const journalEntryLabel = (e: JournalEntry) =>
  `${e.action} ${e.resourceKind} ${e.resourceName ?? e.resourceId ?? ''}`.trim()

/** Newest first when times tie. */
export const journalTieBreak = (a: JournalEntry, b: JournalEntry) => b.id - a.id

export function actorText(e: JournalEntry): string {
  if (e.kind === 'transition')
    return e.source === 'watcher' ? 'cloud (seen by the watcher)' : 'cloud'
  if (!e.userName) return 'unknown token'
  return e.projectName ? `${e.userName} · ${e.projectName}` : e.userName
}

/**
 * Who did it: the user's name (id on hover), then the project's, on one line: the table cuts a
 * cell's one line short with an ellipsis (a second line would be clipped without one).
 */
function ActorCell({ e }: { e: JournalEntry }) {
  if (e.kind === 'transition' || (!e.userId && !e.userName)) return actorText(e)
  return (
    <>
      <UserName id={e.userId} knownName={e.userName} />
      {e.projectId || e.projectName ? (
        <span className="text-xs text-muted-foreground">
          {' · '}
          <ProjectName id={e.projectId} knownName={e.projectName} />
        </span>
      ) : null}
    </>
  )
}

function ResourceCell({ e }: { e: JournalEntry }) {
  const label = e.resourceName ?? e.resourceId ?? '—'
  if (e.resourceId && e.resourceKind === 'instance') {
    return (
      <Link
        to="/instances/$instanceId"
        params={{ instanceId: e.resourceId }}
        className="underline-offset-2 hover:underline"
      >
        {label}
      </Link>
    )
  }
  if (e.resourceId && e.resourceKind === 'backup') {
    return (
      <Link
        to="/backups/$backupId"
        params={{ backupId: e.resourceId }}
        className="underline-offset-2 hover:underline"
      >
        {label}
      </Link>
    )
  }
  if (e.resourceId && e.resourceKind === 'service') {
    return (
      <Link
        to="/services/$serviceName"
        params={{ serviceName: e.resourceId }}
        className="underline-offset-2 hover:underline"
      >
        {label}
      </Link>
    )
  }
  return label
}

/** Columns of a journal list (the Activity page, and the Activity tab of a resource). */
export function journalColumns(
  now: number,
  opts: { showResource: boolean },
): DataTableColumn<JournalEntry>[] {
  const cols: DataTableColumn<JournalEntry>[] = [
    {
      id: 'at',
      header: 'When',
      className: 'w-[17%]',
      hideable: false,
      sortValue: (e) => e.at,
      csv: (e) => e.at,
      cell: (e) => (
        <time dateTime={e.at} title={formatDateTime(e.at, { seconds: true })}>
          {formatRelativeTime(e.at, now)}
        </time>
      ),
    },
    {
      id: 'actor',
      header: 'Who',
      className: 'w-[16%]',
      sortValue: actorText,
      filterText: (e) => [
        e.userName ?? undefined,
        e.userId ?? undefined,
        e.projectName ?? undefined,
        e.projectId ?? undefined,
      ],
      cell: (e) => <ActorCell e={e} />,
    },
  ]
  if (opts.showResource) {
    cols.push({
      id: 'resource',
      header: 'Resource',
      className: 'w-[20%]',
      sortValue: (e) => `${e.resourceKind} ${e.resourceName ?? e.resourceId ?? ''}`,
      filterText: (e) => [e.resourceKind, e.resourceId ?? undefined, e.resourceName ?? undefined],
      // One line (the kind, then the name): the table's ellipsis and title apply to it.
      cell: (e) => (
        <>
          <span className="text-xs text-muted-foreground">{e.resourceKind} </span>
          <ResourceCell e={e} />
        </>
      ),
    })
  }
  cols.push(
    {
      id: 'action',
      header: 'Action',
      className: 'w-[14%]',
      sortValue: (e) => e.action,
      filterText: (e) => [e.action, e.method ?? undefined],
      cell: (e) => (e.kind === 'transition' ? 'status change' : e.action),
    },
    {
      id: 'outcome',
      header: 'Outcome',
      className: 'w-[17%]',
      sortValue: entryOutcome,
      filterText: (e) => [entryOutcome(e), e.toStatus ?? undefined],
      cell: (e) => (
        <span className={e.status !== null && e.status >= 400 ? 'text-danger' : undefined}>
          {entryOutcome(e)}
        </span>
      ),
    },
    {
      id: 'request',
      header: 'Request id',
      defaultHidden: true,
      sortValue: (e) => e.requestId ?? undefined,
      filterText: (e) => e.requestId ?? undefined,
      cell: (e) => <span className="font-mono text-xs break-all">{e.requestId ?? '—'}</span>,
    },
    {
      id: 'summary',
      header: 'Details',
      className: 'w-[16%]',
      csv: (e) => (e.summary === null ? undefined : JSON.stringify(e.summary)),
      filterText: (e) => (e.summary === null ? undefined : JSON.stringify(e.summary)),
      cell: (e) =>
        e.summary === null ? (
          '—'
        ) : (
          <code className="font-mono text-xs">{JSON.stringify(e.summary)}</code>
        ),
    },
  )
  return cols
}
