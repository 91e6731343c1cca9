import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/errors'
import { isStaleSessionError } from './use-live-error'

const expired = new ApiError({ status: 401, kind: 'session-expired', message: 'expired' })
const refused = new ApiError({ status: 400, kind: 'bad-request', message: 'no' })

describe('isStaleSessionError', () => {
  it('hides a session-expired refusal once the session is valid again', () => {
    expect(isStaleSessionError(expired, { expired: false })).toBe(true)
  })
  it('keeps it while the session is still expired or gone', () => {
    expect(isStaleSessionError(expired, { expired: true })).toBe(false)
    expect(isStaleSessionError(expired, null)).toBe(false)
  })
  it('keeps every other refusal', () => {
    expect(isStaleSessionError(refused, { expired: false })).toBe(false)
    expect(isStaleSessionError(new Error('x'), { expired: false })).toBe(false)
  })
})
