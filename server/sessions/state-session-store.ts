import type { StateStore } from '../console-state/state-store'
import type { SessionStore, StoredSession } from './session-store'

interface Row {
  id_hash: string
  token: string
  user_id: string
  project_id: string
  token_body: string
  expires_at: number | string
  created_at: number | string
}

/**
 * Console sessions in the console's own state store, beside the operations journal: SQLite in
 * the data directory by default, PostgreSQL with `--database-url` (several console servers behind
 * a load balancer share them). Their table is created by the state store's migrations.
 */
export function createStateSessionStore(state: StateStore): SessionStore {
  return {
    async put(s: StoredSession) {
      await state.run(
        `INSERT INTO console_sessions
           (id_hash, token, user_id, project_id, token_body, expires_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id_hash) DO UPDATE SET token = excluded.token, user_id = excluded.user_id,
           project_id = excluded.project_id, token_body = excluded.token_body,
           expires_at = excluded.expires_at, created_at = excluded.created_at`,
        [s.idHash, s.token, s.userId, s.projectId, s.tokenBody, s.expiresAt, s.createdAt],
      )
    },
    async get(idHash, now) {
      const [row] = await state.query<Row & Record<string, unknown>>(
        'SELECT * FROM console_sessions WHERE id_hash = ? AND expires_at > ?',
        [idHash, now],
      )
      return (
        row && {
          idHash: row.id_hash,
          token: row.token,
          userId: row.user_id,
          projectId: row.project_id,
          tokenBody: row.token_body,
          // PostgreSQL returns BIGINT as text.
          expiresAt: Number(row.expires_at),
          createdAt: Number(row.created_at),
        }
      )
    },
    async delete(idHash) {
      await state.run('DELETE FROM console_sessions WHERE id_hash = ?', [idHash])
    },
    purgeExpired(now) {
      return state.run('DELETE FROM console_sessions WHERE expires_at <= ?', [now])
    },
    // The state store belongs to whoever opened it (the journal shares it).
    close: () => Promise.resolve(),
  }
}
