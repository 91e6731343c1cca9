import type { DatastoreFamily } from './datastore-family'
import { HAS_ALNUM_RE, OK, firstRefusal, hasReprEscape, refuse } from './verdict'

/**
 * Database names, per datastore family, as Trove checks them:
 * - every datastore: apischema `non_empty_string` (1..255 characters, a letter or digit);
 * - MySQL family (`MySQLSchema`): `^[A-Za-z0-9_-]+[\s?#@]*[A-Za-z0-9_-]+$`, at most 64, and
 *   nothing Python's `%r` escapes (a tab, a backslash, ...);
 * - PostgreSQL (`PostgreSQLSchema.name_regex`): `^[\u0001-\uFFFF]+[^\s]$` (no NUL, not ending
 *   in whitespace), at most 63;
 * - reserved names (`ignore_dbs`) are refused.
 * Trove's two patterns happen to need two characters (their intent is "spaces only inside");
 * MySQL and PostgreSQL take a one-character name, so the console and its cloud do too (a Trove
 * quirk not copied, like its 500s).
 */
export const MYSQL_DB_NAME_RE = /^[A-Za-z0-9_-]+[\s?#@]*[A-Za-z0-9_-]+$|^[A-Za-z0-9_-]$/
export const MYSQL_DB_NAME_MAX = 64
// eslint-disable-next-line no-control-regex -- NUL is exactly what PostgreSQL refuses
export const POSTGRES_DB_NAME_RE = /^[\u0001-\uFFFF]*[^\s\u0000]$/
export const POSTGRES_DB_NAME_MAX = 63
/** apischema non_empty_string's maxLength, for every datastore. */
export const WIRE_NAME_MAX = 255

/** Databases that exist on every instance and are neither listed nor created (ignore_dbs). */
export const RESERVED_DATABASES: Record<DatastoreFamily, readonly string[]> = {
  mysql: ['mysql', 'information_schema', 'performance_schema', 'sys', 'lost+found'],
  postgresql: ['os_admin', 'postgres', 'template0', 'template1'],
  other: [],
}

export function databaseNameMax(family: DatastoreFamily): number {
  if (family === 'mysql') return MYSQL_DB_NAME_MAX
  if (family === 'postgresql') return POSTGRES_DB_NAME_MAX
  return WIRE_NAME_MAX
}

export function isReservedDatabase(name: string, family: DatastoreFamily): boolean {
  return RESERVED_DATABASES[family].includes(name)
}

function matchesFamily(name: string, family: DatastoreFamily): boolean {
  if (family === 'mysql') return MYSQL_DB_NAME_RE.test(name) && !hasReprEscape(name)
  if (family === 'postgresql') return POSTGRES_DB_NAME_RE.test(name)
  return true
}

const FAMILY_HINT: Record<DatastoreFamily, string> = {
  mysql: 'Use letters, digits, _ and -; spaces, ?, # and @ only inside the name.',
  postgresql: 'The name cannot end with a space.',
  other: 'Not a valid database name.',
}

/** The name's shape and length (reserved names aside). */
export function databaseNameFormVerdict(name: string, family: DatastoreFamily) {
  const max = databaseNameMax(family)
  return firstRefusal(
    () => (name.length === 0 ? refuse('empty', 'Enter a name.') : OK),
    () => (name.length > max ? refuse('too_long', `At most ${max} characters.`) : OK),
    () => (matchesFamily(name, family) ? OK : refuse('invalid', FAMILY_HINT[family])),
    () => (HAS_ALNUM_RE.test(name) ? OK : refuse('invalid', 'The name needs a letter or a digit.')),
  )
}

/** A database name Trove accepts for a datastore of this family. */
export function databaseNameVerdict(name: string, family: DatastoreFamily) {
  const shape = databaseNameFormVerdict(name, family)
  if (!shape.ok) return shape
  return isReservedDatabase(name, family)
    ? refuse('reserved', `${name} is a reserved database name.`)
    : OK
}
