import { describe, expect, it } from 'vitest'
import { MYSQL_CHARSETS, mysqlCharsetOfCollation, postgresLocaleFits } from '../rules/charsets'
import { MYSQL_DB_NAME_MAX, MYSQL_DB_NAME_RE } from '../rules/database-names'
import { datastoreFamily } from '../rules/datastore-family'
import { databaseCreateBody, databaseFormSchema } from './schemas'

const firstMessage = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? undefined : r.error?.issues[0]?.message

describe('database name rules', () => {
  it('matches Trove MySQL names', () => {
    for (const ok of ['db1', 'a', 'with space', 'a?b', 'a#b', 'a@b', '_x-y_']) {
      expect(MYSQL_DB_NAME_RE.test(ok), ok).toBe(true)
    }
    for (const bad of ['bad name!', ' x', 'x ', '@x', 'x@', 'a b c', "a'b", 'a;b', 'a\\b', '']) {
      expect(MYSQL_DB_NAME_RE.test(bad), bad).toBe(false)
    }
    expect(MYSQL_DB_NAME_MAX).toBe(64)
  })
})

describe('databaseFormSchema', () => {
  const parse = (
    v: Partial<{ name: string; characterSet: string; collation: string }>,
    fam = 'mysql',
  ) =>
    databaseFormSchema(datastoreFamily(fam), ['taken']).safeParse({
      name: 'db',
      characterSet: '',
      collation: '',
      ...v,
    })

  it('accepts a plain name with the cloud defaults', () => {
    expect(parse({}).success).toBe(true)
  })
  it.each([
    [{ name: '' }, 'Enter a name.'],
    [{ name: 'x'.repeat(65) }, 'At most 64 characters.'],
    [
      { name: 'bad name!' },
      'Use letters, digits, _ and -; spaces, ?, # and @ only inside the name.',
    ],
    [{ name: 'mysql' }, 'mysql is a reserved database name.'],
    [{ name: 'taken' }, 'A database named taken already exists.'],
    [{ characterSet: 'klingon' }, 'Not a MySQL character set.'],
    [{ collation: 'nope' }, 'Not a MySQL collation.'],
    [{ characterSet: 'latin1', collation: 'utf8_bin' }, 'Not a collation of latin1.'],
  ])('refuses %j', (v, message) => {
    expect(firstMessage(parse(v))).toBe(message)
  })
  it('PostgreSQL: encodings and locales', () => {
    expect(parse({ characterSet: 'UTF8', collation: 'en_US.UTF-8' }, 'postgresql').success).toBe(
      true,
    )
    expect(firstMessage(parse({ characterSet: 'utf8mb4' }, 'postgresql'))).toBe(
      'Not a PostgreSQL encoding.',
    )
    expect(
      firstMessage(parse({ characterSet: 'LATIN1', collation: 'en_US.UTF-8' }, 'postgresql')),
    ).toBe('This locale does not use the LATIN1 encoding.')
    expect(firstMessage(parse({ name: 'postgres' }, 'postgresql'))).toBe(
      'postgres is a reserved database name.',
    )
  })
  it('builds the request body, leaving empty selects out', () => {
    expect(databaseCreateBody({ name: 'db', characterSet: '', collation: '' })).toEqual({
      databases: [{ name: 'db' }],
    })
    expect(
      databaseCreateBody({ name: 'db', characterSet: 'utf8mb4', collation: 'utf8mb4_bin' }),
    ).toEqual({
      databases: [{ name: 'db', character_set: 'utf8mb4', collate: 'utf8mb4_bin' }],
    })
  })
})

describe('charsets', () => {
  it('lists each collation under one set, the default first', () => {
    const seen = new Map<string, string>()
    for (const [cs, list] of Object.entries(MYSQL_CHARSETS)) {
      for (const co of list) {
        expect(seen.has(co), co).toBe(false)
        seen.set(co, cs)
      }
    }
    expect(MYSQL_CHARSETS.latin1?.[0]).toBe('latin1_swedish_ci')
    expect(MYSQL_CHARSETS.utf8mb4).toContain('utf8mb4_0900_ai_ci')
    expect(mysqlCharsetOfCollation('utf8mb3_general_ci')).toBe('utf8mb3')
  })
  it('matches locales to encodings', () => {
    expect(postgresLocaleFits('C', 'LATIN1')).toBe(true)
    expect(postgresLocaleFits('en_US.utf8', 'UTF8')).toBe(true)
    expect(postgresLocaleFits('de_DE.ISO-8859-1', 'LATIN1')).toBe(true)
    expect(postgresLocaleFits('en_US.UTF-8', 'LATIN1')).toBe(false)
  })
})
