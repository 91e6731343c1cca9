import { describe, expect, it } from 'vitest'
import { parameterDefaults, parameterFormSchema, parameterToForm } from './parameter-form'

describe('parameter form', () => {
  it('requires whole-number min and max for integers, min <= max', () => {
    const messages = (v: object) =>
      parameterFormSchema
        .safeParse({ ...parameterDefaults, name: 'p', ...v })
        .error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? []
    expect(messages({})).toEqual([
      'min: Required for an integer parameter.',
      'max: Required for an integer parameter.',
    ])
    expect(messages({ min: '1.5', max: 'x' })).toEqual([
      'min: Enter a whole number.',
      'max: Enter a whole number.',
    ])
    expect(messages({ min: '10', max: '1' })).toEqual([
      'max: The maximum must be greater than or equal to the minimum.',
    ])
    expect(messages({ dataType: 'string' })).toEqual([])
    expect(messages({ min: '0', max: '18446744073709551615' })).toEqual([])
  })

  it('reads an omitted 0 bound back as 0', () => {
    expect(
      parameterToForm({
        name: 'p',
        datastore_version_id: 'v',
        restart_required: true,
        type: 'integer',
        max_size: 10,
      }),
    ).toMatchObject({ min: '0', max: '10', restartRequired: true })
  })
})
