import { useEffect, useMemo } from 'react'
import { useQueries } from '@tanstack/react-query'
import { useBackupPoller } from '@/api/backups/queries'
import { instanceQueryOptions, useInstancePoller } from '@/api/instances/queries'
import { taskOutcome } from '@/api/instances/status'
import type { TrackedTask } from '@/api/tasks/task-store'
import { useSession } from '@/hooks/use-session'
import { useNow } from '@/hooks/use-now'
import { lazyComponent } from '@/lib/lazy-component'
import { settledMessage } from './task-messages'
import { cachedAll, forEachFinished, settleOnce, type ScopeProps } from './settle-task'
import { useTasks } from './use-tasks'

// The watchers of backup, admin (mgmt) and DBaaS tasks load when a task of their kind runs (or
// with the late preloads, 2 s after the shell paints): their queries and schemas (~5 KB gzip) are
// not needed to paint the first page.
const BackupScopeWatcher = lazyComponent(
  () => import('./backup-task-watcher'),
  (m) => m.BackupScopeWatcher,
)
const MgmtInstanceScopeWatcher = lazyComponent(
  () => import('./mgmt-task-watcher'),
  (m) => m.MgmtInstanceScopeWatcher,
)
const DbaasOperationWatcher = lazyComponent(
  () => import('./dbaas-operation-watcher'),
  (m) => m.DbaasOperationWatcher,
)

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

/** The instance and backup pollers of one scope; they send nothing while nothing moves. */
function ScopePollers({ projectId, region }: { projectId: string; region: string }) {
  const scope = useMemo(() => ({ projectId, region }), [projectId, region])
  useInstancePoller(scope)
  useBackupPoller(scope)
  return null
}

function InstanceScopeWatcher({ projectId, region, tasks }: ScopeProps) {
  const reads = useQueries({
    queries: tasks.map((t) => instanceQueryOptions({ projectId, region, id: t.resource.id })),
    combine: cachedAll,
  })
  // Outcomes depend on time too (grace periods), so look again every few seconds.
  const now = useNow(3000)

  useEffect(() => {
    forEachFinished(
      tasks,
      reads,
      (task, instance) => taskOutcome(task.action, instance, task.startedAt, now),
      (task, outcome, instance) =>
        settleOnce(task, outcome, settledMessage(task, outcome, instance), !instance),
    )
  }, [reads, tasks, now])

  return null
}
