import { toast } from '@/lib/toast'
import { ApiError } from '@/api/errors'
import { getTasks, settleTask, type TrackedTask } from '@/api/tasks/task-store'

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
