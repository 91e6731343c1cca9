import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/errors'
import { fieldOfServerError, serverErrorPlacement } from './server-errors'

const e400 = (message: string) => new ApiError({ status: 400, kind: 'bad-request', message })

describe('fieldOfServerError', () => {
  const userFields = ['name', 'password', 'host', 'databases'] as const
  it.each([
    ["User create error: 'a;b' is not a valid user name.", 'name'],
    ['A user with the name "u2" already exists.', 'name'],
    ["User create error: User name 'xxxxxxxxxxxxxxxxx' is too long. Max length = 16.", 'name'],
    ["User create error: 'example.com' is not a valid hostname.", 'host'],
    [
      'User create error: The password of user u contains characters that are not allowed',
      'password',
    ],
    ["User create error: 'bad name!' is not a valid schema name.", 'databases'],
  ])('user form: %s -> %s', (message, field) => {
    expect(fieldOfServerError(e400(message), userFields)).toBe(field)
  })
  const dbFields = ['name', 'characterSet', 'collation'] as const
  it.each([
    ["'bad name!' is not a valid schema name.", 'name'],
    ['A database with the name "db1" already exists.', 'name'],
    ["'klingon' not a valid character set.", 'characterSet'],
    ['utf8_bin not a valid collation for charset latin1.', 'collation'],
  ])('database form: %s -> %s', (message, field) => {
    expect(fieldOfServerError(e400(message), dbFields)).toBe(field)
  })
  it('leaves other errors to the form', () => {
    expect(fieldOfServerError(new Error('x'), dbFields)).toBeNull()
    expect(
      fieldOfServerError(
        new ApiError({ status: 422, kind: 'unprocessable', message: 'Instance x is not ready.' }),
        dbFields,
      ),
    ).toBeNull()
  })
})

describe('serverErrorPlacement', () => {
  it('puts a refusal about a field on that field, and nothing in the banner', () => {
    const err = e400("User create error: 'x;' is not a valid user name.")
    const p = serverErrorPlacement(err, ['name', 'host'] as const)
    expect(p.onField('name')).toBe(err.message)
    expect(p.onField('host')).toBeUndefined()
    expect(p.banner).toBeNull()
  })

  it('leaves a refusal no field names for the banner', () => {
    const err = new ApiError({
      status: 422,
      kind: 'unprocessable',
      message: 'Instance is not ready.',
    })
    const p = serverErrorPlacement(err, ['name'] as const)
    expect(p.onField('name')).toBeUndefined()
    expect(p.banner).toBe(err)
  })
})
