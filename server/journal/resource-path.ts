import type { JournalResourceKind } from '@/api/journal/schemas'

/** What a mutating request is about, read from its path (and its body for actions). */
export interface RequestTarget {
  /** The API the path belongs to. */
  api: 'trove' | 'dbaas' | 'keystone'
  /** From the path (`/trove/{region}`, `/dbaas/{region}`); null where the path does not say (gateway `/gw/...`, Keystone). */
  region: string | null
  /** Trove's `{project_id}` in the path; null for the DBaaS API and Keystone (the token's project). */
  projectId: string | null
  resourceKind: JournalResourceKind
  resourceId: string | null
  action: string
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** POSTs that only read (DBaaS logs and metrics queries, a migration check) or sign in. */
const READ_ONLY_POSTS = [
  /^dbaas-service-logs\//,
  /^dbaas-service-metrics\//,
  /^dbaas-task-migration-check\//,
]

function firstKey(body: unknown): string | null {
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const k = Object.keys(body)[0]
    return k ?? null
  }
  return null
}

function verb(method: string): string {
  if (method === 'POST') return 'create'
  if (method === 'DELETE') return 'delete'
  return 'update'
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** Trove v1.0 below `/{project_id}/`: the segments after the project. */
function troveTarget(
  method: string,
  seg: string[],
  body: unknown,
): Omit<RequestTarget, 'api' | 'region' | 'projectId'> {
  const [a, id, b, sub, c] = seg
  const action = verb(method)
  if (a === 'instances') {
    if (!id) return { resourceKind: 'instance', resourceId: null, action }
    if (!b) return { resourceKind: 'instance', resourceId: id, action }
    if (b === 'action')
      return { resourceKind: 'instance', resourceId: id, action: firstKey(body) ?? 'action' }
    if (b === 'databases')
      return { resourceKind: 'database', resourceId: sub ? `${id}/${sub}` : id, action }
    if (b === 'users') {
      const userAction = c === 'databases' ? (method === 'DELETE' ? 'revoke' : 'grant') : action
      return { resourceKind: 'user', resourceId: sub ? `${id}/${sub}` : id, action: userAction }
    }
    if (b === 'root')
      return {
        resourceKind: 'root',
        resourceId: id,
        action: method === 'DELETE' ? 'disable' : 'enable',
      }
    if (b === 'log')
      return {
        resourceKind: 'instance',
        resourceId: id,
        action: `log-${firstKey(body) ?? 'action'}`,
      }
    return { resourceKind: 'instance', resourceId: id, action: `${b}-${action}` }
  }
  if (a === 'backups') {
    if (b === 'action')
      return { resourceKind: 'backup', resourceId: id ?? null, action: firstKey(body) ?? 'action' }
    return { resourceKind: 'backup', resourceId: id ?? null, action }
  }
  if (a === 'configurations')
    return { resourceKind: 'configuration', resourceId: id ?? null, action }
  if (a === 'backup_strategies')
    return { resourceKind: 'backup-strategy', resourceId: null, action }
  if (a === 'mgmt') {
    // /mgmt/instances/{id}/action, /mgmt/datastore-versions[/{id}], /mgmt/quotas/{project}
    const [, what, mid, maction] = seg
    if (what === 'instances') {
      return {
        resourceKind: 'instance',
        resourceId: mid ?? null,
        action: maction === 'action' ? (firstKey(body) ?? 'action') : action,
      }
    }
    if (what === 'datastore-versions')
      return { resourceKind: 'datastore-version', resourceId: mid ?? null, action }
    if (what === 'quotas') return { resourceKind: 'quota', resourceId: mid ?? null, action }
    return { resourceKind: 'other', resourceId: mid ?? null, action }
  }
  if (a === 'datastores')
    return { resourceKind: 'datastore-version', resourceId: id ?? null, action }
  return { resourceKind: 'other', resourceId: id ?? null, action }
}

/** The DBaaS API (`/v2/...`): `dbaas-{type}/{name}`, `dbaas-service/{name}`, integrations, external endpoints. */
function dbaasTarget(
  method: string,
  seg: string[],
): Omit<RequestTarget, 'api' | 'region' | 'projectId'> | null {
  const [a, name, b] = seg
  if (!a) return null
  const rest = seg.join('/')
  if (method === 'POST' && READ_ONLY_POSTS.some((r) => r.test(`${rest}/`))) return null
  const action = verb(method)
  if (a === 'dbaas-integration')
    return { resourceKind: 'integration', resourceId: name ?? null, action }
  if (a === 'dbaas-external-endpoint')
    return { resourceKind: 'integration', resourceId: name ?? null, action: b ?? action }
  if (a.startsWith('dbaas-'))
    return {
      resourceKind: 'service',
      resourceId: name ?? null,
      action: b ? `${b}-${action}` : action,
    }
  return { resourceKind: 'other', resourceId: name ?? null, action }
}

function keystoneTarget(
  method: string,
  seg: string[],
): Omit<RequestTarget, 'api' | 'region' | 'projectId'> | null {
  // Signing in and out is not a change to the cloud (and its body holds the password).
  if (seg[0] === 'auth') return null
  const action = verb(method)
  const credIndex = seg.indexOf('application_credentials')
  if (credIndex >= 0)
    return { resourceKind: 'credential', resourceId: seg[credIndex + 1] ?? null, action }
  return { resourceKind: 'other', resourceId: seg[1] ?? null, action }
}

/**
 * What the journal records for a request, or null when it does not (reads, sign-in, the SPA,
 * the console's own API). Paths: embedded `/trove/{region}/v1.0/{project}/...`,
 * `/dbaas/{region}/v2/...`, `/v3/...`; gateway `/gw/{endpoint}/v1.0/{project}/...`,
 * `/gw/{endpoint}/v2/...`.
 */
export function requestTarget(method: string, path: string, body: unknown): RequestTarget | null {
  const m = method.toUpperCase()
  if (!MUTATING.has(m)) return null
  const seg = path.split('/').filter(Boolean).map(safeDecode)
  if (seg[0] === 'v3') {
    const t = keystoneTarget(m, seg.slice(1))
    return t && { api: 'keystone', region: null, projectId: null, ...t }
  }
  let region: string | null = null
  let rest: string[]
  if (seg[0] === 'trove' || seg[0] === 'dbaas') {
    region = seg[1] ?? null
    rest = seg.slice(2)
  } else if (seg[0] === 'gw') {
    // The upstream path may have a prefix (`/database/v1.0/...` on devstack): start at the version.
    const at = seg.findIndex((p, i) => i >= 2 && (p === 'v1.0' || p === 'v2'))
    if (at < 0) return null
    rest = seg.slice(at)
  } else return null
  if (rest[0] === 'v1.0' && rest[1]) {
    const t = troveTarget(m, rest.slice(2), body)
    return { api: 'trove', region, projectId: rest[1], ...t }
  }
  if (rest[0] === 'v2') {
    const t = dbaasTarget(m, rest.slice(1))
    return t && { api: 'dbaas', region, projectId: null, ...t }
  }
  return null
}

/** The id of what a create made, from the answer (`{"instance": {"id": ...}}`, a DBaaS `reference`). */
export function createdId(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null
  for (const v of Object.values(body)) {
    if (v && typeof v === 'object' && 'id' in v && typeof v.id === 'string') return v.id
  }
  if (
    'reference' in body &&
    body.reference &&
    typeof body.reference === 'object' &&
    'id' in body.reference
  ) {
    const id = body.reference.id
    return typeof id === 'string' ? id : null
  }
  return null
}

/** The name a create asked for (`{"instance": {"name": ...}}`, a backup's, a group's), if any. */
export function createdName(body: unknown): string | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null
  const values = Object.values(body)
  if (values.length !== 1) return null
  const v = values[0]
  if (v && typeof v === 'object' && 'name' in v && typeof v.name === 'string' && v.name)
    return v.name.slice(0, 200)
  return null
}
