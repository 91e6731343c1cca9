/**
 * Bounds of a configuration parameter, as exact decimal text from the admin form to the store:
 * never a JavaScript number, so 2^64-1 (MySQL's unsigned 64-bit variables) stays exact. Used by
 * the admin parameter form and by the embedded cloud's `/mgmt/.../parameters` routes.
 */
export const INTEGER_BOUND = /^-?\d+$/
export const DECIMAL_BOUND = /^-?\d+(\.\d+)?$/
/** The largest bound (either sign): 2^64-1. */
export const MAX_BOUND = 18446744073709551615n

/** Whether a parameter of this data type has bounds (integers; floats as a console extension). */
export function hasBounds(dataType: string): boolean {
  return dataType === 'integer' || dataType === 'float'
}

/** Compares two decimal texts exactly (scaled to BigInt, no float rounding). */
export function compareDecimalText(a: string, b: string): number {
  const scale = Math.max(fraction(a).length, fraction(b).length)
  const x = scaled(a, scale)
  const y = scaled(b, scale)
  return x < y ? -1 : x > y ? 1 : 0
}

/** Why a bound's text is refused for this data type, or null when it is fine. */
export function boundProblem(dataType: string, text: string): string | null {
  const integer = dataType === 'integer'
  if (!(integer ? INTEGER_BOUND : DECIMAL_BOUND).test(text) || text.length > 40)
    return integer ? 'Enter a whole number.' : 'Enter a number, e.g. 0.5.'
  const whole = BigInt(text.split('.')[0] ?? '0')
  if ((whole < 0n ? -whole : whole) > MAX_BOUND) return `At most ${MAX_BOUND} either way.`
  return null
}

function fraction(t: string): string {
  return t.split('.')[1] ?? ''
}
function scaled(t: string, scale: number): bigint {
  const [whole = '0', frac = ''] = t.split('.')
  const negative = whole.startsWith('-')
  const digits = BigInt(whole.replace('-', '') + frac.padEnd(scale, '0'))
  return negative ? -digits : digits
}
