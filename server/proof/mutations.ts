/**
 * Deterministic bad input for the fuzz: malformed JSON, wrong top-level types, every field of a
 * valid body replaced by wrong types / huge / unicode values, removed, or joined by unknown
 * fields; wrong path ids; junk query strings. Random combinations come from a seeded generator,
 * so every run sends the same requests.
 */

import { seededRandom } from '../dbaas/prng'

/** One malformed request body: the exact text sent (undefined: no body). */
export interface BodyCase {
  label: string
  raw: string | undefined
}

export const HUGE = 'x'.repeat(1 << 20)
const deep = (n: number): unknown => {
  let v: unknown = 'bottom'
  for (let i = 0; i < n; i++) v = [v]
  return v
}

/** Values of the wrong type for any field (label -> value). */
export const WRONG_TYPES: [string, unknown][] = [
  ['null', null],
  ['true', true],
  ['zero', 0],
  ['float', 1.5],
  ['empty string', ''],
  ['numeric string', '42'],
  ['empty array', []],
  ['empty object', {}],
  ['operator object', { $ne: null }],
  ['deep nesting', deep(2000)],
]

/** Hostile strings, in place of string fields. */
export const BAD_STRINGS: [string, unknown][] = [
  ['1 MB string', HUGE],
  ['RTL override', '\u202Egnp.exe\u202C'],
  ['emoji', '🐘💥👩‍👩‍👧'],
  ['NUL', 'a\u0000b'],
  ['lone surrogate', 'x\uD800y'],
  ['path traversal', '../../etc/passwd'],
  ['sql', "'; DROP TABLE instances; --"],
]

/** Hostile numbers, in place of number fields. */
export const BAD_NUMBERS: [string, unknown][] = [
  ['negative', -1],
  ['huge number', 1e308],
  ['unsafe integer', 2 ** 53 + 1],
  ['negative zero', -0],
]

/** What replaces a field holding `current`: wrong types, and hostile values of its own type. */
export function badValuesFor(current: unknown): [string, unknown][] {
  if (typeof current === 'string') return [...WRONG_TYPES, ...BAD_STRINGS]
  if (typeof current === 'number') return [...WRONG_TYPES, ...BAD_NUMBERS]
  return WRONG_TYPES
}

/** Bodies that are not JSON, or not the JSON object any endpoint takes. */
export const RAW_BODIES: BodyCase[] = [
  { label: 'empty text', raw: '' },
  { label: 'whitespace', raw: '  \n ' },
  { label: 'open brace', raw: '{' },
  { label: 'truncated', raw: '{"a": ' },
  { label: 'trailing comma', raw: '{"a": 1,}' },
  { label: 'single quotes', raw: "{'a': 1}" },
  { label: 'bare word', raw: 'nul' },
  { label: 'NUL byte', raw: '\u0000' },
  { label: 'two documents', raw: '{"a": 1}{"b": 2}' },
  { label: 'BOM', raw: '\uFEFF{}' },
  { label: 'NaN', raw: '{"a": NaN}' },
  { label: 'deep brackets (not closed)', raw: '['.repeat(100_000) },
  { label: 'deep brackets', raw: `${'['.repeat(50_000)}${']'.repeat(50_000)}` },
  { label: 'array', raw: '[]' },
  { label: 'string', raw: '"text"' },
  { label: 'null', raw: 'null' },
  { label: 'number', raw: '42' },
  { label: 'boolean', raw: 'true' },
  { label: 'empty object', raw: '{}' },
  { label: '1 MB string', raw: JSON.stringify(HUGE) },
]

type Path = (string | number)[]

function nodes(value: unknown, path: Path = []): Path[] {
  const out: Path[] = [path]
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...nodes(v, [...path, i])))
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...nodes(v, [...path, k]))
  }
  return out
}

const clone = <T>(v: T): T => structuredClone(v)

function getAt(root: unknown, path: Path): unknown {
  let v = root
  for (const k of path) v = (v as Record<string | number, unknown>)[k]
  return v
}

/** A copy of `root` with the node at `path` replaced (or removed when `remove`). */
function setAt(root: unknown, path: Path, value: unknown, remove = false): unknown {
  const copy = clone(root)
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, unknown> | unknown[]
  const key = path[path.length - 1]!
  if (remove) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1)
    else delete (parent as Record<string, unknown>)[String(key)]
  } else {
    ;(parent as Record<string | number, unknown>)[key] = value
  }
  return copy
}

const where = (path: Path) => (path.length ? path.join('.') : '(body)')

/**
 * Every structural mutation of a valid body, then `combos` random ones that break two or three
 * fields at once (seeded).
 */
