/**
 * Which field of a configuration form a Trove error message is about (trove-wire.md §5.2, §3.3).
 * Parameter errors name the parameter; schema errors name the property. Pure, so it is tested.
 */
export type ConfigurationFormField =
  { kind: 'value'; parameter: string } | { kind: 'name' | 'description' | 'values' | 'datastore' }

export function fieldForConfigurationError(message: string): ConfigurationFormField | null {
  const param =
    /configuration parameter (\S+?)(?: is not| is less| is greater| is not supported)/.exec(
      message,
    )?.[1]
  if (param) return { kind: 'value', parameter: param }
  if (/^Validation error:/.test(message)) {
    const prop =
      /configuration\['(\w+)'\]/.exec(message)?.[1] ??
      /configuration '(\w+)' is a required property/.exec(message)?.[1]
    if (prop === 'name' || prop === 'description' || prop === 'values' || prop === 'datastore') {
      return { kind: prop }
    }
    return null
  }
  if (/^Datastore (version )?'.*' cannot be found\.?$/.test(message)) return { kind: 'datastore' }
  if (/not supported for this datastore/.test(message)) return { kind: 'datastore' }
  return null
}
