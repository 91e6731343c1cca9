import { useEffect, useMemo } from 'react'
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query'
import { toast } from '@/lib/toast'
import { backupQueryOptions, useBackupPoller } from '@/api/backups/queries'
import { backupTaskOutcome } from '@/api/backups/status'
import { backupKeys } from '@/api/backups/keys'
import { ApiError } from '@/api/errors'
import { instanceQueryOptions, useInstancePoller } from '@/api/instances/queries'
import { taskOutcome } from '@/api/instances/status'
import { DBAAS_POLL_MS, operationQueryOptions } from '@/api/dbaas/queries'
import { dbaasKeys } from '@/api/dbaas/keys'
import { operationPollMs } from '@/api/dbaas/status'
import { useSession } from '@/hooks/use-session'
import { useNow } from '@/hooks/use-now'
import { mgmtAsInstance, mgmtInstanceQueryOptions } from '@/api/mgmt/queries'
import { getTasks, settleTask, type TrackedTask } from '@/api/tasks/task-store'
import { runFinalBackupFollowUp } from './final-backup-follow-up'
import {
  settledBackupMessage,
  settledFinalBackupMessage,
  settledMessage,
  settledMgmtMessage,
} from './task-messages'
import { useTasks } from './use-tasks'

/**
 * Runs the resource pollers of the signed-in scope (and of every region a running task is in),
 * and settles running tasks from the caches those pollers feed: each task reads its resource's
 * detail query (the one the detail page reads, the poller writes; a first read only when no cache
 * has it), never a list of its own. Only the signed-in project can be read; tasks of another
 * project wait until the user switches back. Rendered once, in the shell.
 */
export function TaskWatcher() {
  const session = useSession()
  const tasks = useTasks()
  if (!session || session.expired) return null
  const groups = new Map<
    string,
    { kind: 'instance' | 'backup' | 'mgmt-instance'; region: string; list: TrackedTask[] }
  >()
  const operations: TrackedTask[] = []
  for (const t of tasks) {
    if (t.state !== 'running' || t.resource.projectId !== session.project.id) continue
    if (t.resource.kind === 'dbaas-operation') {
      operations.push(t)
      continue
    }
    const key = `${t.resource.kind}/${t.resource.region}`
    const group = groups.get(key) ?? { kind: t.resource.kind, region: t.resource.region, list: [] }
    group.list.push(t)
    groups.set(key, group)
  }
  const regions = new Set([session.region, ...[...groups.values()].map((g) => g.region)])
  return (
    <>
      {[...regions].map((region) => (
        <ScopePollers key={region} projectId={session.project.id} region={region} />
      ))}
      {operations.map((t) => (
        <DbaasOperationWatcher key={t.id} projectId={session.project.id} task={t} />
      ))}
      {[...groups].map(([key, g]) =>
        g.kind === 'mgmt-instance' ? (
          <MgmtInstanceScopeWatcher
            key={key}
            projectId={session.project.id}
            region={g.region}
            tasks={g.list}
          />
        ) : g.kind === 'backup' ? (
          <BackupScopeWatcher
            key={key}
            projectId={session.project.id}
            region={g.region}
            tasks={g.list}
          />
        ) : (
          <InstanceScopeWatcher
            key={key}
            projectId={session.project.id}
            region={g.region}
            tasks={g.list}
          />
        ),
      )}
    </>
  )
}

interface ScopeProps {
  projectId: string
  region: string
  tasks: TrackedTask[]
}

/** Settles and toasts once (StrictMode and quick re-renders may ask twice); true if it did. */
function settleOnce(
  task: TrackedTask,
  outcome: 'succeeded' | 'failed',
  message: { title: string; detail: string },
  gone: boolean,
): boolean {
  if (getTasks().find((t) => t.id === task.id)?.state !== 'running') return false
  settleTask(task.id, outcome, message.detail, { gone })
  if (outcome === 'succeeded') toast.success(message.title)
  else toast.error(message.title, { duration: 15_000 })
  return true
}

/** How often a backup whose delete was accepted is read until the cloud no longer has it. */
const DELETE_CHECK_MS = 2000

/** The instance and backup pollers of one scope; they send nothing while nothing moves. */
function ScopePollers({ projectId, region }: { projectId: string; region: string }) {
  const scope = useMemo(() => ({ projectId, region }), [projectId, region])
  useInstancePoller(scope)
  useBackupPoller(scope)
  return null
}

/** The resource as the cache has it: undefined while unread, null once the cloud says 404. */
function cached<T>(r: { data: T | undefined; error: unknown }): T | null | undefined {
  if (r.error instanceof ApiError && r.error.kind === 'not-found') return null
  return r.data
}

