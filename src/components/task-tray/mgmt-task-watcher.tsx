import { useEffect } from 'react'
import { useQueries } from '@tanstack/react-query'
import { taskOutcome } from '@/api/instances/status'
import { mgmtAsInstance, mgmtInstanceQueryOptions } from '@/api/mgmt/queries'
import { useNow } from '@/hooks/use-now'
import { settledMgmtMessage } from './task-messages'
import { cachedAll, forEachFinished, settleOnce, type ScopeProps } from './settle-task'

/**
 * Admin actions on instances of any project: read through the mgmt API (the detail query the
 * admin instance page reads and polls while the instance moves), settled by the tenant rules.
 */
export function MgmtInstanceScopeWatcher({ projectId, region, tasks }: ScopeProps) {
  const reads = useQueries({
    queries: tasks.map((t) => mgmtInstanceQueryOptions({ projectId, region }, t.resource.id)),
    combine: cachedAll,
  })
  const now = useNow(3000)

  useEffect(() => {
    forEachFinished(
      tasks,
      reads.map((read) => read && mgmtAsInstance(read)),
      (task, instance) => taskOutcome(task.action, instance, task.startedAt, now),
      (task, outcome, instance) =>
        settleOnce(task, outcome, settledMgmtMessage(task, outcome, instance), !instance),
    )
  }, [reads, tasks, now])

  return null
}
