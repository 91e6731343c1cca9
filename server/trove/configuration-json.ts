import type { Context } from 'hono'
import { randomBytes } from 'node:crypto'
import { isPlainObject } from '../http-util'
import { badRequest, malformedBody } from './errors'

/**
 * JSON the way Python's `json` module sees numbers. Trove type-checks configuration values with
 * `isinstance`, so `2.0` is a float and `2` an int; JSON.parse makes both 2. These helpers keep
 * that difference on the way in (which integral values were written as floats) and on the way out
 * (numbers whose text must be kept: `2.0`, 18446744073709551615).
 */

/** A number written out exactly as this text. */
export class RawNumber {
  constructor(readonly text: string) {}
}

/** JSON.stringify, writing RawNumber values as their text. */
export function stringifyRaw(value: unknown): string {
  const nonce = randomBytes(6).toString('hex')
  const marker = `@@raw${nonce}:`
  const text = JSON.stringify(value, (_k, v: unknown) =>
    v instanceof RawNumber ? `${marker}${v.text}` : v,
  )
  return text.replace(new RegExp(`"${marker}([-+.\\deE]+)"`, 'g'), '$1')
}

/** A JSON response whose RawNumber values keep their text. */
export function rawJson(c: Context, body: unknown, status: 200 | 202 = 200): Response {
  return c.body(stringifyRaw(body), status, { 'Content-Type': 'application/json' })
}

export interface ParsedJson {
  value: unknown
  /** Paths (keys joined by '/') of integral numbers written with a '.' or an exponent. */
  integralFloats: Set<string>
}

const NUMBER_RE = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y

/** JSON.parse that also reports which integral numbers were written as floats (`2.0`, `1e3`). */
export function parseJsonKeepingFloats(text: string): ParsedJson {
  const nonce = randomBytes(6).toString('hex')
  const marker = `@@float${nonce}:`
  let out = ''
  let i = 0
  let inString = false
  while (i < text.length) {
    const ch = text[i]!
    if (inString) {
      out += ch
      if (ch === '\\') {
        out += text[i + 1] ?? ''
        i += 2
        continue
      }
      if (ch === '"') inString = false
      i++
      continue
    }
    if (ch === '"') {
      inString = true
      out += ch
      i++
      continue
    }
    if (ch === '-' || (ch >= '0' && ch <= '9')) {
      NUMBER_RE.lastIndex = i
      const m = NUMBER_RE.exec(text)
      if (m) {
        const token = m[0]
        const floatLiteral = /[.eE]/.test(token) && Number.isInteger(Number(token))
        out += floatLiteral ? `"${marker}${token}"` : token
        i += token.length
        continue
      }
    }
    out += ch
    i++
  }
  const integralFloats = new Set<string>()
  const restore = (v: unknown, path: string[]): unknown => {
    if (typeof v === 'string' && v.startsWith(marker)) {
      integralFloats.add(path.join('/'))
      return Number(v.slice(marker.length))
    }
    if (Array.isArray(v)) return v.map((x, idx) => restore(x, [...path, String(idx)]))
    if (isPlainObject(v)) {
      const o: Record<string, unknown> = {}
      for (const [k, x] of Object.entries(v)) o[k] = restore(x, [...path, k])
      return o
    }
    return v
  }
  return { value: restore(JSON.parse(out), []), integralFloats }
}

/** The request body as `{"<key>": {...}}`, with float literals reported (see above). */
export async function readWrappedKeepingFloats(
  c: Context,
  key: string,
): Promise<{ body: Record<string, unknown>; integralFloats: Set<string> }> {
  const text = await c.req.text()
  if (text.trim() === '') throw badRequest(`The request body is empty; send {"${key}": {...}}.`)
  let parsed: ParsedJson
  try {
    parsed = parseJsonKeepingFloats(text)
  } catch {
    throw malformedBody()
  }
  if (!isPlainObject(parsed.value)) {
    throw badRequest(`The request body must be a JSON object: {"${key}": {...}}.`)
  }
  return { body: parsed.value, integralFloats: parsed.integralFloats }
}
