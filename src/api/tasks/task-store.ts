import * as z from 'zod/mini'

/**
 * Actions the user started and the console follows until the cloud settles them (the task
 * tray). A small external store kept in sessionStorage, so a reload keeps the tray.
 */
export const trackedTaskSchema = z.object({
  id: z.string(),
  /** 'create' | 'restart' | 'resize-volume' | 'resize-flavor' | 'delete' | 'rename' | ... */
  action: z.string(),
  /** Human text: "Restart db1". */
  label: z.string(),
  resource: z.object({
    /**
     * What the task acts on: an instance, a backup (create, copy, delete of backups), or a DBaaS
     * management API operation (id = the operation id, name = the service it concerns), or an
     * instance of any project an admin acted on through `/mgmt` (read with the mgmt API;
     * projectId is the admin's signed-in project, through which it is read).
     */
    kind: z.enum(['instance', 'backup', 'dbaas-operation', 'mgmt-instance']),
    id: z.string(),
    name: z.string(),
    projectId: z.string(),
    region: z.string(),
  }),
  startedAt: z.number(),
  state: z.enum(['running', 'succeeded', 'failed']),
  detail: z.optional(z.string()),
  settledAt: z.optional(z.number()),
  /** The resource no longer exists (deleted, or never appeared): the tray offers no link. */
  gone: z.optional(z.boolean()),
  /**
   * What the task watcher does once this task succeeds (kept with the task, so it survives
   * navigation and reloads): delete the instance after its final backup is COMPLETED. If the
   * task fails, the follow-up is not done and the tray says why.
   */
  then: z.optional(
    z.object({
      action: z.literal('delete-instance'),
      instance: z.object({ id: z.string(), name: z.string() }),
    }),
  ),
})
export type TaskFollowUp = NonNullable<TrackedTask['then']>
export type TrackedTask = z.infer<typeof trackedTaskSchema>
export type TaskState = TrackedTask['state']

/** A new task: id, start time and state default to a fresh running task. */
export type NewTask = Omit<TrackedTask, 'id' | 'startedAt' | 'state'> &
  Partial<Pick<TrackedTask, 'id' | 'startedAt' | 'state'>>

const STORAGE_KEY = 'dbaas-console.tasks'
/** Settled tasks beyond this many are dropped, oldest first; running ones are always kept. */
const MAX_TASKS = 50

type Listener = () => void
const listeners = new Set<Listener>()
let tasks: readonly TrackedTask[] = load()

function storage(): Storage | undefined {
  return typeof sessionStorage === 'undefined' ? undefined : sessionStorage
}

function load(): TrackedTask[] {
  try {
    const raw = storage()?.getItem(STORAGE_KEY)
    if (!raw) return []
    const parsed = z.array(trackedTaskSchema).safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : []
  } catch {
    return []
  }
}

function emit(next: readonly TrackedTask[]) {
  tasks = next
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(next))
  } catch {
    // Storage full or disabled: the tray still works for this page's life.
  }
  for (const l of listeners) l()
}

function trim(list: TrackedTask[]): TrackedTask[] {
  if (list.length <= MAX_TASKS) return list
  let excess = list.length - MAX_TASKS
  // The list is newest first: drop settled tasks from the end.
  const out: TrackedTask[] = []
  for (let i = list.length - 1; i >= 0; i--) {
    const t = list[i]!
    if (excess > 0 && t.state !== 'running') {
      excess--
      continue
    }
    out.unshift(t)
  }
  return out
}

let counter = 0

/** Starts following a task; returns it. Newest tasks come first. */
export function trackTask(t: NewTask): TrackedTask {
  const startedAt = t.startedAt ?? Date.now()
  const task: TrackedTask = {
    ...t,
    id: t.id ?? `${t.action}:${t.resource.id}:${startedAt}:${++counter}`,
    startedAt,
    state: t.state ?? 'running',
  }
  emit(trim([task, ...tasks.filter((x) => x.id !== task.id)]))
  return task
}

/** Records a task's outcome (no-op for unknown or already settled tasks). */
export function settleTask(
  id: string,
  state: Exclude<TaskState, 'running'>,
  detail?: string,
  opts: { gone?: boolean } = {},
): void {
  let changed = false
  const next = tasks.map((t) => {
    if (t.id !== id || t.state !== 'running') return t
    changed = true
    const settled: TrackedTask = { ...t, state, settledAt: Date.now() }
    if (detail !== undefined) settled.detail = detail
    if (opts.gone) settled.gone = true
    return settled
  })
  if (changed) emit(next)
}

export function dismissTask(id: string): void {
  if (tasks.some((t) => t.id === id)) emit(tasks.filter((t) => t.id !== id))
}

/** Removes every finished task, keeps the running ones. */
export function clearSettled(): void {
  if (tasks.some((t) => t.state !== 'running')) emit(tasks.filter((t) => t.state === 'running'))
}

export const taskStore = {
  get: (): readonly TrackedTask[] => tasks,
  subscribe(listener: Listener): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
}

export function getTasks(): readonly TrackedTask[] {
  return tasks
}

export function subscribeTasks(listener: Listener): () => void {
  return taskStore.subscribe(listener)
}

// Another tab of the same session (sessionStorage is per tab, but follow it if shared).
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key === STORAGE_KEY) {
      tasks = load()
      for (const l of listeners) l()
    }
  })
}

/** Test helper: forget every task. */
export function resetTasksForTests(): void {
  emit([])
}
