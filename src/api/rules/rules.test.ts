import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { databaseNameVerdict } from './database-names'
import { datastoreFamily } from './datastore-family'
import { hostVerdict } from './hosts'
import { passwordVerdict } from './passwords'
import { userNameVerdict } from './user-names'
import { hasReprEscape, refineWith } from './verdict'
import { volumeSizeVerdict } from './volume-sizes'

describe('hasReprEscape (what Python %r escapes)', () => {
  it.each(['a\tb', 'a\\b', 'a\u0000', 'a\u200bb', 'a\u00a0b', 'a\u2028b'])('%j', (s) =>
    expect(hasReprEscape(s)).toBe(true),
  )
  it.each(['ab', 'a b', 'ünï', '日本'])('%j is printable', (s) =>
    expect(hasReprEscape(s)).toBe(false),
  )
})

describe('verdicts', () => {
  it('say why, per datastore family', () => {
    expect(datastoreFamily('mariadb')).toBe('mysql')
    expect(userNameVerdict('x'.repeat(22), 'mysql')).toMatchObject({
      ok: false,
      reason: 'too_long',
    })
    expect(userNameVerdict('x'.repeat(22), 'postgresql')).toEqual({ ok: true })
    expect(userNameVerdict('root', 'mysql')).toMatchObject({ ok: false, reason: 'reserved' })
    expect(databaseNameVerdict('a\tb', 'mysql')).toMatchObject({ ok: false, reason: 'invalid' })
    expect(databaseNameVerdict('', 'postgresql')).toMatchObject({ ok: false, reason: 'empty' })
    expect(hostVerdict('999.1.1.%', 'mysql').ok).toBe(false)
    expect(hostVerdict('db.example.com', 'postgresql').ok).toBe(true)
    expect(passwordVerdict("it's", 'mysql').ok).toBe(false)
    expect(passwordVerdict("it's", 'postgresql').ok).toBe(true)
  })
  it('volume sizes: whole GB, grow only, at most the maximum', () => {
    expect(volumeSizeVerdict(Number.NaN)).toMatchObject({ ok: false, reason: 'empty' })
    expect(volumeSizeVerdict(0)).toMatchObject({ ok: false, reason: 'too_short' })
    expect(volumeSizeVerdict(5, { current: 5 })).toMatchObject({ ok: false, reason: 'too_short' })
    expect(volumeSizeVerdict(6, { current: 5, max: 6 })).toEqual({ ok: true })
    expect(volumeSizeVerdict(7, { current: 5, max: 6 })).toMatchObject({ reason: 'too_large' })
  })
  it('refineWith turns a rule into a zod refinement with its message', () => {
    const field = z.string().superRefine(refineWith((h: string) => hostVerdict(h, 'mysql')))
    const r = field.safeParse('db.example.com')
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]?.message).toMatch(/IPv4 address/)
    expect(field.safeParse('10.0.0.%').success).toBe(true)
  })
})
