import { describe, expect, it } from 'vitest'
import {
  passwordsFormSchema,
  userCreateBody,
  userEditBody,
  userEditSchema,
  userFormSchema,
  userId,
} from './schemas'
import { isValidMysqlHost } from '../rules/hosts'
import { isSupportedMysqlString, MYSQL_USER_NAME_MAX } from '../rules/user-names'

const firstMessage = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? undefined : r.error?.issues[0]?.message

describe('MySQL user rules', () => {
  it('refuses the documented characters', () => {
    for (const bad of ["a'b", 'a"b', 'a;b', 'a`b', 'a,b', 'a/b', 'a\\b', ' a', 'a ', 'a\nb', '']) {
      expect(isSupportedMysqlString(bad), JSON.stringify(bad)).toBe(false)
    }
    for (const ok of ['u1', 'with space', 'p@ss#?', 'ünï']) {
      expect(isSupportedMysqlString(ok), ok).toBe(true)
    }
    expect(MYSQL_USER_NAME_MAX).toBe(16)
  })
  it('hosts: % or an IPv4 address, % at either end', () => {
    expect(isValidMysqlHost('%')).toBe(true)
    expect(isValidMysqlHost('10.1.2.3')).toBe(true)
    expect(isValidMysqlHost('10.1.2.%')).toBe(true)
    expect(isValidMysqlHost('10.%.2.3')).toBe(false)
    expect(isValidMysqlHost('db.example.com')).toBe(false)
    expect(isValidMysqlHost('10.0.0.0/8')).toBe(false)
  })
  it('ids are name@host', () => {
    expect(userId('u', undefined)).toBe('u@%')
    expect(userId('u', '10.0.0.1')).toBe('u@10.0.0.1')
  })
})

describe('userFormSchema', () => {
  const parse = (v: Partial<{ name: string; password: string; host: string }>) =>
    userFormSchema('mysql', ['taken@%']).safeParse({
      name: 'u1',
      password: 'pw1',
      host: '%',
      databases: [],
      ...v,
    })
  it('accepts a valid user', () => expect(parse({}).success).toBe(true))
  it.each([
    [{ name: '' }, 'Enter a user name.'],
    [{ name: 'x'.repeat(17) }, 'At most 16 characters.'],
    [{ name: 'a;b' }, 'No quotes, ; ` , / or \\, and no spaces at the start or end.'],
    [{ name: 'root' }, 'root is a reserved user name.'],
    [{ name: 'taken' }, 'A user taken with host % already exists.'],
    [{ password: '' }, 'Enter a password or generate one.'],
    [{ password: "it's" }, 'No quotes, ; ` , / or \\, and no spaces at the start or end.'],
    [
      { host: 'example.com' },
      'Use % for any host, or an IPv4 address such as 10.0.0.5 or 192.168.1.%.',
    ],
  ])('refuses %j', (v, message) => {
    expect(firstMessage(parse(v))).toBe(message)
  })
  it('builds the request body', () => {
    expect(userCreateBody({ name: 'u', password: 'p', host: '', databases: ['db1'] })).toEqual({
      users: [{ name: 'u', password: 'p', host: '%', databases: [{ name: 'db1' }] }],
    })
    expect(userCreateBody({ name: 'u', password: 'p', host: '10.0.0.1', databases: [] })).toEqual({
      users: [{ name: 'u', password: 'p', host: '10.0.0.1' }],
    })
  })
})

describe('userEditSchema', () => {
  const current = { name: 'u1', host: '%' }
  const parse = (v: Partial<{ name: string; host: string; password: string }>) =>
    userEditSchema('mysql', current, ['u1@%', 'u2@%']).safeParse({
      name: 'u1',
      host: '%',
      password: '',
      ...v,
    })
  it('needs a change', () => {
    expect(firstMessage(parse({}))).toBe('Change the name, the host or the password.')
    expect(parse({ password: 'new' }).success).toBe(true)
    expect(parse({ name: 'u3' }).success).toBe(true)
  })
  it('refuses a clash', () => {
    expect(firstMessage(parse({ name: 'u2' }))).toBe('A user u2 with host % already exists.')
  })
  it('sends only what changed', () => {
    expect(userEditBody({ name: 'u1', host: '%', password: 'x' }, current)).toEqual({
      user: { password: 'x' },
    })
    expect(userEditBody({ name: 'n', host: '10.0.0.1', password: '' }, current)).toEqual({
      user: { name: 'n', host: '10.0.0.1' },
    })
  })
})

describe('passwordsFormSchema', () => {
  it('needs one chosen user, each with a valid password', () => {
    const s = passwordsFormSchema('mysql')
    expect(
      firstMessage(
        s.safeParse({ entries: [{ name: 'a', host: '%', selected: false, password: '' }] }),
      ),
    ).toBe('Choose at least one user.')
    const bad = s.safeParse({
      entries: [{ name: 'a', host: '%', selected: true, password: 'a;b' }],
    })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0]?.path).toEqual(['entries', 0, 'password'])
    expect(
      s.safeParse({ entries: [{ name: 'a', host: '%', selected: true, password: 'ok1' }] }).success,
    ).toBe(true)
  })
})
