import { describe, expect, it } from 'vitest'
import { groupFormSchema } from './create-form'

const specs = [
  {
    kind: 'number' as const,
    name: 'max_connections',
    label: 'm',
    integer: true,
    min: 1,
    max: 100000,
    required: true,
  },
]

describe('groupFormSchema', () => {
  it('accepts a complete form and parses values', () => {
    expect(
      groupFormSchema(specs).parse({
        name: ' cfg ',
        description: '',
        values: { max_connections: '200' },
      }),
    ).toEqual({ name: 'cfg', description: '', values: { max_connections: 200 } })
  })
  it('names the fields in error', () => {
    const r = groupFormSchema(specs).safeParse({
      name: '!!',
      description: '--',
      values: { max_connections: '0' },
    })
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['name', 'Use at least one letter or digit'],
      ['description', 'Use at least one letter or digit, or leave it empty'],
      ['values.max_connections', 'Must be at least 1'],
    ])
  })
  it('requires a name; unknown values are dropped', () => {
    const r = groupFormSchema(specs).safeParse({ name: '', description: '', values: {} })
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['name', 'Enter a name'],
      ['values.max_connections', 'Required'],
    ])
    expect(groupFormSchema([]).parse({ name: 'a', description: 'b', values: { x: '1' } })).toEqual({
      name: 'a',
      description: 'b',
      values: {},
    })
  })
})
