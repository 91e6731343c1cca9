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

/** Inside a secret-named object (`application_credential`, `token`), only these keep their value. */
const KEPT_INSIDE_SECRETS = new Set(['name', 'description'])

function summarise(value: unknown, depth: number, inSecret: boolean): unknown {
  if (value === null || typeof value === 'boolean') return value
  if (typeof value === 'number') return inSecret ? REDACTED : value
  if (typeof value === 'string') {
    if (inSecret) return value === '' ? value : REDACTED
    return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value
  }
  if (depth >= MAX_DEPTH) return '…'
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((v) => summarise(v, depth + 1, inSecret))
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
      const secret = SECRET_KEY.test(k)
      if (secret && (v === null || typeof v !== 'object')) {
        out[k] = v === null || v === '' || typeof v === 'boolean' ? v : REDACTED
      } else if (inSecret && KEPT_INSIDE_SECRETS.has(k) && typeof v === 'string') {
        out[k] = summarise(v, depth + 1, false)
      } else {
        // An object under a secret name keeps its shape; its values go, but for names.
        out[k] = summarise(v, depth + 1, inSecret || secret)
      }
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
  return JSON.stringify(summarise(parsed, 0, false))
}
