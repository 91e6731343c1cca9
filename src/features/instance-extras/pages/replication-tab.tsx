import { useCallback, useMemo, useState } from 'react'
import { getRouteApi } from '@tanstack/react-router'
import { useSuspenseQuery } from '@tanstack/react-query'
import { Copy, GitBranch, LogOut } from 'lucide-react'
import { instanceQueryOptions, instancesQueryOptions } from '@/api/instances/queries'
import {
  useCreateReplicas,
  useDetachReplica,
  useEjectReplicaSource,
  usePromoteReplica,
} from '@/api/replication/mutations'
import { instanceRequests } from '@/api/instances/requests'
import type { Instance } from '@/api/instances/schemas'
import { InstanceChangePreview } from '@/components/change-preview'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { DataTable } from '@/components/data-table/data-table'
import type { RowAction } from '@/components/data-table/row-actions-menu'
import { InstanceStatusBadges } from '@/components/status/instance-status-badge'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { useScope } from '@/hooks/use-session'
import { MemberName, replicaColumns } from '../components/replica-columns'
import { memberId, memberName, type ReplicationSearch } from '../lib/replica-list'
import {
  memberIds,
  replicationTopology,
  sourceLooksFailed,
  topologyBusy,
  type Member,
} from '../lib/topology'

const route = getRouteApi('/_app/instances/$instanceId/replication')
const NOUN = { one: 'replica', other: 'replicas' }

type Pending =
  | { kind: 'create' }
  | { kind: 'promote'; member: Member }
  | { kind: 'detach'; member: Member }
  | { kind: 'eject' }

/**
 * The instance page's Replication tab: the replication set (the source, then its replicas in a
 * table, each linked), and its changes: create replicas, promote a replica, eject a failed
 * source, detach a replica. Each is confirmed and followed in the task tray.
 */
