import { describe, expect, it } from 'vitest'
import { humanize, jsonSchemaToSpecs, propertyToSpec } from './json-schema-to-specs'
import { defaultValuesFromSpecs, zodFromSpecs } from './zod-from-specs'

describe('humanize', () => {
  it('makes labels from property names', () => {
    expect(humanize('max_connections')).toBe('Max connections')
    expect(humanize('ipFilter')).toBe('Ip filter')
    expect(humanize('log-level')).toBe('Log level')
    expect(humanize('x')).toBe('X')
  })
})

describe('propertyToSpec', () => {
  it('strings: text with lengths and pattern, title and description', () => {
    expect(
      propertyToSpec(
        'host',
        {
          type: 'string',
          title: 'Host name',
          description: 'Where',
          minLength: 1,
          maxLength: 9,
          pattern: '[a-z]+',
        },
        true,
      ),
    ).toEqual({
      kind: 'text',
      name: 'host',
      label: 'Host name',
      help: 'Where',
      required: true,
      minLength: 1,
      maxLength: 9,
      pattern: '[a-z]+',
    })
  })
  it('secrets: format password, writeOnly, or a secret-looking name', () => {
    expect(propertyToSpec('p', { type: 'string', format: 'password' }, false)).toMatchObject({
      kind: 'secret',
    })
    expect(propertyToSpec('p', { type: 'string', writeOnly: true }, false)).toMatchObject({
      kind: 'secret',
    })
    expect(propertyToSpec('sasl_password', { type: 'string' }, false)).toMatchObject({
      kind: 'secret',
    })
    expect(propertyToSpec('api_key', { type: 'string' }, false)).toMatchObject({ kind: 'secret' })
    expect(propertyToSpec('username', { type: 'string' }, false)).toMatchObject({ kind: 'text' })
  })
  it('numbers: integer vs number, bounds, draft-4 and draft-6 exclusive bounds, multipleOf', () => {
    expect(propertyToSpec('n', { type: 'integer', minimum: 1, maximum: 10 }, false)).toEqual({
      kind: 'number',
      name: 'n',
      label: 'N',
      integer: true,
      min: 1,
      max: 10,
    })
    expect(
      propertyToSpec('n', { type: 'integer', exclusiveMinimum: 0, exclusiveMaximum: 10 }, false),
    ).toMatchObject({ min: 1, max: 9 })
    expect(
      propertyToSpec(
        'n',
        { type: 'integer', minimum: 0, exclusiveMinimum: true, maximum: 5, exclusiveMaximum: true },
        false,
      ),
    ).toMatchObject({ min: 1, max: 4 })
    expect(propertyToSpec('r', { type: 'number', minimum: 0, multipleOf: 0.5 }, false)).toEqual({
      kind: 'number',
      name: 'r',
      label: 'R',
      integer: false,
      min: 0,
      step: 0.5,
    })
  })
  it('booleans, enums (select), nullable types', () => {
    expect(propertyToSpec('on', { type: 'boolean' }, false)).toEqual({
      kind: 'boolean',
      name: 'on',
      label: 'On',
    })
    expect(propertyToSpec('lvl', { type: 'string', enum: ['info', 'debug'] }, false)).toMatchObject(
      {
        kind: 'select',
        options: [
          { value: 'info', label: 'info' },
          { value: 'debug', label: 'debug' },
        ],
      },
    )
    expect(propertyToSpec('lvl', { enum: ['a'] }, false)).toMatchObject({ kind: 'select' })
    expect(propertyToSpec('n', { type: ['integer', 'null'] }, false)).toMatchObject({
      kind: 'number',
      integer: true,
    })
  })
  it('says why a property cannot be a field', () => {
    expect(propertyToSpec('o', { type: 'object' }, false)).toEqual({
      name: 'o',
      reason: 'is a nested object',
    })
    expect(propertyToSpec('a', { type: 'array' }, false)).toEqual({
      name: 'a',
      reason: 'is a list',
    })
    expect(propertyToSpec('u', { oneOf: [] }, false)).toEqual({
      name: 'u',
      reason: 'uses oneOf/anyOf/allOf',
    })
    expect(propertyToSpec('r', { type: 'string', readOnly: true }, false)).toEqual({
      name: 'r',
      reason: 'is read-only',
    })
    expect(propertyToSpec('m', { type: ['string', 'integer'] }, false)).toEqual({
      name: 'm',
      reason: 'has no single type',
    })
    expect(propertyToSpec('x', { type: 'null' }, false)).toEqual({
      name: 'x',
      reason: 'has the unsupported type null',
    })
    expect(propertyToSpec('e', { enum: [{ a: 1 }] }, false)).toEqual({
      name: 'e',
      reason: 'has an enum of non-scalar values',
    })
  })
})

describe('jsonSchemaToSpecs', () => {
  const schema = {
    type: 'object',
    required: ['url', 'port'],
    properties: {
      url: { type: 'string', description: 'Endpoint URL' },
      port: { type: 'integer', minimum: 1, maximum: 65535, default: 443 },
      tls: { type: 'boolean', default: true },
      password: { type: 'string' },
      tags: { type: 'array' },
      'a.b': { type: 'string' },
    },
  }
  it('keeps order, collects defaults and skipped properties', () => {
    const form = jsonSchemaToSpecs(schema)
    expect(form.specs.map((s) => [s.name, s.kind, s.required ?? false])).toEqual([
      ['url', 'text', true],
      ['port', 'number', true],
      ['tls', 'boolean', false],
      ['password', 'secret', false],
    ])
    expect(form.defaults).toEqual({ port: 443, tls: true })
    expect(form.skipped).toEqual([
      { name: 'tags', reason: 'is a list' },
      { name: 'a.b', reason: "has '.', '[' or ']' in its name" },
    ])
  })
  it('round-trips through the zod builder', () => {
    const form = jsonSchemaToSpecs(schema)
    const input = defaultValuesFromSpecs(form.specs, form.defaults)
    expect(input).toEqual({ url: '', port: '443', tls: true, password: '' })
    const r = zodFromSpecs(form.specs).safeParse(input)
    expect(r.error?.issues.map((i) => [i.path[0], i.message])).toEqual([['url', 'Required']])
    expect(zodFromSpecs(form.specs).parse({ ...input, url: 'https://x' })).toEqual({
      url: 'https://x',
      port: 443,
      tls: true,
      password: undefined,
    })
  })
  it('an empty schema has no fields', () => {
    expect(jsonSchemaToSpecs({})).toEqual({ specs: [], defaults: {}, skipped: [] })
  })
})
