/**
 * Secrets a page of this console may keep in the browser, and their removal at sign-out. The
 * status wall's application credential (ID + secret) is one: it lives in localStorage so a wall
 * renews its token for weeks, and signing out of the console removes it (issue 19).
 */
export const WALL_CREDENTIAL_KEY = 'dbaas-console.wall-credential'

type Listener = () => void
const listeners = new Set<Listener>()

/** Called when the secrets are removed, so a store holding one in memory lets go of it too. */
export function onBrowserSecretsForgotten(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Removes every browser-kept secret (sign-out). */
export function forgetBrowserSecrets(): void {
  if (typeof localStorage !== 'undefined') localStorage.removeItem(WALL_CREDENTIAL_KEY)
  for (const l of listeners) l()
}
