/**
 * Noted just before a deliberate sign-out, so the shell sends the user to /login without a
 * `redirect` back (a session lost in another tab keeps the redirect). Read-only during render
 * (StrictMode renders twice); it simply expires after a few seconds.
 */
let deliberateAt = 0

export function markDeliberateSignOut(): void {
  deliberateAt = Date.now()
}

export function wasDeliberateSignOut(now = Date.now()): boolean {
  return now - deliberateAt < 5000
}
