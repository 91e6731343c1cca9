import { describe, expect, it } from 'vitest'
import { fieldForConfigurationError } from './server-errors'

describe('fieldForConfigurationError', () => {
  it.each([
    [
      'The value provided for the configuration parameter max_connections is not of type integer.',
      { kind: 'value', parameter: 'max_connections' },
    ],
    [
      'The value for the configuration parameter max_connections is less than the minimum allowed: 1',
      { kind: 'value', parameter: 'max_connections' },
    ],
    [
      'The value for the configuration parameter max_connections is greater than the maximum allowed: 100000',
      { kind: 'value', parameter: 'max_connections' },
    ],
    [
      'The configuration parameter no_such_param is not supported for this datastore: mysql 5.7.',
      { kind: 'value', parameter: 'no_such_param' },
    ],
    ["Validation error: configuration 'name' is a required property", { kind: 'name' }],
    ["Validation error: configuration['name'] '' is too short", { kind: 'name' }],
    [
      "Validation error: configuration['description'] '!' does not match '^.*[0-9a-zA-Z]+.*$'",
      { kind: 'description' },
    ],
    ["Validation error: configuration['values'] [] is not of type 'object'", { kind: 'values' }],
    ["Datastore 'nosql' cannot be found.", { kind: 'datastore' }],
    ["Datastore version '9.9' cannot be found.", { kind: 'datastore' }],
    ['Configuration groups are not supported for this datastore: mysql 5.7', { kind: 'datastore' }],
  ])('%s', (message, field) => {
    expect(fieldForConfigurationError(message)).toEqual(field)
  })

  it('returns null for messages about no field', () => {
    expect(fieldForConfigurationError('Resource x cannot be found.')).toBeNull()
    expect(
      fieldForConfigurationError("Validation error: 'configuration' is a required property"),
    ).toBeNull()
  })
})
