/**
 * The shape of a JSON body: keys and value types, not values. Arrays take the shape of their
 * first element (an empty array is just `array`). Used to compare two clouds' answers to the same
 * request without ids, times or names getting in the way.
 */
export type Shape = string | { [key: string]: Shape } | [Shape]

export function shapeOf(value: unknown): Shape {
  if (value === null) return 'null'
  if (Array.isArray(value)) return value.length === 0 ? 'array' : [shapeOf(value[0])]
  if (typeof value === 'object') {
    const out: { [key: string]: Shape } = {}
    for (const key of Object.keys(value as object).sort()) {
      out[key] = shapeOf((value as Record<string, unknown>)[key])
    }
    return out
  }
  return typeof value
}

/** Paths where two shapes differ, e.g. `instance.volume.used: missing on reference`. */
export function diffShapes(
  a: Shape,
  b: Shape,
  path = '',
  names = ['embedded', 'reference'],
): string[] {
  const here = path || '(body)'
  if (typeof a === 'string' || typeof b === 'string') {
    // An empty array matches any array; otherwise the types must agree.
    if ((a === 'array' && Array.isArray(b)) || (b === 'array' && Array.isArray(a))) return []
    return JSON.stringify(a) === JSON.stringify(b)
      ? []
      : [`${here}: ${describe(a)} on ${names[0]}, ${describe(b)} on ${names[1]}`]
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) {
      return [`${here}: ${describe(a)} on ${names[0]}, ${describe(b)} on ${names[1]}`]
    }
    return diffShapes(a[0], b[0], `${path}[]`, names)
  }
  const out: string[] = []
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const p = path ? `${path}.${key}` : key
    if (!(key in a)) out.push(`${p}: missing on ${names[0]}`)
    else if (!(key in b)) out.push(`${p}: missing on ${names[1]}`)
    else out.push(...diffShapes(a[key] as Shape, b[key] as Shape, p, names))
  }
  return out
}

function describe(s: Shape): string {
  if (typeof s === 'string') return s
  return Array.isArray(s) ? 'array' : 'object'
}
