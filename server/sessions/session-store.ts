/**
 * One console session: the browser holds only an opaque random id (in an HttpOnly cookie); the
 * server keeps the Keystone token it stands for. The store sees the id's SHA-256, never the id
 * itself, so a copy of the store cannot be replayed as cookies.
 */
export interface StoredSession {
  /** SHA-256 (hex) of the cookie's session id. */
  idHash: string
  /** The Keystone token the console attaches as X-Auth-Token. */
  token: string
  userId: string
  /** Empty for an unscoped token (sign-in before a project is chosen). */
  projectId: string
  /** The Keystone token response body (user, project, roles, catalog): no secret in it. */
  tokenBody: string
  /** Milliseconds since the epoch: the token's `expires_at`. */
  expiresAt: number
  createdAt: number
}

/**
 * Where sessions live. Async so that a shared database (PostgreSQL, several console servers)
 * is one more implementation; SQLite (`sqlite-session-store.ts`) is the default.
 */
export interface SessionStore {
  put(session: StoredSession): Promise<void>
  /** The session, or undefined when unknown or expired at `now`. */
  get(idHash: string, now: number): Promise<StoredSession | undefined>
  delete(idHash: string): Promise<void>
  /** Removes sessions that expired before `now`; answers how many. */
  purgeExpired(now: number): Promise<number>
  close(): Promise<void>
}
