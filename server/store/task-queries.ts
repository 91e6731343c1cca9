import type { Db } from './db'

export interface TaskRow {
  id: number
  instance_id: string
  kind: string
  step: number
  due_at: number
  payload: string
  created_at: number
}

/** Puts a task on an instance, replacing any task it had (one running task per instance). */
export function upsertTask(
  db: Db,
  t: {
    instance_id: string
    kind: string
    step: number
    due_at: number
    payload: string
    created_at: number
  },
): void {
  db.prepare('DELETE FROM tasks WHERE instance_id = ?').run(t.instance_id)
  db.prepare(
    `INSERT INTO tasks (instance_id, kind, step, due_at, payload, created_at)
     VALUES (@instance_id, @kind, @step, @due_at, @payload, @created_at)`,
  ).run(t)
}
export function dueTasks(db: Db, now: number, limit = 500): TaskRow[] {
  return db
    .prepare('SELECT * FROM tasks WHERE due_at <= ? ORDER BY due_at, id LIMIT ?')
    .all(now, limit) as TaskRow[]
}
export function taskById(db: Db, id: number): TaskRow | undefined {
  return db.prepare('SELECT * FROM tasks WHERE id = ?').get(id) as TaskRow | undefined
}
export function taskFor(db: Db, instanceId: string): TaskRow | undefined {
  return db.prepare('SELECT * FROM tasks WHERE instance_id = ?').get(instanceId) as
    TaskRow | undefined
}
export function advanceTask(db: Db, id: number, step: number, dueAt: number): void {
  db.prepare('UPDATE tasks SET step = ?, due_at = ? WHERE id = ?').run(step, dueAt, id)
}
export function deleteTask(db: Db, id: number): void {
  db.prepare('DELETE FROM tasks WHERE id = ?').run(id)
}
export function deleteTaskFor(db: Db, instanceId: string): void {
  db.prepare('DELETE FROM tasks WHERE instance_id = ?').run(instanceId)
}

export interface EventRow {
  id: number
  instance_id: string
  at: number
  from_status: string | null
  to_status: string
  message: string
}
export function insertEvent(
  db: Db,
  e: {
    instance_id: string
    at: number
    from_status: string | null
    to_status: string
    message: string
  },
): void {
  db.prepare(
    'INSERT INTO events (instance_id, at, from_status, to_status, message) VALUES (@instance_id, @at, @from_status, @to_status, @message)',
  ).run(e)
}
export function eventsFor(db: Db, instanceId: string): EventRow[] {
  return db
    .prepare('SELECT * FROM events WHERE instance_id = ? ORDER BY at, id')
    .all(instanceId) as EventRow[]
}
