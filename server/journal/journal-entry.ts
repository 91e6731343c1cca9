import type { SqlValue } from '../console-state/state-store'
import type { Actor } from './actors'
import type { JournalRecord } from './journal'
import { redactedSummary } from './redact'
import { createdId, createdName, requestTarget } from './resource-path'

/**
 * A mutating request as the journal middleware noted it: plain data (it crosses to the journal's
 * writer thread), nothing parsed or redacted yet. The raw body never leaves memory: only its
 * redacted summary is stored.
 */
export interface NotedRequest {
  at: number
  method: string
  path: string
  bodyText: string | null
  status: number
  requestId: string | null
  actor: Actor | null
  /** A create's answer (its id is in it); null otherwise. */
  createdText: string | null
  /** The region of the gateway endpoint in the path (`/gw/<endpoint>/...`), if any. */
  endpointRegion: string | null
}

/** What waits for the next flush: a finished record (transitions) or a noted request. */
export type PendingEntry =
  { kind: 'record'; record: JournalRecord } | { kind: 'request'; request: NotedRequest }

/** The JSON a body's text holds, or null (no body, not JSON). */
export function jsonOrNull(text: string | null): unknown {
  if (!text) return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return null
  }
}

/** The entry of a noted request (parsing, resource, actor's project, redaction); null: not journaled. */
export function requestRecord(n: NotedRequest): JournalRecord | null {
  const target = requestTarget(n.method, n.path, jsonOrNull(n.bodyText))
  if (!target) return null
  const actor = n.actor
  const resourceId = target.resourceId ?? createdId(jsonOrNull(n.createdText))
  // Trove's path names the project; the DBaaS API and Keystone act on the token's project.
  const projectId = target.projectId ?? actor?.projectId ?? null
  return {
    at: n.at,
    kind: 'request',
    source: 'console',
    region: target.region ?? n.endpointRegion,
    projectId,
    projectName: actor && actor.projectId === projectId ? actor.projectName : null,
    userId: actor?.userId ?? null,
    userName: actor?.userName ?? null,
    method: n.method,
    path: n.path,
    resourceKind: target.resourceKind,
    resourceId,
    resourceName:
      target.api === 'dbaas' && target.resourceKind === 'service'
        ? resourceId
        : target.action === 'create'
          ? createdName(jsonOrNull(n.bodyText))
          : null,
    action: target.action,
    summary: redactedSummary(n.bodyText),
    status: n.status,
    requestId: n.requestId,
    fromStatus: null,
    toStatus: null,
    previousMs: null,
    datastore: null,
  }
}

const COLUMNS = [
  'at',
  'kind',
  'source',
  'region',
  'project_id',
  'project_name',
  'user_id',
  'user_name',
  'method',
  'path',
  'resource_kind',
  'resource_id',
  'resource_name',
  'action',
  'summary',
  'status',
  'request_id',
  'from_status',
  'to_status',
  'previous_ms',
  'datastore',
] as const

export const INSERT_ENTRY = `INSERT INTO journal_entries (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`

function values(r: JournalRecord): SqlValue[] {
  return [
    r.at,
    r.kind,
    r.source,
    r.region,
    r.projectId,
    r.projectName,
    r.userId,
    r.userName,
    r.method,
    r.path,
    r.resourceKind,
    r.resourceId,
    r.resourceName,
    r.action,
    r.summary,
    r.status,
    r.requestId,
    r.fromStatus,
    r.toStatus,
    r.previousMs,
    r.datastore,
  ]
}

/**
 * The INSERT parameters of a batch, in queue order. An entry that cannot be built is skipped and
 * reported through `fail` (the others are still written).
 */
export function batchRows(
  items: readonly PendingEntry[],
  fail: (err: unknown) => void,
): SqlValue[][] {
  const rows: SqlValue[][] = []
  for (const item of items) {
    try {
      const record = item.kind === 'record' ? item.record : requestRecord(item.request)
      if (record) rows.push(values(record))
    } catch (err) {
      fail(err)
    }
  }
  return rows
}
