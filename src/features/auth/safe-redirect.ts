/**
 * Where to go after signing in: only a path on this origin (no "//host", no "https://..."), so
 * a crafted link cannot send the user to another site. Undefined when the value is unusable.
 */
export function safeRedirect(value: string | undefined): string | undefined {
  if (!value) return undefined
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined
  if (value === '/login' || value.startsWith('/login?') || value.startsWith('/login/'))
    return undefined
  return value
}
