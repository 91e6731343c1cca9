/**
 * Request bodies with configuration values. Trove type-checks values with Python's isinstance,
 * so a float parameter must be sent as `2.0`, never `2` (which is an int and refused with 422);
 * JSON.stringify cannot write `2.0`, so float values are written by hand here.
 */
export function configurationBodyText(body: unknown, floatKeys: ReadonlySet<string>): string {
  const marker = '@@float:'
  const text = JSON.stringify(body, function (this: unknown, key, value: unknown) {
    if (typeof value === 'number' && floatKeys.has(key) && Number.isInteger(value)) {
      return `${marker}${value}`
    }
    return value
  })
  return text.replace(/"@@float:(-?\d+)"/g, '$1.0')
}
