import { describe, expect, it } from 'vitest'
import { ApiError, describeError, errorFromBody } from './errors'

describe('errorFromBody', () => {
  it('reads a Trove fault', () => {
    const e = errorFromBody(404, {
      itemNotFound: { code: 404, message: 'Resource x cannot be found.' },
    })
    expect(e).toMatchObject({ status: 404, kind: 'not-found', fault: 'itemNotFound' })
    expect(e.message).toBe('Resource x cannot be found.')
  })

  it('tells the admin refusal apart from an expired session', () => {
    const admin = errorFromBody(401, {
      unauthorized: { code: 401, message: 'User does not have admin privileges.' },
    })
    expect(admin.kind).toBe('admin-required')
    const expired = errorFromBody(401, {
      error: {
        code: 401,
        title: 'Unauthorized',
        message: 'The request you have made requires authentication.',
      },
    })
    expect(expired.kind).toBe('session-expired')
  })

  it('reads the rate-limit fault with its retry hint', () => {
    const e = errorFromBody(413, {
      overLimit: {
        code: 413,
        message: 'This request was rate-limited.',
        details: 'Only 200 POST request(s) can be made to * every minute.',
        retryAfter: '3',
      },
    })
    expect(e).toMatchObject({ kind: 'over-limit', retryAfter: 3 })
    expect(e.message).toContain('Only 200 POST')
  })

  it('cleans webob middleware messages', () => {
    const e = errorFromBody(403, {
      message:
        'Access was denied to this resource.<br /><br />\nUser with tenant id 2500 cannot access this resource.\n\n',
      code: '403 Forbidden',
      title: 'Forbidden',
    })
    expect(e.kind).toBe('forbidden')
    expect(e.message).toBe(
      'Access was denied to this resource. User with tenant id 2500 cannot access this resource.',
    )
  })

  it('reads the DBaaS {"message"} body and falls back for anything else', () => {
    expect(errorFromBody(400, { message: 'bad name' }).message).toBe('bad name')
    expect(errorFromBody(502, '<html>', 'Bad Gateway').message).toBe(
      'The cloud answered 502 Bad Gateway.',
    )
  })
})

describe('describeError', () => {
  it('explains admin refusals and network errors', () => {
    expect(
      describeError(new ApiError({ status: 401, kind: 'admin-required', message: 'x' })),
    ).toMatch(/administrator/)
    expect(
      describeError(new ApiError({ status: 0, kind: 'network', message: 'Offline.' })),
    ).toMatch(/retries/)
  })
})
