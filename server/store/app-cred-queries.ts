import type { Db } from './db'
import type { AppCredRow } from './identity-queries'

/** An application credential as stored, with when it was made. */
export interface AppCredRecord extends AppCredRow {
  description: string
  created_at: number
}

export function insertAppCred(db: Db, row: AppCredRecord): void {
  db.prepare(
    `INSERT INTO application_credentials
       (id, name, user_id, project_id, secret_hash, description, roles, unrestricted, expires_at, created_at)
     VALUES (@id, @name, @user_id, @project_id, @secret_hash, @description, @roles, @unrestricted, @expires_at, @created_at)`,
  ).run(row)
}

export function appCredsOfUser(db: Db, userId: string, name?: string): AppCredRecord[] {
  if (name !== undefined) {
    return db
      .prepare(
        'SELECT * FROM application_credentials WHERE user_id = ? AND name = ? ORDER BY created_at, id',
      )
      .all(userId, name) as AppCredRecord[]
  }
  return db
    .prepare('SELECT * FROM application_credentials WHERE user_id = ? ORDER BY created_at, id')
    .all(userId) as AppCredRecord[]
}

export function appCredOfUser(db: Db, userId: string, id: string): AppCredRecord | undefined {
  return db
    .prepare('SELECT * FROM application_credentials WHERE user_id = ? AND id = ?')
    .get(userId, id) as AppCredRecord | undefined
}

/** Deletes the credential and revokes the tokens it issued, in one transaction. */
export function deleteAppCred(db: Db, id: string): void {
  db.transaction(() => {
    db.prepare('UPDATE tokens SET revoked = 1 WHERE app_cred_id = ?').run(id)
    db.prepare('DELETE FROM application_credentials WHERE id = ?').run(id)
  })()
}

export function roleByName(db: Db, name: string): { id: string; name: string } | undefined {
  return db.prepare('SELECT id, name FROM roles WHERE name = ?').get(name) as
    { id: string; name: string } | undefined
}

export function roleById(db: Db, id: string): { id: string; name: string } | undefined {
  return db.prepare('SELECT id, name FROM roles WHERE id = ?').get(id) as
    { id: string; name: string } | undefined
}
