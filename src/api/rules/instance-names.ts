import * as z from 'zod/mini'
import { HAS_ALNUM_RE, OK, firstRefusal, refineWith, refuse, type Verdict } from './verdict'

/**
 * Instance names (and new names in a rename), as Trove checks them for every datastore:
 * apischema `non_empty_string`, 1..255 characters with a letter or digit. The console trims
 * what it sends, so the forms check the trimmed name.
 */
export const INSTANCE_NAME_MAX = 255

export function instanceNameVerdict(name: string): Verdict {
  return firstRefusal(
    () => (name.length === 0 ? refuse('empty', 'Enter a name.') : OK),
    () =>
      name.length > INSTANCE_NAME_MAX
        ? refuse('too_long', `At most ${INSTANCE_NAME_MAX} characters.`)
        : OK,
    () =>
      HAS_ALNUM_RE.test(name)
        ? OK
        : refuse('invalid', 'The name needs at least one letter or digit.'),
  )
}

/** A form field for an instance name (trimmed first). */
export const instanceNameField = z
  .string()
  .check(z.trim(), z.superRefine(refineWith(instanceNameVerdict)))
