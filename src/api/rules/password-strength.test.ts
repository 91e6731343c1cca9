import { describe, expect, it } from 'vitest'
import {
  DEFAULT_PASSWORD_POLICY,
  NO_PASSWORD_POLICY,
  formPasswordVerdict,
  generatePolicyPassword,
  parsePasswordPolicy,
  passwordClasses,
  passwordStrengthVerdict,
} from './password-strength'
import { passwordVerdict } from './passwords'

describe('password strength policy', () => {
  it('refuses "a" in the forms while the datastore rule (and so the cloud) accepts it', () => {
    expect(passwordVerdict('a', 'mysql').ok).toBe(true)
    const v = formPasswordVerdict('a', 'mysql', DEFAULT_PASSWORD_POLICY)
    expect(v).toMatchObject({ ok: false, reason: 'too_short' })
  })
  it('asks for mixed classes', () => {
    expect(passwordClasses('abcdefghijkl')).toBe(1)
    expect(passwordClasses('abcDEF123-')).toBe(4)
    expect(passwordStrengthVerdict('abcdefghijklmn', DEFAULT_PASSWORD_POLICY).ok).toBe(false)
    expect(passwordStrengthVerdict('abcdefgHIJ123', DEFAULT_PASSWORD_POLICY).ok).toBe(true)
  })
  it("puts the datastore's refusal first", () => {
    const v = formPasswordVerdict('Abcdefgh12;34', 'mysql', DEFAULT_PASSWORD_POLICY)
    expect(v.ok).toBe(false)
    expect(!v.ok && v.message).toContain('No quotes')
    expect(formPasswordVerdict('Abcdefgh12;34', 'postgresql', DEFAULT_PASSWORD_POLICY).ok).toBe(
      true,
    )
  })
  it("reads the operator's flag", () => {
    expect(parsePasswordPolicy(undefined)).toEqual(DEFAULT_PASSWORD_POLICY)
    expect(parsePasswordPolicy('min=16')).toEqual({ minLength: 16, minClasses: 3 })
    expect(parsePasswordPolicy('min=8, classes=4')).toEqual({ minLength: 8, minClasses: 4 })
    expect(parsePasswordPolicy('off')).toEqual(NO_PASSWORD_POLICY)
    expect(() => parsePasswordPolicy('min=0')).toThrow(/1..255/)
    expect(() => parsePasswordPolicy('length=3')).toThrow(/min=N/)
    expect(() => parsePasswordPolicy('classes=5')).toThrow()
  })
  it('generates passwords every datastore and the policy accept', () => {
    for (const policy of [DEFAULT_PASSWORD_POLICY, { minLength: 40, minClasses: 4 }]) {
      for (let n = 0; n < 200; n++) {
        const pw = generatePolicyPassword(policy)
        expect(pw.length).toBeGreaterThanOrEqual(Math.max(24, policy.minLength))
        expect(formPasswordVerdict(pw, 'mysql', policy)).toEqual({ ok: true })
      }
    }
  })
})
