import { ResourceActivity } from '@/components/activity/resource-activity'
import { StuckBadgeFor } from '@/components/status/stuck-badge'
import { useMemo, useState, type ReactNode } from 'react'
import { Link, getRouteApi, useNavigate } from '@tanstack/react-router'
import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { ArrowLeft, Copy, History, Trash2 } from 'lucide-react'
import { chainOf, childrenOf } from '@/api/rules/backup-chain'
import { backupQueryOptions, backupsQueryOptions } from '@/api/backups/queries'
import { isBackupRestorable, isBackupTransitional } from '@/api/backups/status'
import { instancesQueryOptions } from '@/api/instances/queries'
import { Button } from '@/components/ui/button'
import { PageHeader } from '@/components/ui/page-header'
import { useNow } from '@/hooks/use-now'
import { DateTimeAgo } from '@/components/date-time-ago'
import { useScope } from '@/hooks/use-session'
import { formatGb } from '@/lib/format'
import { BackupStatusBadge } from '@/components/status/backup-status-badge'
import { CopyBackupDialog } from '../components/copy-backup-dialog'
import { DeleteBackupDialog } from '../components/delete-backup-dialog'

const route = getRouteApi('/_app/backups/$backupId')

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-0.5 sm:grid-cols-[12rem_1fr] sm:gap-4">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="min-w-0 text-sm break-words">{children}</dd>
    </div>
  )
}

