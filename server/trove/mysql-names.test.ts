import { describe, expect, it } from 'vitest'
import { databaseFormSchema } from '../../src/api/databases/schemas'
import { userFormSchema } from '../../src/api/users/schemas'
import { datastoreFamily } from '../../src/api/rules/datastore-family'
import {
  charsetChoice,
  hostError,
  parseUserId,
  passwordError,
  pyList,
  reservedDatabaseError,
  reservedUserError,
  schemaNameError,
  userNameError,
} from './mysql-names'

describe('database names (MySQLSchema)', () => {
  it.each([
    ['db1', null],
    ['a', null],
    ['my-db_2', null],
    ['with space', null],
    ['a?b', null],
    ['a#b', null],
    ['a@b', null],
    ['a @#?b', null],
    ['x'.repeat(64), null],
  ])('accepts %j', (name, expected) => {
    expect(schemaNameError(name, 'mysql')).toBe(expected)
  })

  it.each([
    ['bad name!', "'bad name!' is not a valid schema name."],
    [' lead', "' lead' is not a valid schema name."],
    ['trail ', "'trail ' is not a valid schema name."],
    ['@start', "'@start' is not a valid schema name."],
    ['end#', "'end#' is not a valid schema name."],
    ['two gaps here', "'two gaps here' is not a valid schema name."],
    ["o'k", "'o'k' is not a valid schema name."],
    ['a"b', `'a"b' is not a valid schema name.`],
    ['a`b', "'a`b' is not a valid schema name."],
    ['a;b', "'a;b' is not a valid schema name."],
    ['a,b', "'a,b' is not a valid schema name."],
    ['a/b', "'a/b' is not a valid schema name."],
    ['a\\b', "'a\\b' is not a valid schema name."],
    ['a\tb', "'a\tb' is not a valid schema name."],
    ['x'.repeat(65), `Schema name '${'x'.repeat(65)}' is too long. Max length = 64.`],
    ['', 'Schema name empty.'],
  ])('refuses %j', (name, message) => {
    expect(schemaNameError(name, 'mysql')).toBe(message)
  })

  it('knows the reserved databases of each family', () => {
    expect(reservedDatabaseError('mysql', 'mysql')).toBe(
      `Database name "mysql" is on the reserved list: ['mysql', 'information_schema', 'performance_schema', 'sys', 'lost+found'].`,
    )
    expect(reservedDatabaseError('sys', 'mysql')).not.toBeNull()
    expect(reservedDatabaseError('performance_schema', 'mysql')).not.toBeNull()
    expect(reservedDatabaseError('app', 'mysql')).toBeNull()
    expect(reservedDatabaseError('postgres', 'postgresql')).not.toBeNull()
    expect(reservedDatabaseError('template1', 'postgresql')).not.toBeNull()
    expect(reservedDatabaseError('mysql', 'postgresql')).toBeNull()
  })

  it('PostgreSQL: up to 63 characters, anything but a trailing space', () => {
    expect(schemaNameError('Ünïcode name!', 'postgresql')).toBeNull()
    expect(schemaNameError('x'.repeat(63), 'postgresql')).toBeNull()
    expect(schemaNameError('x'.repeat(64), 'postgresql')).toMatch(/Max length = 63/)
    expect(schemaNameError('trail ', 'postgresql')).toBe("'trail ' is not a valid schema name.")
  })
})

