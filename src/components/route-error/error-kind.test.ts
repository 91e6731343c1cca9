import { describe, expect, it } from 'vitest'
import { ApiError, type ApiErrorKind } from '@/api/errors'
import { ScopeError } from '@/api/session/scope'
import { classifyLoadError, refusalAdvice, refusalTitle } from './error-kind'

const api = (kind: ApiErrorKind, status: number) => new ApiError({ kind, status, message: 'm' })

describe('classifyLoadError', () => {
  it.each([
    [api('network', 0), 'outage'],
    [api('server', 503), 'outage'],
    [api('server', 502), 'outage'],
    [api('server', 500), 'fault'],
    [api('forbidden', 403), 'refusal'],
    [api('admin-required', 401), 'refusal'],
    [api('bad-request', 400), 'refusal'],
    [api('not-found', 404), 'missing'],
    [api('session-expired', 401), 'session'],
    [api('invalid-response', 200), 'unknown'],
    [new ScopeError('unknown-project', 'p', 'm'), 'scope'],
    [new Error('boom'), 'unknown'],
    [new TypeError('Failed to fetch dynamically imported module: http://x/assets/a.js'), 'outage'],
    [new Error('Unable to preload CSS for /assets/a.css'), 'outage'],
  ] as const)('%o is %s', (error, expected) => {
    expect(classifyLoadError(error)).toBe(expected)
  })

  it('names the refusal by what the cloud said', () => {
    expect(refusalTitle(api('admin-required', 401))).toBe('This needs an administrator')
    expect(refusalTitle(api('forbidden', 403))).toBe('You do not have access to this')
    expect(refusalTitle(api('conflict', 409))).toBe('The cloud refused to load this page')
  })

  it('sends only a missing role to an administrator', () => {
    expect(refusalAdvice(api('forbidden', 403))).toMatch(/administrator/)
    expect(refusalAdvice(api('admin-required', 401))).toMatch(/administrator/)
    expect(refusalAdvice(api('conflict', 409))).not.toMatch(/administrator/)
    expect(refusalAdvice(api('bad-request', 400))).toMatch(/message above says why/)
  })
})
