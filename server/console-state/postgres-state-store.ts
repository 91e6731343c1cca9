import pg from 'pg'
import { POSTGRES_MIGRATIONS } from './migrations'
import { numberPlaceholders, type SqlRow, type SqlValue, type StateStore } from './state-store'

/** Any constant: the advisory lock several console servers take while one of them migrates. */
const MIGRATION_LOCK = 7_301_417

const INT8_OID = 20

/** BIGINT columns (ids, ms timestamps) come back as numbers: they stay below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
}

/** The URL without its password, for logs. */
export function redactDatabaseUrl(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return 'postgres://(unparsable url)'
  }
}

/**
 * The console's state in PostgreSQL, shared by every console server given the same URL. Resolves
 * once the migrations are applied (under an advisory lock, so servers starting together apply each
 * migration once).
 */
export async function openPostgresStateStore(
  url: string,
  migrations: readonly string[] = POSTGRES_MIGRATIONS,
): Promise<StateStore> {
  const pool = new pg.Pool({ connectionString: url, max: 4, types })
  // An idle client that loses its connection must not crash the server; the next query reconnects.
  pool.on('error', () => {})
  const client = await pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    await client.query(
      'CREATE TABLE IF NOT EXISTS console_state_migrations (version INTEGER PRIMARY KEY)',
    )
    const res = await client.query<{ v: number }>(
      'SELECT COALESCE(MAX(version), 0)::int AS v FROM console_state_migrations',
    )
    const applied = res.rows[0]?.v ?? 0
    for (let i = applied; i < migrations.length; i++) {
      await client.query('BEGIN')
      try {
        await client.query(migrations[i] ?? '')
        await client.query('INSERT INTO console_state_migrations (version) VALUES ($1)', [i + 1])
        await client.query('COMMIT')
      } catch (err) {
        await client.query('ROLLBACK')
        throw err
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {})
    client.release()
  }

  return {
    backend: 'postgres',
    where: redactDatabaseUrl(url),
    async query<T extends SqlRow = SqlRow>(sql: string, params: readonly SqlValue[] = []) {
      const res = await pool.query(numberPlaceholders(sql), [...params])
      return res.rows as T[]
    },
    async run(sql, params = []) {
      const res = await pool.query(numberPlaceholders(sql), [...params])
      return res.rowCount ?? 0
    },
    async runBatch(sql, rows) {
      if (rows.length === 0) return
      // One multi-row INSERT per chunk (one round trip) where the statement is a plain INSERT.
      const insert = /^(\s*INSERT\s[\s\S]*?\sVALUES\s*)(\([^()]*\))\s*$/i.exec(sql)
      if (insert?.[1] && insert[2]) {
        const perRow = rows[0]?.length ?? 1
        const chunk = Math.max(1, Math.floor(60_000 / perRow))
        for (let i = 0; i < rows.length; i += chunk) {
          const part = rows.slice(i, i + chunk)
          const multi = `${insert[1]}${part.map(() => insert[2]).join(', ')}`
          await pool.query(numberPlaceholders(multi), part.flat())
        }
        return
      }
      const text = numberPlaceholders(sql)
      const c = await pool.connect()
      try {
        await c.query('BEGIN')
        for (const r of rows) await c.query(text, [...r])
        await c.query('COMMIT')
      } catch (err) {
        await c.query('ROLLBACK').catch(() => {})
        throw err
      } finally {
        c.release()
      }
    },
    async close() {
      await pool.end()
    },
  }
}
