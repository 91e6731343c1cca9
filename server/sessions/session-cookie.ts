import { createHash, randomBytes } from 'node:crypto'
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'

/** The cookie that names a console session: an opaque random id, never the token. */
export const SESSION_COOKIE = 'dbaas_console_session'

/** 256 random bits, URL-safe. */
export function newSessionId(): string {
  return randomBytes(32).toString('base64url')
}

/** What the store keys a session by: the id's SHA-256, so a copy of the store is no cookie jar. */
export function sessionIdHash(id: string): string {
  return createHash('sha256').update(id).digest('hex')
}

export function readSessionCookie(c: Context): string | undefined {
  const id = getCookie(c, SESSION_COOKIE)
  return id && /^[A-Za-z0-9_-]{43}$/.test(id) ? id : undefined
}

function isSecure(c: Context, forceSecure: boolean): boolean {
  return forceSecure || new URL(c.req.url).protocol === 'https:'
}

/** HttpOnly (no page script reads it), SameSite=Strict, Secure over TLS, gone when the token is. */
export function writeSessionCookie(
  c: Context,
  id: string,
  maxAgeSeconds: number,
  forceSecure: boolean,
): void {
  setCookie(c, SESSION_COOKIE, id, {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure: isSecure(c, forceSecure),
    maxAge: Math.max(0, Math.floor(maxAgeSeconds)),
  })
}

export function clearSessionCookie(c: Context, forceSecure: boolean): void {
  deleteCookie(c, SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure: isSecure(c, forceSecure),
  })
}
