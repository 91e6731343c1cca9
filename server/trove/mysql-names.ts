/**
 * Trove's messages for the rules of src/api/rules/ (database names, user names, passwords,
 * hosts; the forms use the same rules), plus character sets and collations
 * (trove/common/db/models.py, trove/common/db/{mysql,postgresql}/models.py). The verdicts decide;
 * this file only words the refusal as Trove does.
 */
import {
  MYSQL_CHARSETS,
  MYSQL_DEFAULT_CHARSET,
  MYSQL_DEFAULT_COLLATION,
  POSTGRES_DEFAULT_ENCODING,
  POSTGRES_ENCODINGS,
  POSTGRES_LOCALE_RE,
  mysqlCharsetOfCollation,
  postgresLocaleFits,
} from '../../src/api/rules/charsets'
import type { DatastoreFamily } from '../../src/api/rules/datastore-family'
import {
  RESERVED_DATABASES,
  databaseNameMax,
  databaseNameVerdict,
  isReservedDatabase,
} from '../../src/api/rules/database-names'
import { hostVerdict } from '../../src/api/rules/hosts'
import { passwordVerdict } from '../../src/api/rules/passwords'
import {
  RESERVED_USERS,
  isReservedUser,
  isSupportedMysqlString,
  userNameMax,
  userNameVerdict,
} from '../../src/api/rules/user-names'

export { isReservedDatabase, isReservedUser }

/** A Python list repr, as Trove prints the reserved lists: `['os_admin', 'root']`. */
export function pyList(items: readonly string[]): string {
  return `[${items.map((i) => `'${i}'`).join(', ')}]`
}

/* ------------------------------------------------------------------ databases */

/** `DatastoreSchema._validate_schema_name`: null when the name is valid (reserved aside). */
export function schemaNameError(name: string, family: DatastoreFamily): string | null {
  const v = databaseNameVerdict(name, family)
  if (v.ok || v.reason === 'reserved') return null
  if (v.reason === 'empty') return 'Schema name empty.'
  if (v.reason === 'too_long') {
    return `Schema name '${name}' is too long. Max length = ${databaseNameMax(family)}.`
  }
  return `'${name}' is not a valid schema name.`
}

/** `DatastoreSchema.check_reserved`. */
export function reservedDatabaseError(name: string, family: DatastoreFamily): string | null {
  if (!isReservedDatabase(name, family)) return null
  return `Database name "${name}" is on the reserved list: ${pyList(RESERVED_DATABASES[family])}.`
}

export interface CharsetChoice {
  character_set: string | null
  collate: string | null
}

/**
 * `MySQLSchema.character_set` then `.collate` setters (in populate_validated_databases' order):
 * the values to store, or Trove's message. PostgreSQL: Trove stores what it gets; the embedded
 * cloud checks the encoding and the locale's form so a bad value fails here, not in the guest.
 */
export function charsetChoice(
  family: DatastoreFamily,
  characterSet: string | undefined,
  collate: string | undefined,
): CharsetChoice | { error: string } {
  if (family === 'mysql') {
    let cs: string | null = null
    if (characterSet) {
      if (!(characterSet in MYSQL_CHARSETS)) {
        return { error: `'${characterSet}' not a valid character set.` }
      }
      cs = characterSet
    }
    let co: string | null = null
    if (collate) {
      if (cs) {
        if (!MYSQL_CHARSETS[cs]!.includes(collate)) {
          return { error: `${collate} not a valid collation for charset ${cs}.` }
        }
      } else {
        const owner = mysqlCharsetOfCollation(collate)
        if (!owner) return { error: `'${collate}' not a valid collation.` }
        cs = owner
      }
      co = collate
    }
    // The getters: defaults when nothing was given, the set's first collation otherwise.
    if (!cs && !co)
      return { character_set: MYSQL_DEFAULT_CHARSET, collate: MYSQL_DEFAULT_COLLATION }
    if (cs && !co) return { character_set: cs, collate: MYSQL_CHARSETS[cs]![0]! }
    return { character_set: cs, collate: co }
  }
  if (family === 'postgresql') {
    const enc = characterSet ? characterSet.toUpperCase() : undefined
    if (enc && !POSTGRES_ENCODINGS.includes(enc)) {
      return { error: `'${characterSet}' is not a valid PostgreSQL encoding.` }
    }
    if (collate && !POSTGRES_LOCALE_RE.test(collate)) {
      return { error: `'${collate}' is not a valid PostgreSQL locale.` }
    }
    if (collate && !postgresLocaleFits(collate, enc ?? POSTGRES_DEFAULT_ENCODING)) {
      return {
        error: `The locale '${collate}' does not match the encoding ${enc ?? POSTGRES_DEFAULT_ENCODING}.`,
      }
    }
    return { character_set: enc ?? null, collate: collate ?? null }
  }
  return { character_set: characterSet ?? null, collate: collate ?? null }
}

/* ---------------------------------------------------------------------- users */

/** `DatastoreUser._validate_user_name`: null when the name is valid (reserved aside). */
export function userNameError(name: string, family: DatastoreFamily): string | null {
  const v = userNameVerdict(name, family)
  if (v.ok || v.reason === 'reserved') return null
  if (v.reason === 'empty') return 'User name empty.'
  if (v.reason === 'too_long') {
    return `User name '${name}' is too long. Max length = ${userNameMax(family) ?? 0}.`
  }
  return `'${name}' is not a valid user name.`
}

/** `DatastoreUser.check_reserved`. */
export function reservedUserError(name: string, family: DatastoreFamily): string | null {
  if (!isReservedUser(name, family)) return null
  return `User name "${name}" is on the reserved list: ${pyList(RESERVED_USERS[family])}.`
}

/**
 * `MySQLUser._is_valid_password`. Trove's message repeats the password ("'…' is not a valid
 * password."); this one names the user instead, so a password never lands in a log or a toast.
 */
export function passwordError(
  password: string,
  family: DatastoreFamily,
  who: string,
): string | null {
  const v = passwordVerdict(password, family)
  if (v.ok) return null
  if (family !== 'mysql' || isSupportedMysqlString(password)) {
    return `The password of ${who} is refused: ${v.message}`
  }
  return `The password of ${who} contains characters that are not allowed (quotes, ; \` , / \\, control characters or spaces at either end).`
}

/** `MySQLUser._is_valid_host_name` (hostname_require_valid_ip = True); host_string elsewhere. */
export function hostError(host: string, family: DatastoreFamily): string | null {
  return hostVerdict(host, family).ok ? null : `'${host}' is not a valid hostname.`
}

/**
 * `unquote_user_host`: `name@host` (the last `@` splits), or a bare name meaning host `%`. The
 * router has already percent-decoded the path segment once.
 */
export function parseUserId(id: string): { name: string; host: string } {
  if (!id.includes('@') || id.endsWith('@')) return { name: id, host: '%' }
  const at = id.lastIndexOf('@')
  return { name: id.slice(0, at), host: id.slice(at + 1) }
}

/* ----------------------------------------------------------------------- root */

/** The administrative user root enable creates: Trove's guest agents (PostgreSQL's too) name it `root`. */
export const ROOT_USER_NAME = 'root'
