import type { DatastoreFamily } from './datastore-family'
import { MYSQL_CHARS_HINT, isSupportedMysqlString } from './user-names'
import { HAS_ALNUM_RE, OK, firstRefusal, refuse, type Verdict } from './verdict'

/**
 * Database user passwords, as Trove checks them:
 * - every datastore: apischema `non_empty_string` (1..255 characters, a letter or digit);
 * - MySQL family (`MySQLUser._is_valid_password`): the same characters as user names;
 * - PostgreSQL: nothing more.
 */
export const PASSWORD_MAX = 255

export function passwordVerdict(password: string, family: DatastoreFamily): Verdict {
  return firstRefusal(
    () => (password.length === 0 ? refuse('empty', 'Enter a password or generate one.') : OK),
    () =>
      password.length > PASSWORD_MAX
        ? refuse('too_long', `At most ${PASSWORD_MAX} characters.`)
        : OK,
    () =>
      HAS_ALNUM_RE.test(password)
        ? OK
        : refuse('invalid', 'The password needs at least one letter or digit.'),
    () =>
      family === 'mysql' && !isSupportedMysqlString(password)
        ? refuse('invalid', MYSQL_CHARS_HINT)
        : OK,
  )
}
