import { describe, expect, it } from 'vitest'
import { parameterBody } from '@/api/mgmt/mutations'
import {
  parameterDefaults,
  parameterFormSchema,
  parameterToForm,
  toParameterInput,
} from './parameter-form'

const messages = (v: object) =>
  parameterFormSchema
    .safeParse({ ...parameterDefaults, name: 'p', ...v })
    .error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? []

const base = { name: 'p', datastore_version_id: 'v', restart_required: false }

describe('parameter form', () => {
  it('requires a whole-number minimum and a maximum or "no maximum" for integers', () => {
    expect(messages({})).toEqual([
      'min: Required for an integer parameter.',
      'max: Enter the maximum, or tick "No maximum".',
    ])
    expect(messages({ min: '1.5', max: 'x' })).toEqual([
      'min: Enter a whole number.',
      'max: Enter a whole number.',
    ])
    expect(messages({ min: '10', max: '1' })).toEqual([
      'max: The maximum must be greater than or equal to the minimum.',
    ])
    expect(messages({ min: '0', max: '18446744073709551615' })).toEqual([])
    expect(messages({ min: '0', max: '18446744073709551616' })).toEqual([
      'max: At most 18446744073709551615 either way.',
    ])
    expect(messages({ min: '5', noMax: true })).toEqual([])
  })

  it('takes decimal bounds for floats and none for strings and booleans', () => {
    expect(messages({ dataType: 'float', min: '0.5', max: '10.25' })).toEqual([])
    expect(messages({ dataType: 'float', min: '2.5', max: '2.25' })).toEqual([
      'max: The maximum must be greater than or equal to the minimum.',
    ])
    expect(messages({ dataType: 'float', min: 'abc', noMax: true })).toEqual([
      'min: Enter a number, e.g. 0.5.',
    ])
    expect(messages({ dataType: 'string' })).toEqual([])
    expect(messages({ dataType: 'boolean', min: 'x' })).toEqual([])
  })

  it('round-trips every type, 2^64-1 and "no maximum" exactly into the request body', () => {
    const cases = [
      { type: 'integer', max_size: '18446744073709551615', min_size: '-9223372036854775808' },
      { type: 'integer', min_size: 1 },
      { type: 'float', max_size: 10.5, min_size: 0.25 },
      { type: 'boolean' },
      { type: 'string' },
    ]
    const bodies = cases.map(
      (c) =>
        parameterBody(toParameterInput(parameterToForm({ ...base, ...c })))[
          'configuration-parameter'
        ],
    )
    expect(bodies).toEqual([
      {
        name: 'p',
        data_type: 'integer',
        restart_required: 0,
        min_size: '-9223372036854775808',
        max_size: '18446744073709551615',
      },
      { name: 'p', data_type: 'integer', restart_required: 0, min_size: '1' },
      { name: 'p', data_type: 'float', restart_required: 0, min_size: '0.25', max_size: '10.5' },
      { name: 'p', data_type: 'boolean', restart_required: 0 },
      { name: 'p', data_type: 'string', restart_required: 0 },
    ])
    expect(parameterToForm({ ...base, type: 'integer', min_size: 1 })).toMatchObject({
      noMax: true,
      max: '',
    })
  })
})