/** Every task's read, as one array that keeps its identity while no read changes. */
function cachedAll<T>(rs: { data: T | undefined; error: unknown }[]): (T | null | undefined)[] {
  return rs.map(cached)
}

function InstanceScopeWatcher({ projectId, region, tasks }: ScopeProps) {
  const reads = useQueries({
    queries: tasks.map((t) => instanceQueryOptions({ projectId, region, id: t.resource.id })),
    combine: cachedAll,
  })
  // Outcomes depend on time too (grace periods), so look again every few seconds.
  const now = useNow(3000)

  useEffect(() => {
    tasks.forEach((task, n) => {
      const read = reads[n]
      if (read === undefined) return
      const instance = read ?? undefined
      const outcome = taskOutcome(task.action, instance, task.startedAt, now)
      if (outcome === 'running') return
      settleOnce(task, outcome, settledMessage(task, outcome, instance), !instance)
    })
  }, [reads, tasks, now])

  return null
}

/**
 * Admin actions on instances of any project: read through the mgmt API (the detail query the
 * admin instance page reads and polls while the instance moves), settled by the tenant rules.
 */
function MgmtInstanceScopeWatcher({ projectId, region, tasks }: ScopeProps) {
  const reads = useQueries({
    queries: tasks.map((t) => mgmtInstanceQueryOptions({ projectId, region }, t.resource.id)),
    combine: cachedAll,
  })
  const now = useNow(3000)

  useEffect(() => {
    tasks.forEach((task, n) => {
      const read = reads[n]
      if (read === undefined) return
      const instance = read ? mgmtAsInstance(read) : undefined
      const outcome = taskOutcome(task.action, instance, task.startedAt, now)
      if (outcome === 'running') return
      settleOnce(task, outcome, settledMgmtMessage(task, outcome, instance), !instance)
    })
  }, [reads, tasks, now])

  return null
}

function BackupScopeWatcher({ projectId, region, tasks }: ScopeProps) {
  const client = useQueryClient()
  const reads = useQueries({
    queries: tasks.map((t) => ({
      ...backupQueryOptions({ projectId, region, id: t.resource.id }),
      // A delete Trove accepted is carried out a moment later: read the backup until it is gone.
      refetchInterval: t.action === 'delete-backup' ? DELETE_CHECK_MS : undefined,
    })),
    combine: cachedAll,
  })
  const now = useNow(3000)

  useEffect(() => {
    tasks.forEach((task, n) => {
      const read = reads[n]
      if (read === undefined) return
      const backup = read ?? undefined
      const outcome = backupTaskOutcome(task.action, backup, task.startedAt, now)
      if (outcome === 'running') return
      const message = task.then
        ? settledFinalBackupMessage(task, outcome, backup)
        : settledBackupMessage(task, outcome, backup)
      const settled = settleOnce(task, outcome, message, !backup)
      // Safe delete: the instance goes only once its final backup is COMPLETED.
      if (settled && task.then && outcome === 'succeeded') {
        void runFinalBackupFollowUp(client, { projectId, region }, task.then)
      }
      if (task.action === 'delete-backup') {
        // Gone now: the lists that still showed it (the project's and its HA group's) re-read.
        void client.invalidateQueries({ queryKey: backupKeys.list({ projectId, region }) })
        void client.invalidateQueries({ queryKey: backupKeys.haLists({ projectId, region }) })
      }
    })
  }, [reads, tasks, now, client, projectId, region])

  return null
}

/**
 * Follows one DBaaS management API operation (`GET /operation/{id}`) until it succeeds or
 * fails, backing off as the official clients do; then refreshes what the operation changed.
 */
function DbaasOperationWatcher({ projectId, task }: { projectId: string; task: TrackedTask }) {
  const client = useQueryClient()
  const scope = { projectId, region: task.resource.region }
  const { data, error } = useQuery({
    ...operationQueryOptions(scope, task.resource.id),
    refetchInterval: (q) =>
      operationPollMs(q.state.data, task.startedAt, Date.now(), DBAAS_POLL_MS),
  })
  useEffect(() => {
    const notFound = error && 'status' in error && error.status === 404
    if (!data && !notFound) return
    if (data?.state === 'pending') return
    const ok = data?.state === 'success'
    const reason =
      data?.message ?? data?.reason ?? (notFound ? 'The operation is no longer known.' : '')
    settleOnce(
      task,
      ok ? 'succeeded' : 'failed',
      {
        title: ok ? `${task.label}: done` : `${task.label} failed`,
        detail: ok ? 'Done.' : reason || 'The cloud reported a failure.',
      },
      false,
    )
    void client.invalidateQueries({ queryKey: dbaasKeys.scope(scope) })
    // scope is rebuilt each render from stable parts
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, error, task, client])
  return null
}
