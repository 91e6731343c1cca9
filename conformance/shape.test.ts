import { describe, expect, it } from 'vitest'
import { diffShapes, shapeOf } from './shape'

describe('shapeOf', () => {
  it('keeps keys and types, drops values', () => {
    expect(shapeOf({ id: 'x', size: 2, links: [{ href: 'h' }], fault: null, ok: true })).toEqual({
      fault: 'null',
      id: 'string',
      links: [{ href: 'string' }],
      ok: 'boolean',
      size: 'number',
    })
    expect(shapeOf([])).toBe('array')
  })
})

describe('diffShapes', () => {
  it('is empty for the same shape with other values', () => {
    expect(diffShapes(shapeOf({ a: 1, b: ['x'] }), shapeOf({ a: 7, b: ['y', 'z'] }))).toEqual([])
  })

  it('names missing keys, type changes and nested paths', () => {
    const a = shapeOf({ instance: { volume: { size: 1, used: 0.1 }, id: 'x' } })
    const b = shapeOf({ instance: { volume: { size: 1 }, id: 3 } })
    expect(diffShapes(a, b)).toEqual([
      'instance.id: string on embedded, number on reference',
      'instance.volume.used: missing on reference',
    ])
  })

  it('lets an empty array match any array', () => {
    expect(diffShapes(shapeOf({ l: [] }), shapeOf({ l: [{ a: 1 }] }))).toEqual([])
  })
})
