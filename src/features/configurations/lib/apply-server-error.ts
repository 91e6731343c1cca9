import { describeError } from '@/api/errors'
import { fieldForConfigurationError } from './server-errors'

export type SetFieldError = (
  path: string,
  error: { message: string },
  opts?: { shouldFocus: boolean },
) => void

/**
 * Puts a server error on the form field it names (a parameter the form shows, the name, the
 * description, the datastore). Returns the message when no shown field fits, for the form's
 * own alert; undefined when it landed on a field.
 */
export function applyServerError(
  error: unknown,
  setError: SetFieldError,
  shown: { values: ReadonlySet<string>; fields: ReadonlySet<string> },
): string | undefined {
  const message = describeError(error)
  const field = fieldForConfigurationError(message)
  if (field?.kind === 'value') {
    const match = [...shown.values].find((v) => v.toLowerCase() === field.parameter.toLowerCase())
    if (match) {
      setError(`values.${match}`, { message }, { shouldFocus: true })
      return undefined
    }
  } else if (field && shown.fields.has(field.kind)) {
    setError(field.kind, { message }, { shouldFocus: true })
    return undefined
  }
  return message
}
