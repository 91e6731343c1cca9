import type { QueryClient } from '@tanstack/react-query'
import { ApiError } from '@/api/errors'
import type { ScopeParams } from '@/api/instances/keys'
import { deleteInstanceNow } from '@/api/instances/mutations'
import { trackTask, type TaskFollowUp } from '@/api/tasks/task-store'
import { toast } from '@/lib/toast'

/** A backup that just completed leaves its instance in BACKUP for a moment: ask again. */
const BUSY_RETRIES = 5
const BUSY_WAIT_MS = 2000

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The follow-up of a final backup that is COMPLETED: delete the instance. A refusal is told in
 * the tray and a toast (the backup stays either way).
 */
export async function runFinalBackupFollowUp(
  client: QueryClient,
  scope: ScopeParams,
  then: TaskFollowUp,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await deleteInstanceNow(client, scope, then.instance)
      return
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && attempt < BUSY_RETRIES) {
        await wait(BUSY_WAIT_MS)
        continue
      }
      const reason = e instanceof Error ? e.message : 'the cloud refused it'
      trackTask({
        action: 'delete',
        label: `Delete ${then.instance.name}`,
        resource: { kind: 'instance', ...then.instance, ...scope },
        state: 'failed',
        detail: `The final backup is COMPLETED, but the delete was refused: ${reason}`,
      })
      toast.error(`${then.instance.name} was not deleted: ${reason}`, { duration: 15_000 })
      return
    }
  }
}