export function bodyMutations(template: unknown, seed: number, combos = 8): BodyCase[] {
  const out: BodyCase[] = []
  const add = (label: string, v: unknown) => out.push({ label, raw: JSON.stringify(v) })
  const all = nodes(template)
  const fields = all.filter((p) => p.length > 0)
  for (const p of fields) {
    const cur = getAt(template, p)
    for (const [label, v] of badValuesFor(cur)) add(`${where(p)} = ${label}`, setAt(template, p, v))
    add(`${where(p)} missing`, setAt(template, p, undefined, true))
    if (Array.isArray(cur) && cur.length > 0) {
      // Not for lists of users: each password is an scrypt hash (~0.1 s, slow on purpose).
      if (!JSON.stringify(cur[0]).includes('"password"')) {
        add(
          `${where(p)} x500`,
          setAt(
            template,
            p,
            Array.from({ length: 500 }, () => cur[0]),
          ),
        )
      }
      add(`${where(p)} duplicated`, setAt(template, p, [cur[0], cur[0]]))
    }
    if (typeof cur === 'string' || typeof cur === 'number') {
      add(`${where(p)} wrapped in array`, setAt(template, p, [cur]))
    }
  }
  for (const p of all) {
    const cur = getAt(template, p)
    if (!cur || typeof cur !== 'object' || Array.isArray(cur)) continue
    const withUnknown = { ...cur, fuzz_unknown: 'x', ['__proto__']: { polluted: true } }
    add(`${where(p)} + unknown fields`, p.length ? setAt(template, p, withUnknown) : withUnknown)
    add(`${where(p)} emptied`, p.length ? setAt(template, p, {}) : {})
  }
  add('body wrapped in array', [template])
  const rnd = seededRandom(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!
  const isPrefix = (a: Path, b: Path) => a.length <= b.length && a.every((k, i) => k === b[i])
  for (let i = 0; i < combos && fields.length > 1; i++) {
    const chosen: Path[] = []
    const n = 2 + Math.floor(rnd() * 2)
    for (let tries = 0; chosen.length < n && tries < 20; tries++) {
      const p = pick(fields)
      if (!chosen.some((q) => isPrefix(q, p) || isPrefix(p, q))) chosen.push(p)
    }
    // Chosen paths are disjoint: each replacement goes into one copy of the template.
    const v = clone(template)
    const labels: string[] = []
    for (const p of chosen) {
      const [label, bad] = pick(badValuesFor(getAt(template, p)))
      const parent = getAt(v, p.slice(0, -1)) as Record<string | number, unknown>
      parent[p[p.length - 1]!] = bad
      labels.push(`${where(p)} = ${label}`)
    }
    add(`combo ${labels.join(', ')}`, v)
  }
  return out
}

/** Path-segment replacements for an id (raw: sent as is, already percent-encoded or broken). */
export const WRONG_IDS: { label: string; value: string; raw?: boolean; shared?: boolean }[] = [
  { label: 'unknown uuid', value: '00000000-0000-4000-8000-000000000000', shared: true },
  { label: 'garbage', value: 'garbage' },
  { label: 'huge', value: 'x'.repeat(64 * 1024), shared: true },
  { label: 'unicode', value: '💥\u202Eevil\u0301', shared: true },
  { label: 'NUL', value: 'a\u0000b' },
  { label: 'dot dot', value: '..', raw: true },
  { label: 'encoded traversal', value: '..%2F..%2Fmgmt', raw: true },
  { label: 'lone surrogate bytes', value: '%ED%A0%80', raw: true },
  { label: 'broken percent escape', value: '%E0%A4%A', raw: true, shared: true },
  { label: 'bare percent', value: '%', raw: true },
  { label: 'sql', value: "1' OR '1'='1" },
  { label: 'negative', value: '-1' },
]

/** Junk query strings, sent to every endpoint. */
export const JUNK_QUERIES: string[] = [
  'limit=-1',
  'limit=abc',
  'limit=0',
  'limit=1e3',
  'limit=99999999999999999999999',
  'limit=',
  'limit=1&limit=x',
  'marker=garbage',
  'marker=00000000-0000-4000-8000-000000000000',
  'marker=%00',
  'limit=1&marker=%E2%80%AE',
  'all_projects=1',
  'all_projects=maybe',
  'project_id=garbage',
  'deleted=perhaps',
  'instance_id=..%2F..',
  'datastore=%E2%98%83',
  'name=%ED%A0%80',
  'name=%',
  `name=${'y'.repeat(64 * 1024)}`,
  '%=%&&=&',
]
