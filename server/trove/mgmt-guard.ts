import type { TroveContext } from './context'
import { unauthorizedFault } from './errors'

/** Trove's `@admin_context`: a non-admin gets `Forbidden`, which Trove answers as 401. */
export const ADMIN_REQUIRED = 'User does not have admin privileges.'

export function requireAdmin(c: TroveContext): void {
  if (!c.get('auth').isAdmin) throw unauthorizedFault(ADMIN_REQUIRED)
}

/** `true`/`false` (any case) as Trove's mgmt index reads `deleted`; anything else: undefined. */
export function boolQuery(text: string | undefined): boolean | undefined {
  const t = (text ?? '').toLowerCase()
  if (t === 'true') return true
  if (t === 'false') return false
  return undefined
}
