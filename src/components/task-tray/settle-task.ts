import { toast } from '@/lib/toast'
import { ApiError } from '@/api/errors'
import { getTasks, settleTask, type TrackedTask } from '@/api/tasks/task-store'
import type { TaskOutcome } from '@/api/instances/status'

/** The running tasks of one kind in one scope, for the watcher of that kind. */
export interface ScopeProps {
  projectId: string
  region: string
  tasks: TrackedTask[]
}

/** Settles and toasts once (StrictMode and quick re-renders may ask twice); true if it did. */
export function settleOnce(
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

/** The resource as the cache has it: undefined while unread, null once the cloud says 404. */
function cached<T>(r: { data: T | undefined; error: unknown }): T | null | undefined {
  if (r.error instanceof ApiError && r.error.kind === 'not-found') return null
  return r.data
}

/** Every task's read, as one array that keeps its identity while no read changes. */
export function cachedAll<T>(
  rs: { data: T | undefined; error: unknown }[],
): (T | null | undefined)[] {
  return rs.map(cached)
}

/**
 * The watchers' one pass over their tasks: each task whose read is in (`reads[n]`, as `cachedAll`
 * gives them: undefined while unread, null once gone) is judged from its resource (undefined when
 * gone), and `finish` is called for each one that is no longer running. Tasks still unread or
 * still running are left for a later pass (a new read, or the watcher's clock).
 */
export function forEachFinished<T>(
  tasks: readonly TrackedTask[],
  reads: readonly (T | null | undefined)[],
  judge: (task: TrackedTask, resource: T | undefined) => TaskOutcome,
  finish: (task: TrackedTask, outcome: 'succeeded' | 'failed', resource: T | undefined) => void,
): void {
  tasks.forEach((task, n) => {
    const read = reads[n]
    if (read === undefined) return
    const resource = read ?? undefined
    const outcome = judge(task, resource)
    if (outcome !== 'running') finish(task, outcome, resource)
  })
}
