import { useEffect } from 'react'
import { useQueries, useQueryClient } from '@tanstack/react-query'
import { backupQueryOptions } from '@/api/backups/queries'
import { backupKeys } from '@/api/backups/keys'
import { backupTaskOutcome } from '@/api/backups/status'
import { useNow } from '@/hooks/use-now'
import { runFinalBackupFollowUp } from './final-backup-follow-up'
import { settledBackupMessage, settledFinalBackupMessage } from './task-messages'
import { cachedAll, forEachFinished, settleOnce, type ScopeProps } from './settle-task'

/** How often a backup whose delete was accepted is read until the cloud no longer has it. */
const DELETE_CHECK_MS = 2000

/** Settles the backup tasks of one scope from the backups' detail reads. */
export function BackupScopeWatcher({ projectId, region, tasks }: ScopeProps) {
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
    forEachFinished(
      tasks,
      reads,
      (task, backup) => backupTaskOutcome(task.action, backup, task.startedAt, now),
      (task, outcome, backup) => {
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
      },
    )
  }, [reads, tasks, now, client, projectId, region])

  return null
}