/** One backup: its fields, its incremental chain (parent -> children), restore, copy, delete. */
export function BackupDetailPage() {
  const { backupId } = route.useParams()
  const scope = useScope()
  const navigate = useNavigate()
  const { data: backup } = useSuspenseQuery(backupQueryOptions({ ...scope, id: backupId }))
  const backups = useQuery(backupsQueryOptions(scope))
  const instances = useQuery(instancesQueryOptions(scope))
  const now = useNow(isBackupTransitional(backup) ? 5000 : 60_000)
  const [copying, setCopying] = useState(false)
  const [deleting, setDeleting] = useState(false)

  const list = useMemo(() => {
    const l = backups.data ?? []
    return l.some((b) => b.id === backup.id) ? l : [...l, backup]
  }, [backups.data, backup])
  const { chain, missingParent } = chainOf(list, backup.id)
  const children = childrenOf(list, backup.id)
  const instance = instances.data?.find((i) => i.id === backup.instance_id)
  const restorable = isBackupRestorable(backup)

  return (
    <div className="grid gap-6">
      <PageHeader
        breadcrumbs={
          <nav aria-label="Breadcrumb" className="text-sm">
            <Link
              to="/backups"
              className="inline-flex items-center gap-1 text-muted-foreground hover:text-foreground"
            >
              <ArrowLeft aria-hidden="true" className="size-4" />
              Backups
            </Link>
          </nav>
        }
        title={backup.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <BackupStatusBadge status={backup.status} id={backup.id} />
            <StuckBadgeFor kind="backup" id={backup.id} />
            <span>{backup.parent_id ? 'Incremental backup' : 'Full backup'}</span>
          </span>
        }
        actions={
          <>
            {restorable ? (
              <Button asChild>
                <Link to="/instances/new" search={{ restoreFrom: backup.id }}>
                  <History aria-hidden="true" className="size-4" />
                  Restore
                </Link>
              </Button>
            ) : (
              <Button disabled title="Only a completed backup can be restored">
                <History aria-hidden="true" className="size-4" />
                Restore
              </Button>
            )}
            <Button
              variant="outline"
              disabled={backup.status !== 'COMPLETED'}
              title={
                backup.status !== 'COMPLETED' ? 'Only a completed backup can be copied' : undefined
              }
              onClick={() => setCopying(true)}
            >
              <Copy aria-hidden="true" className="size-4" />
              Copy to region
            </Button>
            <Button
              variant="outline"
              disabled={isBackupTransitional(backup)}
              title={
                isBackupTransitional(backup) ? 'A running backup cannot be deleted' : undefined
              }
              onClick={() => setDeleting(true)}
            >
              <Trash2 aria-hidden="true" className="size-4" />
              Delete
            </Button>
          </>
        }
      />

      <section aria-labelledby="backup-details" className="grid gap-3 rounded-lg border p-4 sm:p-5">
        <h2 id="backup-details" className="text-base font-semibold">
          Details
        </h2>
        <dl className="grid gap-3">
          <Row label="ID">
            <span className="font-mono">{backup.id}</span>
          </Row>
          <Row label="Description">{backup.description || '—'}</Row>
          <Row label="Instance">
            {backup.instance_id ? (
              instance ? (
                <Link
                  to="/instances/$instanceId"
                  params={{ instanceId: instance.id }}
                  className="text-link underline-offset-4 hover:underline"
                >
                  {instance.name}
                </Link>
              ) : (
                <span>
                  <span className="font-mono">{backup.instance_id}</span>{' '}
                  <span className="text-muted-foreground">(deleted or in another region)</span>
                </span>
              )
            ) : (
              '— (a copy, or registered from another location)'
            )}
          </Row>
          {backup.source?.type === 'ha' ? (
            <Row label="Source">HA instance {backup.source.id}</Row>
          ) : null}
          <Row label="Datastore">
            {backup.datastore ? `${backup.datastore.type} ${backup.datastore.version}` : '—'}
          </Row>
          <Row label="Size">{formatGb(backup.size)}</Row>
          <Row label="Created">
            <DateTimeAgo value={backup.created} now={now} />
          </Row>
          <Row label="Updated">
            <DateTimeAgo value={backup.updated} now={now} />
          </Row>
          <Row label="Location">
            <span className="font-mono text-xs">{backup.locationRef ?? '—'}</span>
          </Row>
        </dl>
      </section>

      <section aria-labelledby="backup-chain" className="grid gap-3 rounded-lg border p-4 sm:p-5">
        <h2 id="backup-chain" className="text-base font-semibold">
          Incremental chain
        </h2>
        <p className="text-sm text-muted-foreground">
          A restore applies the chain from the full backup down to this one. Deleting a backup
          deletes the incremental backups below it.
        </p>
        <ol aria-label="Restore chain" className="grid gap-1 text-sm">
          {missingParent ? (
            <li className="text-muted-foreground">
              Parent <span className="font-mono">{missingParent}</span> (not listed)
            </li>
          ) : null}
          {chain.map((b, i) => (
            <li
              key={b.id}
              style={{ paddingLeft: `${i * 1.25}rem` }}
              className="flex items-center gap-2"
            >
              <span aria-hidden="true" className="text-muted-foreground">
                {i === 0 && !missingParent ? '●' : '↳'}
              </span>
              {b.id === backup.id ? (
                <span className="font-medium" aria-current="true">
                  {b.name} (this backup)
                </span>
              ) : (
                <Link
                  to="/backups/$backupId"
                  params={{ backupId: b.id }}
                  className="text-link underline-offset-4 hover:underline"
                >
                  {b.name}
                </Link>
              )}
              <BackupStatusBadge status={b.status} id={b.id} />
            </li>
          ))}
        </ol>
        <h3 className="text-sm font-semibold">Incremental backups built on this one</h3>
        {children.length === 0 ? (
          <p className="text-sm text-muted-foreground">None.</p>
        ) : (
          <ul aria-label="Incremental backups built on this one" className="grid gap-1 text-sm">
            {children.map((c) => (
              <li key={c.id} className="flex items-center gap-2">
                <Link
                  to="/backups/$backupId"
                  params={{ backupId: c.id }}
                  className="text-link underline-offset-4 hover:underline"
                >
                  {c.name}
                </Link>
                <BackupStatusBadge status={c.status} id={c.id} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <ResourceActivity kind="backup" id={backup.id} name={backup.name} />

      <CopyBackupDialog scope={scope} backup={backup} open={copying} onOpenChange={setCopying} />
      <DeleteBackupDialog
        scope={scope}
        backup={backup}
        open={deleting}
        onOpenChange={setDeleting}
        onDeleted={() => void navigate({ to: '/backups' })}
      />
    </div>
  )
}
