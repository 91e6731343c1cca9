/**
 * A request body as the journal keeps it: every secret replaced by "***", long strings cut, deep
 * or large structures summarised. Secrets are recognised by key (password, token, secret,
 * credential, key material, ...) wherever they are nested.
 */

const SECRET_KEY =
  /pass(word|phrase)?|secret|token|credential|private|^key$|api[-_]?key|auth|cert|signature|^pw$|^pwd$/i

export const REDACTED = '***'

const MAX_STRING = 200
const MAX_ITEMS = 50
const MAX_DEPTH = 6

function summarise(value: unknown, depth: number): unknown {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value
  if (typeof value === 'string')
    return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value
  if (depth >= MAX_DEPTH) return '…'
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((v) => summarise(v, depth + 1))
    if (value.length > MAX_ITEMS) items.push(`… ${value.length - MAX_ITEMS} more`)
    return items
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {}
    let n = 0
    for (const [k, v] of Object.entries(value)) {
      if (n++ >= MAX_ITEMS) {
        out['…'] = 'more keys'
        break
      }
      out[k] =
        SECRET_KEY.test(k) && v !== null && v !== '' && typeof v !== 'boolean'
          ? REDACTED
          : summarise(v, depth + 1)
    }
    return out
  }
  return null
}

/** The body to store (JSON text), or null. A body that is not JSON is described, never stored. */
export function redactedSummary(bodyText: string | null): string | null {
  if (bodyText === null || bodyText.trim() === '') return null
  let parsed: unknown
  try {
    parsed = JSON.parse(bodyText)
  } catch {
    return JSON.stringify({ note: `not JSON (${bodyText.length} bytes, not stored)` })
  }
  return JSON.stringify(summarise(parsed, 0))
}
