import * as z from 'zod/mini'
import type { DatastoreFamily } from './datastore-family'
import { passwordVerdict } from './passwords'
import { OK, refineWith, refuse, type Verdict } from './verdict'

/**
 * The console's password strength policy, on top of what the datastore accepts
 * (`passwords.ts`). The operator sets it (`--password-policy min=12,classes=3`); the console's
 * forms enforce it; the embedded cloud's Trove face does not (real Trove accepts `a`).
 */
export const passwordPolicySchema = z.object({
  /** Fewest characters. */
  minLength: z.number().check(z.int(), z.gte(1), z.lte(255)),
  /** Fewest character classes among lowercase, uppercase, digits and others (0..4). */
  minClasses: z.number().check(z.int(), z.gte(0), z.lte(4)),
})
export type PasswordPolicy = z.infer<typeof passwordPolicySchema>

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 12, minClasses: 3 }
/** What a form enforces before the console's configuration is read: the datastore's rule only. */
export const NO_PASSWORD_POLICY: PasswordPolicy = { minLength: 1, minClasses: 0 }

const CLASSES: readonly [string, RegExp][] = [
  ['lowercase letters', /[a-z]/],
  ['uppercase letters', /[A-Z]/],
  ['digits', /[0-9]/],
  ['other characters', /[^a-zA-Z0-9]/],
]

export function passwordClasses(password: string): number {
  return CLASSES.filter(([, re]) => re.test(password)).length
}

/** The policy in one sentence, for field descriptions. */
export function describePasswordPolicy(p: PasswordPolicy): string {
  const parts = [`At least ${p.minLength} character${p.minLength === 1 ? '' : 's'}`]
  if (p.minClasses > 1) {
    parts.push(
      `with ${p.minClasses === 4 ? 'all 4' : `${p.minClasses} of the 4`} kinds: lowercase, uppercase, digits, others`,
    )
  }
  return `${parts.join(' ')}.`
}

/** The policy's verdict alone (the datastore's rule is `passwordVerdict`). */
export function passwordStrengthVerdict(password: string, p: PasswordPolicy): Verdict {
  if (password.length < p.minLength) {
    return refuse('too_short', `Too short: ${describePasswordPolicy(p)}`)
  }
  if (passwordClasses(password) < p.minClasses) {
    return refuse('invalid', `Too simple: ${describePasswordPolicy(p)}`)
  }
  return OK
}

/** What a console form checks: the datastore's rule first, then the operator's policy. */
export function formPasswordVerdict(
  password: string,
  family: DatastoreFamily,
  p: PasswordPolicy,
): Verdict {
  const v = passwordVerdict(password, family)
  return v.ok ? passwordStrengthVerdict(password, p) : v
}

/**
 * Reads the operator's flag: `min=12,classes=3` (either part may be left out: the default's
 * value), or `off` (the datastore's rule only). Throws with a message for a bad value.
 */
export function parsePasswordPolicy(text: string | undefined): PasswordPolicy {
  if (text === undefined || text.trim() === '') return DEFAULT_PASSWORD_POLICY
  if (text.trim() === 'off') return NO_PASSWORD_POLICY
  const p = { ...DEFAULT_PASSWORD_POLICY }
  for (const part of text.split(',')) {
    const m = /^\s*(min|classes)\s*=\s*(\d+)\s*$/.exec(part)
    if (!m) throw new Error(`expected min=N,classes=N or off (got "${text}")`)
    if (m[1] === 'min') p.minLength = Number(m[2])
    else p.minClasses = Number(m[2])
  }
  const parsed = passwordPolicySchema.safeParse(p)
  if (!parsed.success) throw new Error(`min must be 1..255 and classes 0..4 (got "${text}")`)
  return parsed.data
}

const LOWER = 'abcdefghijkmnopqrstuvwxyz'
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ'
const DIGITS = '23456789'
/** Others every datastore takes and shells leave alone (no quotes, `;`, `,`, `/`, `\`). */
const OTHERS = '-_.+=~'

function randomIndex(n: number): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n
  const buf = new Uint32Array(1)
  for (;;) {
    crypto.getRandomValues(buf)
    // Rejection sampling: no bias towards the first characters.
    if (buf[0]! < limit) return buf[0]! % n
  }
}

/**
 * A random password the datastore and the policy both accept: at least 24 characters (or the
 * policy's length), one of each class the policy needs, the rest from letters and digits.
 */
export function generatePolicyPassword(p: PasswordPolicy, length = 24): string {
  const n = Math.max(length, p.minLength)
  const sets = [LOWER, UPPER, DIGITS, OTHERS].slice(0, Math.max(3, p.minClasses))
  const all = sets.slice(0, 3).join('')
  const out = sets.map((s) => s[randomIndex(s.length)]!)
  while (out.length < n) out.push(all[randomIndex(all.length)]!)
  // Shuffle (Fisher-Yates), so the required characters are not always first.
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomIndex(i + 1)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out.join('')
}

/**
 * A console form's password field: the datastore's rule, then the policy (`optional`: an empty
 * value passes, for "keep the password"). With `NO_PASSWORD_POLICY` it is the datastore's rule alone.
 */
export function policyPasswordField(family: DatastoreFamily, p: PasswordPolicy, optional = false) {
  return z
    .string()
    .check(
      z.superRefine(
        refineWith((pw: string) =>
          optional && pw === '' ? OK : formPasswordVerdict(pw, family, p),
        ),
      ),
    )
}
