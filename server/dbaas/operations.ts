import { randomUUID } from 'node:crypto'
import type { Db } from '../store/db'
import { instanceById } from '../store/instance-queries'
import { insertOperation, type OperationRow } from '../store/dbaas-queries'
import type { Scope } from './context'
import { operationView, type OperationFailure, type OperationState } from './views'

/**
 * Async operations. A mutation is applied at once and answered with an operation that stays
 * `pending` for a realistic time (scaled by the task speed) and then reports `success`; deleting
 * a service stays pending until the Trove instance is gone. Clients poll `GET /operation/{id}`.
 */

export interface OperationRef {
  id?: string
  link?: string
  command?: string
}

export function startOperation(
  db: Db,
  scope: Scope,
  kind: string,
  ref: OperationRef,
  now: number,
  durationMs: number,
): OperationRow {
  const row: OperationRow = {
    id: randomUUID(),
    project_id: scope.projectId,
    region: scope.region,
    kind,
    reference_id: ref.id ?? null,
    reference_link: ref.link ?? null,
    reference_command: ref.command ?? null,
    created: now,
    due_at: now + durationMs,
  }
  insertOperation(db, row)
  return row
}

export function operationState(
  db: Db,
  row: OperationRow,
  now: number,
): { state: OperationState; failure?: OperationFailure } {
  if (row.kind === 'delete-service') {
    const inst = row.reference_id ? instanceById(db, row.reference_id) : undefined
    if (!inst || inst.deleted) return { state: 'success' }
    if (inst.task_status !== 'DELETING') {
      return {
        state: 'failure',
        failure: { reason: 'fault', message: `Service ${inst.name} could not be deleted.` },
      }
    }
    return { state: 'pending' }
  }
  return { state: now >= row.due_at ? 'success' : 'pending' }
}

export function operationBody(db: Db, row: OperationRow, now: number) {
  const { state, failure } = operationState(db, row, now)
  const view = operationView(row, state, failure)
  // A deleted service is referenced by its name (the instance id is internal).
  if (row.kind === 'delete-service') {
    const inst = row.reference_id ? instanceById(db, row.reference_id) : undefined
    return { ...view, reference: { ...view.reference, id: inst?.name ?? row.reference_id ?? '' } }
  }
  return view
}
