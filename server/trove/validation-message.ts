import type { z } from 'zod'

type Issue = z.core.$ZodIssue
type PathKey = PropertyKey

const TROVE_UUID_PATTERN =
  '^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$'

/** Containers nested deeper than this show as `[...]` / `{...}` (as Python's reprlib does). */
const REPR_MAX_DEPTH = 32

/** A value the way Python's repr shows it in jsonschema messages. */
export function pyRepr(v: unknown, depth = 0): string {
  if (v === null || v === undefined) return 'None'
  if (v === true) return 'True'
  if (v === false) return 'False'
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
  if (typeof v === 'number') return String(v)
  if (Array.isArray(v)) {
    if (depth >= REPR_MAX_DEPTH) return '[...]'
    return `[${v.map((x) => pyRepr(x, depth + 1)).join(', ')}]`
  }
  if (typeof v === 'object') {
    if (depth >= REPR_MAX_DEPTH) return '{...}'
    return `{${Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x, depth + 1)}`)
      .join(', ')}}`
  }
  return String(v)
}

/** `instance['volume']['size']` from ['instance','volume','size']. */
export function pyPath(path: readonly PathKey[]): string {
  if (path.length === 0) return ''
  const [head, ...rest] = path
  return `${String(head)}${rest.map((k) => (typeof k === 'number' ? `[${k}]` : `['${String(k)}']`)).join('')}`
}

function valueAt(input: unknown, path: readonly PathKey[]): unknown {
  let v: unknown = input
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<PropertyKey, unknown>)[k as string]
  }
  return v
}

const JSON_TYPE: Record<string, string> = {
  string: 'string',
  number: 'integer',
  int: 'integer',
  boolean: 'boolean',
  object: 'object',
  array: 'array',
  null: 'null',
}

/** One zod issue in jsonschema's words (without the path prefix). */
function describe(
  issue: Issue,
  input: unknown,
  base: readonly PathKey[],
): { path: readonly PathKey[]; text: string } {
  const fullPath = [...base, ...issue.path]
  const value = valueAt(input, fullPath)
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) {
        const key = fullPath[fullPath.length - 1]
        return { path: fullPath.slice(0, -1), text: `'${String(key)}' is a required property` }
      }
      return {
        path: fullPath,
        text: `${pyRepr(value)} is not of type '${JSON_TYPE[issue.expected] ?? issue.expected}'`,
      }
    case 'too_small':
      if (issue.origin === 'string' || issue.origin === 'array') {
        return { path: fullPath, text: `${pyRepr(value)} is too short` }
      }
      return {
        path: fullPath,
        text: `${pyRepr(value)} is less than the minimum of ${String(issue.minimum)}`,
      }
    case 'too_big':
      if (issue.origin === 'string' || issue.origin === 'array') {
        return { path: fullPath, text: `${pyRepr(value)} is too long` }
      }
      return {
        path: fullPath,
        text: `${pyRepr(value)} is greater than the maximum of ${String(issue.maximum)}`,
      }
    case 'invalid_format': {
      const pattern =
        issue.format === 'regex' && 'pattern' in issue && typeof issue.pattern === 'string'
          ? issue.pattern
          : issue.format
      const shown = pattern.includes('[0-9a-fA-F]{8}-')
        ? TROVE_UUID_PATTERN
        : pattern.replace(/^\/|\/$/g, '')
      return { path: fullPath, text: `${pyRepr(value)} does not match '${shown}'` }
    }
    case 'unrecognized_keys':
      return {
        path: fullPath,
        text: `Additional properties are not allowed (${issue.keys.map((k) => `'${k}'`).join(', ')} ${
          issue.keys.length === 1 ? 'was' : 'were'
        } unexpected)`,
      }
    case 'invalid_union': {
      const parts = [`${pyRepr(value)} is not valid under any of the given schemas`]
      for (const branch of issue.errors) {
        for (const sub of branch) parts.push(describe(sub, input, fullPath).text)
      }
      return { path: fullPath, text: parts.join('; ') }
    }
    case 'invalid_value':
      return { path: fullPath, text: `${pyRepr(value)} is not one of ${pyRepr(issue.values)}` }
    default:
      return { path: fullPath, text: issue.message }
  }
}

/** `Validation error: instance['volume']['size'] 0 is less than the minimum of 1; ...` */
export function validationMessage(issues: readonly Issue[], input: unknown): string {
  const parts = issues.map((i) => {
    const { path, text } = describe(i, input, [])
    const p = pyPath(path)
    return p ? `${p} ${text}` : text
  })
  return `Validation error: ${parts.join('; ')}`
}
