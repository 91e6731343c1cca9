import { describe, expect, it } from 'vitest'
import type { FieldSpec } from './field-spec'
import { describeRange } from './field-spec'
import {
  defaultValuesFromSpecs,
  definedValues,
  emptyInput,
  toInput,
  zodFromSpec,
  zodFromSpecs,
} from './zod-from-specs'

const issues = (spec: FieldSpec, value: unknown) => {
  const r = zodFromSpec(spec).safeParse(value)
  return r.success ? [] : r.error.issues.map((i) => i.message)
}
const out = (spec: FieldSpec, value: unknown) => zodFromSpec(spec).parse(value)

const int: FieldSpec = { kind: 'number', name: 'n', label: 'N', integer: true, min: 1, max: 100 }
const float: FieldSpec = { kind: 'number', name: 'f', label: 'F', integer: false, min: 0 }

describe('number fields', () => {
  it('parses text to numbers and enforces integer, min and max', () => {
    expect(out(int, '42')).toBe(42)
    expect(out(int, ' 7 ')).toBe(7)
    expect(out(int, 5)).toBe(5)
    expect(issues(int, '0')).toEqual(['Must be at least 1'])
    expect(issues(int, '101')).toEqual(['Must be at most 100'])
    expect(issues(int, '2.5')).toEqual(['Enter a whole number'])
    expect(issues(int, 'abc')).toEqual(['Enter a whole number'])
    expect(issues(int, '1e3')).toEqual(['Enter a whole number'])
    expect(issues(int, '0x10')).toEqual(['Enter a whole number'])
  })

  it('floats accept decimals and whole numbers; bounds are inclusive', () => {
    expect(out(float, '2.5')).toBe(2.5)
    expect(out(float, '2')).toBe(2)
    expect(out(float, '0')).toBe(0)
    expect(out(float, '.5')).toBe(0.5)
    expect(issues(float, '-0.1')).toEqual(['Must be at least 0'])
    expect(issues(float, 'x')).toEqual(['Enter a number'])
    expect(out(int, '1')).toBe(1)
    expect(out(int, '100')).toBe(100)
  })

  it("optional: '' is undefined; required: '' is 'Required'", () => {
    expect(out(int, '')).toBeUndefined()
    expect(out(int, '   ')).toBeUndefined()
    expect(out(int, undefined)).toBeUndefined()
    expect(issues({ ...int, required: true }, '')).toEqual(['Required'])
    expect(out({ ...int, required: true }, '3')).toBe(3)
    expect(issues({ ...int, required: true }, 'abc')).toEqual(['Enter a whole number'])
    expect(issues({ ...int, required: true }, '0')).toEqual(['Must be at least 1'])
  })

  it('without bounds any number passes', () => {
    const free: FieldSpec = { kind: 'number', name: 'x', label: 'X', integer: false }
    expect(out(free, '-123.25')).toBe(-123.25)
  })
})

describe('boolean fields', () => {
  const b: FieldSpec = { kind: 'boolean', name: 'b', label: 'B' }
  it('keeps booleans; optional accepts undefined; rejects other types', () => {
    expect(out(b, true)).toBe(true)
    expect(out(b, false)).toBe(false)
    expect(out(b, undefined)).toBeUndefined()
    expect(issues({ ...b, required: true }, undefined)).toEqual(['Required'])
    expect(issues(b, 'true')).toHaveLength(1)
  })
})

describe('text, secret and select fields', () => {
  const t: FieldSpec = {
    kind: 'text',
    name: 't',
    label: 'T',
    minLength: 2,
    maxLength: 5,
    pattern: '[a-z]+',
    patternMessage: 'Lower-case letters only',
  }
  it('trims text, enforces length and pattern (whole value)', () => {
    expect(out(t, ' abc ')).toBe('abc')
    expect(issues(t, 'a')).toEqual(['Must be at least 2 characters'])
    expect(issues(t, 'abcdef')).toEqual(['Must be at most 5 characters'])
    expect(issues(t, 'ab1')).toEqual(['Lower-case letters only'])
    expect(out(t, '')).toBeUndefined()
    expect(issues({ ...t, required: true }, '')).toEqual(['Required'])
  })
  it('a pattern without a message says what it must match', () => {
    expect(issues({ kind: 'text', name: 'x', label: 'X', pattern: '\\d+' }, 'a')).toEqual([
      'Must match \\d+',
    ])
  })
  it('secrets keep their spaces', () => {
    const s: FieldSpec = { kind: 'secret', name: 's', label: 'S', minLength: 3 }
    expect(out(s, ' a ')).toBe(' a ')
    expect(out(s, '')).toBeUndefined()
    expect(issues(s, 'ab')).toEqual(['Must be at least 3 characters'])
    expect(issues({ ...s, required: true }, '')).toEqual(['Required'])
  })
  it('selects accept only listed values', () => {
    const sel: FieldSpec = {
      kind: 'select',
      name: 's',
      label: 'S',
      options: [
        { value: 'a', label: 'A' },
        { value: 'b', label: 'B' },
      ],
    }
    expect(out(sel, 'a')).toBe('a')
    expect(out(sel, '')).toBeUndefined()
    expect(issues(sel, 'c')).toEqual(['Choose one of the listed values'])
    expect(issues({ ...sel, required: true }, '')).toEqual(['Choose a value'])
  })
})

describe('zodFromSpecs and defaults', () => {
  const specs: FieldSpec[] = [
    { ...int, required: true },
    float,
    { kind: 'boolean', name: 'b', label: 'B' },
    { kind: 'text', name: 't', label: 'T' },
  ]
  it('builds an object of every field; unknown keys are dropped', () => {
    expect(zodFromSpecs(specs).parse({ n: '5', f: '', b: true, t: ' x ', extra: 1 })).toEqual({
      n: 5,
      f: undefined,
      b: true,
      t: 'x',
    })
    const r = zodFromSpecs(specs).safeParse({ n: '', f: 'z', b: false, t: '' })
    expect(r.success).toBe(false)
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['n', 'Required'],
      ['f', 'Enter a number'],
    ])
  })
  it('complete defaults: empty inputs, or initial values converted', () => {
    expect(defaultValuesFromSpecs(specs)).toEqual({ n: '', f: '', b: false, t: '' })
    expect(defaultValuesFromSpecs(specs, { n: 3, f: 2.5, b: 1, t: null })).toEqual({
      n: '3',
      f: '2.5',
      b: true,
      t: '',
    })
  })
  it('toInput / emptyInput / definedValues', () => {
    expect(toInput({ kind: 'boolean', name: 'b', label: 'B' }, 'ON')).toBe(true)
    expect(toInput({ kind: 'boolean', name: 'b', label: 'B' }, 0)).toBe(false)
    expect(emptyInput(float)).toBe('')
    expect(definedValues({ a: 1, b: undefined, c: false })).toEqual({ a: 1, c: false })
  })
  it('describes ranges', () => {
    expect(describeRange({ min: 1, max: 100000 })).toBe('between 1 and 100,000')
    expect(describeRange({ min: 0 })).toBe('at least 0')
    expect(describeRange({ max: 5 })).toBe('at most 5')
    expect(describeRange({})).toBeUndefined()
    expect(describeRange({ max: Number('18446744073709551615') })).toBe(
      'at most 18,446,744,073,709,551,616',
    )
  })
})
