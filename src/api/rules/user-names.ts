import * as z from 'zod/mini'
import type { DatastoreFamily } from './datastore-family'
import { HAS_ALNUM_RE, OK, firstRefusal, hasReprEscape, refineWith, refuse } from './verdict'

/**
 * Database user names, per datastore family, as Trove checks them:
 * - every datastore: apischema `name_string` (not empty, a letter or digit);
 * - MySQL family (`MySQLUser`): at most 16 characters (`_max_user_name_length`, Trove 18), none
 *   of `' " ; \` , / \\`, no whitespace at either end, nothing Python's `%r` escapes;
 * - PostgreSQL (`PostgreSQLUser`): at most 63 characters (identifier length);
 * - reserved users (`ignore_users`) are refused.
 */
export const MYSQL_USER_NAME_MAX = 16
export const POSTGRES_USER_NAME_MAX = 63

/** What MySQL user names and passwords may not hold (`MySQLUser.not_supported_chars`). */
export const MYSQL_UNSUPPORTED_CHARS_RE = /^\s|\s$|['";`,/\\]/

/** Users that exist on every instance and are neither listed nor created (ignore_users). */
export const RESERVED_USERS: Record<DatastoreFamily, readonly string[]> = {
  mysql: ['os_admin', 'root'],
  postgresql: ['os_admin', 'postgres', 'root'],
  other: [],
}

export function userNameMax(family: DatastoreFamily): number | undefined {
  if (family === 'mysql') return MYSQL_USER_NAME_MAX
  if (family === 'postgresql') return POSTGRES_USER_NAME_MAX
  return undefined
}

export function isReservedUser(name: string, family: DatastoreFamily): boolean {
  return RESERVED_USERS[family].includes(name)
}

/** `MySQLUser._is_valid_string`: a MySQL-family name or password Trove accepts. */
export function isSupportedMysqlString(value: string): boolean {
  return value.length > 0 && !MYSQL_UNSUPPORTED_CHARS_RE.test(value) && !hasReprEscape(value)
}

export const MYSQL_CHARS_HINT = 'No quotes, ; ` , / or \\, and no spaces at the start or end.'

/** The name's shape and length (reserved names aside). */
export function userNameFormVerdict(name: string, family: DatastoreFamily) {
  const max = userNameMax(family)
  return firstRefusal(
    () => (name.length === 0 ? refuse('empty', 'Enter a user name.') : OK),
    () =>
      max !== undefined && name.length > max
        ? refuse('too_long', `At most ${max} characters.`)
        : OK,
    () =>
      family === 'mysql' && !isSupportedMysqlString(name)
        ? refuse('invalid', MYSQL_CHARS_HINT)
        : OK,
    () =>
      HAS_ALNUM_RE.test(name)
        ? OK
        : refuse('invalid', 'The name needs at least one letter or digit.'),
  )
}

/** A user name Trove accepts for a datastore of this family. */
export function userNameVerdict(name: string, family: DatastoreFamily) {
  const shape = userNameFormVerdict(name, family)
  if (!shape.ok) return shape
  return isReservedUser(name, family) ? refuse('reserved', `${name} is a reserved user name.`) : OK
}

/** A form field for a user name: `userNameField('postgresql')`. */
export function userNameField(family: DatastoreFamily) {
  return z
    .string()
    .check(z.superRefine(refineWith((name: string) => userNameVerdict(name, family))))
}
