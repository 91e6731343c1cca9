import type { Db } from '../store/db'
import { parseJson } from '../store/db'
import {
  instanceById,
  runningBackupFor,
  updateInstance,
  type InstanceRow,
} from '../store/instance-queries'
import {
  advanceTask,
  deleteTask,
  dueTasks,
  insertEvent,
  taskById,
  upsertTask,
  type TaskRow,
} from '../store/task-queries'
import { listRegions } from '../store/catalog-queries'
import { createFaultLog, type FaultLog } from '../store/faults'
import type { Clock } from './clock'
import { SWEEPS, TASK_KINDS } from './task-kinds'
import { publicStatus } from './status-model'

export interface Engine {
  readonly speed: number
  /** Milliseconds a duration of `seconds` (at speed 1) takes at this engine's speed. */
  durationMs(seconds: number): number
  /** Starts a task on an instance (call inside the caller's write transaction). */
  schedule(instanceId: string, kind: string, payload?: Record<string, unknown>): void
  /** Records a status change that did not come from a task step (create, actions, resets). */
  recordEvent(instanceId: string, from: string | null, to: string, message: string): void
  /** Applies every transition that is due now; returns how many steps ran. */
  tick(): number
  start(): void
  stop(): void
}

export interface EngineOptions {
  db: Db
  clock: Clock
  /** Multiplier on task durations: 1 realistic, 0.1 ten times faster, 0 immediate. */
  speed: number
  log?: (msg: string) => void
  /** Storage faults, shared with the routes: a tick during one pauses instead of failing. */
  faults?: FaultLog
  /** Called after a tick that ran something (the cloud flushes its change events there). */
  afterTick?: () => void
}

const MAX_STEPS_PER_TICK = 10_000

export function createEngine(opts: EngineOptions): Engine {
  const { db, clock, speed } = opts
  const faults = opts.faults ?? createFaultLog(opts.log)
  let timer: ReturnType<typeof setInterval> | undefined
  let regionIndexCache: Map<string, number> | undefined

  const regionIndex = (region: string): number => {
    if (!regionIndexCache) {
      regionIndexCache = new Map(listRegions(db).map((r, i) => [r.id, i]))
    }
    return regionIndexCache.get(region) ?? 0
  }

  const durationMs = (seconds: number) => Math.max(0, Math.round(seconds * 1000 * speed))

  const recordEvent = (instanceId: string, from: string | null, to: string, message: string) => {
    insertEvent(db, {
      instance_id: instanceId,
      at: clock.now(),
      from_status: from,
      to_status: to,
      message,
    })
  }

  const schedule = (instanceId: string, kind: string, payload: Record<string, unknown> = {}) => {
    const steps = TASK_KINDS[kind]
    const first = steps?.[0]
    if (!first) throw new Error(`unknown task kind ${kind}`)
    const now = clock.now()
    upsertTask(db, {
      instance_id: instanceId,
      kind,
      step: 0,
      due_at: now + durationMs(first.after),
      payload: JSON.stringify(payload),
      created_at: now,
    })
  }

  /** Runs one due step of one task, atomically. */
  const runStep = db.transaction((taskId: number, now: number): boolean => {
    const task: TaskRow | undefined = taskById(db, taskId)
    if (!task || task.due_at > now) return false
    const steps = TASK_KINDS[task.kind]
    const step = steps?.[task.step]
    const inst: InstanceRow | undefined = instanceById(db, task.instance_id)
    if (!steps || !step || !inst || inst.deleted) {
      deleteTask(db, task.id)
      return true
    }
    const before = publicStatus(inst, runningBackupFor(db, inst.id))
    const { patch, message, sideEffect } = step.apply({
      inst,
      payload: parseJson<Record<string, unknown>>(task.payload, {}),
      at: task.due_at,
      regionIndex: regionIndex(inst.region),
    })
    updateInstance(db, inst.id, patch)
    sideEffect?.(db)
    const after = patch.deleted
      ? 'DELETED'
      : publicStatus({ ...inst, ...patch }, runningBackupFor(db, inst.id))
    insertEvent(db, {
      instance_id: inst.id,
      at: task.due_at,
      from_status: before,
      to_status: after,
      message,
    })
    const next = steps[task.step + 1]
    if (next) advanceTask(db, task.id, task.step + 1, task.due_at + durationMs(next.after))
    else deleteTask(db, task.id)
    return true
  })

  /** Runs one row-level timer (e.g. cross-region backup copies), atomically. */
  const runSweep = db.transaction((sweep: (db: Db, now: number) => number, now: number): number =>
    sweep(db, now),
  )

  const tick = (): number => {
    // While the store is faulty (write lock held elsewhere, disk full) due tasks wait: the
    // requests that call tick() still answer their reads at once.
    if (faults.pausing(Date.now())) return 0
    const now = clock.now()
    let ran = 0
    try {
      while (ran < MAX_STEPS_PER_TICK) {
        const due = dueTasks(db, now)
        if (due.length === 0) break
        for (const t of due) if (runStep(t.id, now)) ran++
      }
      for (const sweep of SWEEPS) ran += runSweep(sweep, now)
    } catch (err) {
      if (faults.report(err, Date.now())) return ran
      throw err
    }
    if (ran > 0) {
      faults.cleared()
      opts.afterTick?.()
    }
    return ran
  }

  return {
    speed,
    durationMs,
    schedule,
    recordEvent,
    tick,
    start() {
      if (timer) return
      tick()
      const every = Math.min(100, Math.max(10, Math.round(100 * speed)))
      timer = setInterval(() => {
        try {
          tick()
        } catch (err) {
          opts.log?.(`engine tick failed: ${err instanceof Error ? err.message : String(err)}`)
        }
      }, every)
      timer.unref()
    },
    stop() {
      if (timer) clearInterval(timer)
      timer = undefined
    },
  }
}
