import { readFileSync } from 'node:fs'

/** One parameter definition from Trove's `validation-rules.json` (min/max kept as decimal text). */
export interface ParameterRule {
  name: string
  type: string
  restart_required: boolean
  min?: string
  max?: string
}

/** Datastore managers with a rules file in server/seed/data/ (copied from Trove's templates). */
export const RULE_MANAGERS = ['mysql', 'mariadb', 'postgresql'] as const

/**
 * Parses a validation-rules file. Numbers for `min`/`max` are read as text first: MySQL's
 * 18446744073709551615 would lose its last digits as a JS number.
 */
export function parseRules(text: string): ParameterRule[] {
  const quoted = text.replace(/"(min|max)"\s*:\s*(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g, '"$1": "$2"')
  const doc = JSON.parse(quoted) as { 'configuration-parameters'?: unknown }
  const list = doc['configuration-parameters']
  if (!Array.isArray(list)) throw new Error('validation rules: no configuration-parameters list')
  return list.map((raw, i) => {
    const p = raw as Record<string, unknown>
    if (typeof p.name !== 'string' || typeof p.type !== 'string') {
      throw new Error(`validation rules: entry ${i} has no name or type`)
    }
    return {
      name: p.name,
      type: p.type,
      restart_required: p.restart_required === true,
      ...(typeof p.min === 'string' ? { min: p.min } : {}),
      ...(typeof p.max === 'string' ? { max: p.max } : {}),
    }
  })
}

const cache = new Map<string, ParameterRule[]>()

/** The rules for a datastore manager, or [] when none ship with the embedded cloud. */
export function rulesFor(manager: string): ParameterRule[] {
  if (!(RULE_MANAGERS as readonly string[]).includes(manager)) return []
  let rules = cache.get(manager)
  if (!rules) {
    const url = new URL(`./data/${manager}.validation-rules.json`, import.meta.url)
    rules = parseRules(readFileSync(url, 'utf8'))
    cache.set(manager, rules)
  }
  return rules
}
