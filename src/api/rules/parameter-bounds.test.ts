import { describe, expect, it } from 'vitest'
import { boundProblem, compareDecimalText, hasBounds } from './parameter-bounds'

describe('parameter bounds', () => {
  it('compares decimal text exactly, beyond 2^53', () => {
    expect(compareDecimalText('18446744073709551615', '18446744073709551614')).toBe(1)
    expect(compareDecimalText('0.25', '0.3')).toBe(-1)
    expect(compareDecimalText('-1.5', '-1.50')).toBe(0)
    expect(compareDecimalText('-2', '1')).toBe(-1)
  })
  it('takes whole numbers up to 2^64-1 for integers and decimals for floats', () => {
    expect(boundProblem('integer', '18446744073709551615')).toBeNull()
    expect(boundProblem('integer', '-18446744073709551615')).toBeNull()
    expect(boundProblem('integer', '18446744073709551616')).toBe(
      'At most 18446744073709551615 either way.',
    )
    expect(boundProblem('integer', '1.5')).toBe('Enter a whole number.')
    expect(boundProblem('float', '1.5')).toBeNull()
    expect(boundProblem('float', '1e3')).toBe('Enter a number, e.g. 0.5.')
  })
  it('gives bounds to integers and floats only', () => {
    expect(['integer', 'float', 'string', 'boolean'].map(hasBounds)).toEqual([
      true,
      true,
      false,
      false,
    ])
  })
})
