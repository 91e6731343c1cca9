import { describe, expect, it } from 'vitest'
import { fieldsForCreateError } from './launch-errors'
import { launchInstanceDefaults, type LaunchInstanceValues } from './launch-instance.schema'

const U1 = '11111111-2222-3333-4444-555555555555'
const values: LaunchInstanceValues = {
  ...launchInstanceDefaults,
  name: 'orders',
  datastoreType: 'mysql',
  datastoreVersion: '9.9',
  flavorId: '999',
  volumeSize: 100,
  configurationId: U1,
  databases: [{ name: 'bad name!', characterSet: '', collate: '' }],
  users: [
    { name: 'this_name_is_way_too_long_for_mysql_users', password: 'p', host: '', databases: [] },
    { name: 'u1', password: 'p', host: '', databases: ['notlisted'] },
  ],
}

const fields = (message: string, v = values) => fieldsForCreateError(message, v).map((f) => f.field)

describe('fieldsForCreateError', () => {
  it.each([
    ["Volume 'size' cannot exceed maximum of 25 GB, 100 cannot be accepted.", ['volumeSize']],
    ['Volume size was not specified.', ['volumeSize']],
    [
      "Validation error: instance['volume']['size'] 0 is not valid under any of the given schemas; 0 is less than the minimum of 1; 0 is not of type 'string'",
      ['volumeSize'],
    ],
    ["Validation error: instance['volume']['type'] '' is too short", ['volumeType']],
    ["Quota exceeded for resources: ['volumes'].", ['volumeSize']],
    ["Quota exceeded for resources: ['ram'].", ['flavorId']],
    ["Quota exceeded for resources: ['instances'].", []],
    ['Resource 999 cannot be found.', ['flavorId']],
    [`Resource ${U1} cannot be found.`, ['configurationId']],
    ["Datastore 'nosuchds' cannot be found.", ['datastoreType']],
    ["Datastore version '9.9' cannot be found.", ['datastoreVersion']],
    ['Flavor 999 is not supported for datastore mysql version 9.9', ['flavorId']],
    ["Validation error: instance 'name' is a required property", ['name']],
    [
      "Validation error: instance['nics'][0]['net-id'] 'abc' does not match '^([0-9a-fA-F]){8}$'",
      ['networkId'],
    ],
    [
      "Validation error: instance['access']['allowed_cidrs'][0] 'x' does not match",
      ['allowedCidrs'],
    ],
    ["'bad name!' is not a valid schema name.", ['databases.0.name']],
    [
      "User create error: User name 'this_name_is_way_too_long_for_mysql_users' is too long. Max length = 16.",
      ['users.0.name'],
    ],
    [
      'The request indicates that user u1 should have access to database notlisted, but database notlisted is not included in the initial databases list.',
      ['users.1.databases'],
    ],
    ["Validation error: instance['users'][1]['password'] '' is too short", ['users.1.password']],
    ['Locality must be affinity or anti-affinity', ['locality']],
    ['Something else went wrong.', []],
  ] as const)('%s', (message, expected) => {
    expect(fields(message)).toEqual(expected)
  })
  it('"Resource None" points at a missing flavor', () => {
    expect(fields('Resource None cannot be found.', { ...values, flavorId: '' })).toEqual([
      'flavorId',
    ])
  })
  it('carries the message to each field', () => {
    expect(fieldsForCreateError('Volume size was not specified.', values)).toEqual([
      { field: 'volumeSize', message: 'Volume size was not specified.' },
    ])
  })
})
