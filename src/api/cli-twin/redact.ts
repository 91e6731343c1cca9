/** What the CLI twin shows instead of a password the user typed: replace it before running. */
export const PASSWORD_PLACEHOLDER = '<password>'

/**
 * A request body with every `password` value (at any depth) replaced by the placeholder, so a
 * CLI twin never shows a secret typed into the form. Pure; the original is not changed.
 */
export function redactPasswords<T>(body: T): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk)
    if (typeof v === 'object' && v !== null) {
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => [
          k,
          k === 'password' && typeof x === 'string' ? PASSWORD_PLACEHOLDER : walk(x),
        ]),
      )
    }
    return v
  }
  return walk(body) as T
}
