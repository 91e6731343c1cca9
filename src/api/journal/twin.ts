import type { MutationRequest } from '../cli-twin/mutation-request'
import { PASSWORD_PLACEHOLDER } from '../cli-twin/redact'
import type { JournalEntry } from './schemas'

/** What the journal stores in place of a secret (server/journal/redact.ts). */
const REDACTED = '***'
const METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const

const isMethod = (m: string): m is MutationRequest['method'] =>
  (METHODS as readonly string[]).includes(m)

/** The stored body with each removed secret shown as the twin's placeholder. */
function withPlaceholders(v: unknown): unknown {
  if (v === REDACTED) return PASSWORD_PLACEHOLDER
  if (Array.isArray(v)) return v.map(withPlaceholders)
  if (typeof v === 'object' && v !== null)
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withPlaceholders(x)]))
  return v
}

/** Whether the journal shortened the body (long strings, many items, deep structures). */
export function summaryShortened(summary: unknown): boolean {
  if (typeof summary === 'string') return summary.startsWith('…') || summary.endsWith('…')
  if (Array.isArray(summary)) return summary.some(summaryShortened)
  if (typeof summary === 'object' && summary !== null)
    return '…' in summary || Object.values(summary).some(summaryShortened)
  return false
}

/**
 * The request a journal entry records, as the CLI twin shows it: the service and the path below
 * its catalog endpoint, read from the recorded path (embedded `/trove/{region}/v1.0/{project}/…`,
 * `/dbaas/{region}/v2/…`, gateway `/gw/{endpoint}/…/v1.0/{project}/…`, Keystone `/v3/…`), and the
 * stored body with secrets as placeholders. Null for status changes and paths of no known API.
 */
export function journalTwinRequest(entry: JournalEntry): MutationRequest | null {
  if (entry.kind !== 'request' || !entry.method || !entry.path) return null
  const method = entry.method.toUpperCase()
  if (!isMethod(method)) return null
  const seg = (entry.path.split('?')[0] ?? '').split('/').filter(Boolean)
  let service: MutationRequest['service']
  let rest: string[]
  if (seg[0] === 'v3') {
    service = 'identity'
    rest = seg.slice(1)
  } else {
    const at = seg.findIndex((p, i) => i >= 1 && (p === 'v1.0' || p === 'v2'))
    if (at < 0) return null
    if (seg[at] === 'v1.0') {
      if (!seg[at + 1]) return null
      service = 'database'
      rest = seg.slice(at + 2)
    } else {
      service = 'dbaas'
      rest = seg.slice(at + 1)
    }
  }
  if (rest.length === 0) return null
  const body = entry.summary === null ? undefined : withPlaceholders(entry.summary)
  return { service, method, path: `/${rest.join('/')}`, ...(body === undefined ? {} : { body }) }
}