describe('character sets and collations', () => {
  it('defaults to utf8/utf8_general_ci (Trove 18)', () => {
    expect(charsetChoice('mysql', undefined, undefined)).toEqual({
      character_set: 'utf8',
      collate: 'utf8_general_ci',
    })
  })
  it('takes the set default collation, or the collation set', () => {
    expect(charsetChoice('mysql', 'latin1', undefined)).toEqual({
      character_set: 'latin1',
      collate: 'latin1_swedish_ci',
    })
    expect(charsetChoice('mysql', undefined, 'utf8mb4_0900_ai_ci')).toEqual({
      character_set: 'utf8mb4',
      collate: 'utf8mb4_0900_ai_ci',
    })
    expect(charsetChoice('mysql', 'utf8mb3', 'utf8mb3_general_ci')).toEqual({
      character_set: 'utf8mb3',
      collate: 'utf8mb3_general_ci',
    })
  })
  it('refuses in Trove words', () => {
    expect(charsetChoice('mysql', 'klingon', undefined)).toEqual({
      error: "'klingon' not a valid character set.",
    })
    expect(charsetChoice('mysql', 'latin1', 'utf8_bin')).toEqual({
      error: 'utf8_bin not a valid collation for charset latin1.',
    })
    expect(charsetChoice('mysql', undefined, 'x_ci')).toEqual({
      error: "'x_ci' not a valid collation.",
    })
  })
  it('PostgreSQL: encodings and locales that fit them', () => {
    expect(charsetChoice('postgresql', 'utf8', 'en_US.UTF-8')).toEqual({
      character_set: 'UTF8',
      collate: 'en_US.UTF-8',
    })
    expect(charsetChoice('postgresql', 'LATIN1', 'de_DE.ISO-8859-1')).toEqual({
      character_set: 'LATIN1',
      collate: 'de_DE.ISO-8859-1',
    })
    expect(charsetChoice('postgresql', 'LATIN1', 'C')).not.toHaveProperty('error')
    expect(charsetChoice('postgresql', 'utf8mb4', undefined)).toHaveProperty('error')
    expect(charsetChoice('postgresql', 'UTF8', 'not a locale')).toHaveProperty('error')
    expect(charsetChoice('postgresql', 'LATIN1', 'en_US.UTF-8')).toHaveProperty('error')
  })
})

describe('user names, passwords and hosts (MySQLUser)', () => {
  it.each(['u1', 'a-b_c.d', 'x'.repeat(16), 'with space', 'üser'])('accepts %j', (name) => {
    expect(userNameError(name, 'mysql')).toBeNull()
  })
  it.each([
    ["o'neil", "'o'neil' is not a valid user name."],
    ['a"b', `'a"b' is not a valid user name.`],
    ['a;b', "'a;b' is not a valid user name."],
    ['a`b', "'a`b' is not a valid user name."],
    ['a,b', "'a,b' is not a valid user name."],
    ['a/b', "'a/b' is not a valid user name."],
    ['a\\b', "'a\\b' is not a valid user name."],
    [' lead', "' lead' is not a valid user name."],
    ['trail ', "'trail ' is not a valid user name."],
    ['new\nline', "'new\nline' is not a valid user name."],
    ['x'.repeat(17), `User name '${'x'.repeat(17)}' is too long. Max length = 16.`],
    ['', 'User name empty.'],
  ])('refuses %j', (name, message) => {
    expect(userNameError(name, 'mysql')).toBe(message)
  })
  it('PostgreSQL names: 63 characters, no character rule', () => {
    expect(userNameError("o'neil", 'postgresql')).toBeNull()
    expect(userNameError('x'.repeat(64), 'postgresql')).toMatch(/Max length = 63/)
  })
  it('reserved users', () => {
    expect(reservedUserError('root', 'mysql')).toBe(
      `User name "root" is on the reserved list: ['os_admin', 'root'].`,
    )
    expect(reservedUserError('postgres', 'postgresql')).not.toBeNull()
    expect(reservedUserError('app', 'mysql')).toBeNull()
  })
  it('passwords: same characters as names, never repeated in the message', () => {
    expect(passwordError('Secr3t pass', 'mysql', 'user u')).toBeNull()
    const msg = passwordError("it's", 'mysql', 'user u')
    expect(msg).toMatch(/^The password of user u contains characters that are not allowed/)
    expect(msg).not.toContain("it's")
    expect(passwordError(' lead', 'mysql', 'user u')).not.toBeNull()
    expect(passwordError("it's", 'postgresql', 'user u')).toBeNull()
  })
  it.each([
    ['%', true],
    ['10.0.0.5', true],
    ['192.168.1.%', true],
    ['%.168.1.1', true],
    ['255.255.255.255', true],
    ['256.1.1.1', false],
    ['10.0.0', false],
    ['example.com', false],
    ['localhost', false],
    ['10.0.0.0/8', false],
    ['10.%.0.1', false],
    ['', false],
  ])('host %j valid: %s', (host, ok) => {
    expect(hostError(host, 'mysql') === null).toBe(ok)
  })
})

