import { useEffect } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { DBAAS_POLL_MS, operationQueryOptions } from '@/api/dbaas/queries'
import { dbaasKeys } from '@/api/dbaas/keys'
import { operationPollMs } from '@/api/dbaas/status'
import type { TrackedTask } from '@/api/tasks/task-store'
import { settleOnce } from './settle-task'

/**
 * Follows one DBaaS management API operation (`GET /operation/{id}`) until it succeeds or
 * fails, backing off as the official clients do; then refreshes what the operation changed.
 */
export function DbaasOperationWatcher({
  projectId,
  task,
}: {
  projectId: string
  task: TrackedTask
}) {
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
