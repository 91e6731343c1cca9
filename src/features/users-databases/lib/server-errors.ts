import { ApiError } from '@/api/errors'

/**
 * Which form field a cloud's 400 is about, from Trove's words ("… is not a valid user name.",
 * "… not a valid character set.", …), so the message lands on that field. Null: show it above
 * the form.
 */
export function fieldOfServerError<F extends string>(
  error: unknown,
  fields: readonly F[],
): F | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null
  const m = error.message.toLowerCase()
  const rules: [F | string, RegExp][] = [
    ['password', /password/],
    ['host', /hostname/],
    ['characterSet', /character set/],
    ['collation', /collation/],
    ['databases', /schema name|grant access|database .* cannot be found/],
    ['name', /user name|schema name|already exists|reserved|too long|name empty/],
  ]
  for (const [field, re] of rules) {
    if (fields.includes(field as F) && re.test(m)) return field as F
  }
  return null
}

/**
 * A dialog's view of the cloud's refusal: the message of the field it is about (`onField`), and
 * what is left for the banner above the form (null when a field shows it).
 */
export function serverErrorPlacement<F extends string>(
  error: unknown,
  fields: readonly F[],
): { onField: (f: F) => string | undefined; banner: unknown } {
  const field = fieldOfServerError(error, fields)
  return {
    onField: (f) => (field === f && error instanceof Error ? error.message : undefined),
    banner: field ? null : error,
  }
}