export function ReplicationTab() {
  const { instanceId } = route.useParams()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const scope = useScope()
  const { data: instance } = useSuspenseQuery(instanceQueryOptions({ ...scope, id: instanceId }))
  const { data: list } = useSuspenseQuery(instancesQueryOptions(scope))
  const [pending, setPending] = useState<Pending | null>(null)
  const setSearch = useCallback(
    (patch: Partial<ReplicationSearch>) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  )

  const topology = useMemo(() => replicationTopology(instance, list), [instance, list])
  const busy = topologyBusy(topology)
  const failed = sourceLooksFailed(topology.primary)
  const primary = topology.primary
  const standalone = topology.replicas.length === 0
  const columns = useMemo(() => replicaColumns(instanceId), [instanceId])
  const rowActions = useMemo<RowAction<Member>[]>(
    () => [
      {
        label: 'Open',
        onSelect: (m) =>
          void navigate({ to: '/instances/$instanceId', params: { instanceId: m.id } }),
        disabledReason: (m) => (m.known ? undefined : 'Not in this project and region.'),
      },
      {
        label: 'Promote',
        onSelect: (m) => setPending({ kind: 'promote', member: m }),
        disabledReason: () =>
          busy
            ? 'The replication set is changing.'
            : failed
              ? 'The source has failed: eject it instead.'
              : undefined,
      },
      {
        label: 'Detach',
        destructive: true,
        onSelect: (m) => setPending({ kind: 'detach', member: m }),
        disabledReason: () => (busy ? 'The replication set is changing.' : undefined),
      },
    ],
    [navigate, busy, failed],
  )
  const createButton = (
    <Button onClick={() => setPending({ kind: 'create' })} disabled={busy || !primary.known}>
      <Copy aria-hidden="true" className="size-4" />
      Create replica
    </Button>
  )

  return (
    <section aria-labelledby="replication-heading" className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="replication-heading" className="text-lg font-semibold">
          Replication
        </h2>
        {standalone ? null : createButton}
      </div>
      {busy ? (
        <Alert variant="info" title="The replication set is changing">
          Members show PROMOTE, EJECT, DETACH or BUILD until the cloud settles them; new changes
          wait until then.
        </Alert>
      ) : null}
      {standalone ? (
        <EmptyState
          icon={GitBranch}
          headingLevel={3}
          title="This instance has no replicas"
          description="A replica is a read-only copy that follows this instance. It can be promoted to replace the source, or detached to become a standalone instance."
          action={createButton}
        />
      ) : (
        <>
          <div
            role="group"
            aria-label="Replica source"
            className="flex flex-wrap items-center justify-between gap-2 rounded-lg border p-4"
          >
            <div className="grid gap-1">
              <span className="text-xs font-medium text-muted-foreground uppercase">
                Replica source
              </span>
              <span className="flex flex-wrap items-center gap-2">
                <MemberName member={primary} current={primary.id === instanceId} />
                <InstanceStatusBadges status={primary.status} operatingStatus={primary.operating} />
              </span>
            </div>
            {failed && !busy ? (
              <Button
                size="sm"
                variant="destructive"
                aria-label={`Eject ${primary.name}`}
                onClick={() => setPending({ kind: 'eject' })}
              >
                <LogOut aria-hidden="true" className="size-4" />
                Eject source
              </Button>
            ) : null}
          </div>
          <DataTable
            label={`Replicas of ${primary.name}`}
            idPrefix="replicas"
            columns={columns}
            rows={topology.replicas}
            getRowId={memberId}
            rowLabel={memberName}
            search={search}
            onSearchChange={setSearch}
            noun={NOUN}
            minWidth={480}
            csvName={`replicas-${primary.name}`}
            rowActions={rowActions}
            empty={null}
          />
        </>
      )}
      {failed && !standalone && !busy ? (
        <Alert variant="warning" title="The replica source is not healthy">
          If it does not come back, eject it: the most current replica becomes the new source and
          the others follow it.
        </Alert>
      ) : null}
      <CreateReplicaDialog
        open={pending?.kind === 'create'}
        onOpenChange={(o) => setPending(o ? { kind: 'create' } : null)}
        source={{ id: primary.id, name: primary.name }}
        sourceInstance={list.find((i) => i.id === primary.id)}
      />
      <PromoteDialog
        pending={pending?.kind === 'promote' ? pending.member : undefined}
        list={list}
        members={memberIds(topology)}
        sourceName={primary.name}
        onClose={() => setPending(null)}
      />
      <DetachDialog
        pending={pending?.kind === 'detach' ? pending.member : undefined}
        list={list}
        sourceName={primary.name}
        onClose={() => setPending(null)}
      />
      <EjectDialog
        open={pending?.kind === 'eject'}
        source={primary}
        list={list}
        members={memberIds(topology)}
        onClose={() => setPending(null)}
      />
    </section>
  )
}

function CreateReplicaDialog({
  open,
  onOpenChange,
  source,
  sourceInstance,
}: {
  open: boolean
  onOpenChange: (o: boolean) => void
  source: { id: string; name: string }
  /** The source as the project's list has it: the preview reads its datastore and flavor. */
  sourceInstance: Instance | undefined
}) {
  const scope = useScope()
  const m = useCreateReplicas(scope)
  const [name, setName] = useState('')
  const [count, setCount] = useState(1)
  const finalName = name.trim() || `${source.name}-replica`
  const nameError = /[0-9a-zA-Z]/.test(finalName) ? undefined : 'The name needs a letter or digit.'
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(o) => {
        if (!o) m.reset()
        onOpenChange(o)
      }}
      title={`Create a replica of ${source.name}`}
      description="Replicas get the source's datastore version, flavor and volume size, and follow its data. With more than one, the cloud names them name-1, name-2 …"
      confirmLabel={count > 1 ? `Create ${count} replicas` : 'Create replica'}
      confirmVariant="default"
      confirmDisabled={nameError !== undefined}
      twin={instanceRequests.createReplicas(source.id, finalName, count)}
      pending={m.isPending}
      error={m.error}
      onConfirm={() =>
        m.mutate(
          { source, name: finalName, count },
          {
            onSuccess: () => {
              setName('')
              setCount(1)
              onOpenChange(false)
            },
          },
        )
      }
    >
      <Field label="Replica name" description={`Default: ${source.name}-replica`} error={nameError}>
        <Input
          value={name}
          placeholder={`${source.name}-replica`}
          onChange={(e) => setName(e.target.value)}
          maxLength={255}
        />
      </Field>
      <Field label="Number of replicas">
        <Select value={String(count)} onChange={(e) => setCount(Number(e.target.value))}>
          {[1, 2, 3].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </Field>
      {sourceInstance ? (
        <InstanceChangePreview
          scope={scope}
          action="create-replica"
          instance={sourceInstance}
          open={open}
          extras={{ replicaName: finalName, count }}
        />
      ) : null}
    </ConfirmDialog>
  )
}

