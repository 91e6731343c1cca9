import type * as z from 'zod/mini'

/**
 * What a rule answers: accepted, or refused with a message a person can act on. `reason` says
 * which of Trove's checks refused it, so the embedded cloud can answer Trove's own wording.
 */
export type VerdictReason =
  'empty' | 'too_long' | 'too_short' | 'too_large' | 'invalid' | 'reserved'
export type Verdict = { ok: true } | { ok: false; message: string; reason: VerdictReason }

export const OK: Verdict = { ok: true }

export function refuse(reason: VerdictReason, message: string): Verdict {
  return { ok: false, message, reason }
}

/** The first refusal of a list of verdicts (checked in order), or OK. */
export function firstRefusal(...checks: (() => Verdict)[]): Verdict {
  for (const check of checks) {
    const v = check()
    if (!v.ok) return v
  }
  return OK
}

/** A zod refinement from a rule: `z.string().superRefine(refineWith(rule))`. */
export function refineWith<T>(rule: (value: T) => Verdict) {
  return (value: T, ctx: z.core.$RefinementCtx<T>): void => {
    const v = rule(value)
    if (!v.ok) ctx.addIssue({ code: 'custom', message: v.message })
  }
}

/**
 * Trove's non_empty_string / name_string pattern: one line holding an ASCII letter or digit
 * (`.` stops at a line break, so a name with a newline is refused).
 */
export const HAS_ALNUM_RE = /^.*[0-9a-zA-Z]+.*$/

/**
 * True when Python's `%r` of the text would hold a backslash: Trove's MySQL models refuse such
 * names and passwords. That is a backslash itself, and every character `str.isprintable()`
 * refuses: control and format characters, unassigned and private-use code points, and every
 * separator but the ASCII space.
 */
export function hasReprEscape(value: string): boolean {
  return /[\\\p{C}\p{Zl}\p{Zp}]|[^\P{Zs} ]/u.test(value)
}
