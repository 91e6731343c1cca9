import type { ConfigurationValue, ConfigurationValues } from '@/api/configurations/schemas'
import type { Parameter } from '@/api/parameters/schemas'
import type { FieldSpec, FormOutput } from '@/components/schema-form/field-spec'

/**
 * Trove datastore-version parameters as generated form fields, and form output back to a
 * configuration's `values`. Every parameter a user adds must get a value (required); integers
 * and floats keep Trove's bounds (which omits a 0 minimum: the server still enforces it).
 */

export const RESTART_BADGE = 'Restart required'

export function parameterToSpec(p: Parameter): FieldSpec {
  const base = {
    name: p.name,
    label: p.name,
    required: true,
    ...(p.restart_required ? { badge: RESTART_BADGE } : {}),
  }
  switch (p.type) {
    case 'integer':
    case 'float':
      return {
        ...base,
        kind: 'number',
        integer: p.type === 'integer',
        ...(p.min !== undefined ? { min: p.min } : {}),
        ...(p.max !== undefined ? { max: p.max } : {}),
      }
    case 'boolean':
      return { ...base, kind: 'boolean' }
    case 'string':
      return { ...base, kind: 'text' }
    default:
      return {
        ...base,
        kind: 'text',
        help: `Sent as text: this console does not know the type "${p.type}".`,
      }
  }
}

/** Specs of the chosen parameters, in the order chosen; unknown names are left out. */
export function specsFor(parameters: readonly Parameter[], names: readonly string[]): FieldSpec[] {
  const byName = new Map(parameters.map((p) => [p.name, p]))
  return names.flatMap((n) => {
    const p = byName.get(n)
    return p ? [parameterToSpec(p)] : []
  })
}

export interface ApiValues {
  values: ConfigurationValues
  floatKeys: Set<string>
}

/** Form output -> the API's `values` (empty fields left out) and which keys are floats. */
export function toApiValues(parameters: readonly Parameter[], output: FormOutput): ApiValues {
  const types = new Map(parameters.map((p) => [p.name, p.type]))
  const values: ConfigurationValues = {}
  const floatKeys = new Set<string>()
  for (const [name, v] of Object.entries(output)) {
    if (v === undefined) continue
    values[name] = v
    if (types.get(name) === 'float') floatKeys.add(name)
  }
  return { values, floatKeys }
}

/** The parameters among `names` that need a restart to take effect. */
export function restartRequired(
  parameters: readonly Parameter[],
  names: Iterable<string>,
): string[] {
  const needs = new Set(parameters.filter((p) => p.restart_required).map((p) => p.name))
  return [...names].filter((n) => needs.has(n))
}

/** Parameters matching a search (name contains every word), not yet chosen, by name. */
export function searchParameters(
  parameters: readonly Parameter[],
  query: string,
  chosen: ReadonlySet<string>,
): Parameter[] {
  const words = query
    .toLowerCase()
    .split(/[\s_]+/)
    .filter(Boolean)
  return parameters
    .filter((p) => !chosen.has(p.name))
    .filter((p) => words.every((w) => p.name.toLowerCase().includes(w)))
    .sort((a, b) => a.name.localeCompare(b.name))
}

/** A value as the console shows it. */
export function formatValue(v: ConfigurationValue | undefined): string {
  if (v === undefined) return '—'
  if (v === null) return 'null'
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  return String(v)
}