/** The change preview of a replication action on `member`, when the list has it. */
function MemberPreview({
  action,
  member,
  list,
}: {
  action: 'promote' | 'detach' | 'eject'
  member: Member | undefined
  list: readonly Instance[]
}) {
  const scope = useScope()
  const instance = member ? list.find((i) => i.id === member.id) : undefined
  return instance ? (
    <InstanceChangePreview scope={scope} action={action} instance={instance} open />
  ) : null
}

function PromoteDialog({
  pending,
  list,
  members,
  sourceName,
  onClose,
}: {
  pending: Member | undefined
  list: readonly Instance[]
  members: string[]
  sourceName: string
  onClose: () => void
}) {
  const scope = useScope()
  const m = usePromoteReplica(scope)
  return (
    <ConfirmDialog
      open={pending !== undefined}
      onOpenChange={(o) => {
        if (!o) {
          m.reset()
          onClose()
        }
      }}
      title={`Promote ${pending?.name ?? ''} to replica source?`}
      description={`${pending?.name ?? ''} becomes the source; ${sourceName} becomes its replica and the other replicas follow it. Every member shows PROMOTE while the cloud switches them over; writes pause meanwhile.`}
      confirmLabel="Promote"
      twin={pending ? instanceRequests.promote(pending.id) : undefined}
      confirmVariant="default"
      pending={m.isPending}
      error={m.error}
      onConfirm={() => {
        if (!pending) return
        m.mutate({ replica: pending, members }, { onSuccess: onClose })
      }}
    >
      <MemberPreview action="promote" member={pending} list={list} />
    </ConfirmDialog>
  )
}

function DetachDialog({
  pending,
  list,
  sourceName,
  onClose,
}: {
  pending: Member | undefined
  list: readonly Instance[]
  sourceName: string
  onClose: () => void
}) {
  const scope = useScope()
  const m = useDetachReplica(scope)
  return (
    <ConfirmDialog
      open={pending !== undefined}
      onOpenChange={(o) => {
        if (!o) {
          m.reset()
          onClose()
        }
      }}
      title={`Detach ${pending?.name ?? ''} from ${sourceName}?`}
      description="It stops following the source and becomes a standalone, writable instance with the data it has now. It cannot be attached again."
      confirmLabel="Detach"
      twin={pending ? instanceRequests.detach(pending.id) : undefined}
      confirmVariant="destructive"
      pending={m.isPending}
      error={m.error}
      onConfirm={() => {
        if (!pending) return
        m.mutate({ replica: pending }, { onSuccess: onClose })
      }}
    >
      <MemberPreview action="detach" member={pending} list={list} />
    </ConfirmDialog>
  )
}

function EjectDialog({
  open,
  source,
  list,
  members,
  onClose,
}: {
  open: boolean
  source: Member
  list: readonly Instance[]
  members: string[]
  onClose: () => void
}) {
  const scope = useScope()
  const m = useEjectReplicaSource(scope)
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(o) => {
        if (!o) {
          m.reset()
          onClose()
        }
      }}
      title={`Eject ${source.name} from its replication set?`}
      description="For a source that has failed: the most current replica is elected the new source, the other replicas follow it, and this instance leaves the set. The cloud refuses while the source still sends heartbeats."
      confirmLabel="Eject source"
      twin={instanceRequests.eject(source.id)}
      confirmVariant="destructive"
      pending={m.isPending}
      error={m.error}
      onConfirm={() => m.mutate({ source, members }, { onSuccess: onClose })}
    >
      {open ? <MemberPreview action="eject" member={source} list={list} /> : null}
    </ConfirmDialog>
  )
}
