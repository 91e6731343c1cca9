import { z } from 'zod'
import { WALL_CREDENTIAL_KEY, onBrowserSecretsForgotten } from '@/api/session/browser-secrets'

/**
 * The application credential this wall signs in with, kept in this browser's localStorage for
 * this wall only (never sent anywhere but Keystone) until someone signs out of the console here.
 * A small external store so React follows it.
 */
export const wallCredentialSchema = z.object({
  id: z.string().min(1),
  secret: z.string().min(1),
  /** Shown on the wall so the room knows whose credential it runs on. */
  label: z.string().optional(),
})
export type WallCredential = z.infer<typeof wallCredentialSchema>

const KEY = WALL_CREDENTIAL_KEY
type Listener = () => void
const listeners = new Set<Listener>()

function read(): WallCredential | null {
  try {
    const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY)
    if (!raw) return null
    const parsed = wallCredentialSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

let current = read()

// Signing out of the console removed the secret from storage: forget it here too.
onBrowserSecretsForgotten(() => {
  current = null
  for (const l of listeners) l()
})

export const wallCredentialStore = {
  get: (): WallCredential | null => current,
  subscribe(l: Listener): () => void {
    listeners.add(l)
    return () => listeners.delete(l)
  },
  set(next: WallCredential | null) {
    current = next
    if (typeof localStorage !== 'undefined') {
      if (next) localStorage.setItem(KEY, JSON.stringify(next))
      else localStorage.removeItem(KEY)
    }
    for (const l of listeners) l()
  },
}
