import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/errors'
import { applyServerError } from './apply-server-error'

const err = (message: string) => new ApiError({ status: 422, kind: 'unprocessable', message })

describe('applyServerError', () => {
  const shown = { values: new Set(['max_connections']), fields: new Set(['name', 'datastore']) }
  it('lands parameter errors on the parameter field', () => {
    const calls: unknown[] = []
    const left = applyServerError(
      err(
        'The value for the configuration parameter MAX_CONNECTIONS is greater than the maximum allowed: 100000',
      ),
      (path, e) => calls.push([path, e.message]),
      shown,
    )
    expect(left).toBeUndefined()
    expect(calls).toEqual([
      [
        'values.max_connections',
        'The value for the configuration parameter MAX_CONNECTIONS is greater than the maximum allowed: 100000',
      ],
    ])
  })
  it('lands schema errors on name; returns messages naming no shown field', () => {
    const calls: unknown[] = []
    expect(
      applyServerError(
        err("Validation error: configuration 'name' is a required property"),
        (p) => calls.push(p),
        shown,
      ),
    ).toBeUndefined()
    expect(calls).toEqual(['name'])
    expect(applyServerError(err('Resource x cannot be found.'), () => undefined, shown)).toBe(
      'Resource x cannot be found.',
    )
    expect(
      applyServerError(
        err("Validation error: configuration['description'] '!' is too short"),
        () => undefined,
        shown,
      ),
    ).toMatch(/description/)
    expect(
      applyServerError(
        err('The configuration parameter other is not supported for this datastore: mysql 5.7.'),
        () => undefined,
        shown,
      ),
    ).toMatch(/other/)
  })
})