describe('helpers', () => {
  it('parses user ids like unquote_user_host', () => {
    expect(parseUserId('u1')).toEqual({ name: 'u1', host: '%' })
    expect(parseUserId('u1@%')).toEqual({ name: 'u1', host: '%' })
    expect(parseUserId('u1@10.0.0.1')).toEqual({ name: 'u1', host: '10.0.0.1' })
    expect(parseUserId('a@b@10.0.0.1')).toEqual({ name: 'a@b', host: '10.0.0.1' })
    expect(parseUserId('u1@')).toEqual({ name: 'u1@', host: '%' })
  })
  it('maps managers to families', () => {
    expect(datastoreFamily('mariadb')).toBe('mysql')
    expect(datastoreFamily('postgresql')).toBe('postgresql')
    expect(datastoreFamily('redis')).toBe('other')
    expect(pyList(['a', 'b'])).toBe("['a', 'b']")
  })
})

/** The console's forms and the cloud agree on every name (same patterns and limits). */
describe('forms and cloud agree', () => {
  const dbNames = [
    'db1',
    'a',
    'with space',
    'a@b',
    'bad name!',
    ' x',
    'x ',
    'a;b',
    'x'.repeat(64),
    'x'.repeat(65),
    'mysql',
    'sys',
  ]
  it.each(dbNames)('database %j', (name) => {
    const server = schemaNameError(name, 'mysql') ?? reservedDatabaseError(name, 'mysql')
    const form = databaseFormSchema('mysql').safeParse({ name, characterSet: '', collation: '' })
    expect(form.success).toBe(server === null)
  })
  const userNames = [
    'u1',
    'x'.repeat(16),
    'x'.repeat(17),
    "o'neil",
    'a;b',
    'a,b',
    'a/b',
    'a\\b',
    ' x',
    'x ',
    'root',
    'os_admin',
    'a`b',
    'a"b',
  ]
  it.each(userNames)('user %j', (name) => {
    const server = userNameError(name, 'mysql') ?? reservedUserError(name, 'mysql')
    const form = userFormSchema('mysql').safeParse({
      name,
      password: 'pw1',
      host: '%',
      databases: [],
    })
    expect(form.success).toBe(server === null)
  })
  const hosts = ['%', '10.0.0.5', '192.168.1.%', 'example.com', '300.1.1.1', '10.0.0.0/8']
  it.each(hosts)('host %j', (host) => {
    const form = userFormSchema('mysql').safeParse({
      name: 'u',
      password: 'pw1',
      host,
      databases: [],
    })
    expect(form.success).toBe(hostError(host, 'mysql') === null)
  })
  const charsets: [string, string][] = [
    ['', ''],
    ['latin1', ''],
    ['', 'utf8mb4_bin'],
    ['latin1', 'utf8_bin'],
    ['klingon', ''],
    ['', 'nope_ci'],
    ['utf8mb4', 'utf8mb4_0900_ai_ci'],
  ]
  it.each(charsets)('charset %j collation %j', (cs, co) => {
    const server = charsetChoice('mysql', cs || undefined, co || undefined)
    const form = databaseFormSchema('mysql').safeParse({
      name: 'db',
      characterSet: cs,
      collation: co,
    })
    expect(form.success).toBe(!('error' in server))
  })
})
