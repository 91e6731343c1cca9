import * as z from 'zod/mini'

/**
 * The console's session API (the console's own server, in both modes): the browser signs in
 * through it and gets an HttpOnly cookie; the Keystone token stays on the server, which attaches
 * it to every request the browser makes with that cookie.
 */
export const SESSION_PATH = '/console-api/v1/session'
export const SESSION_SCOPE_PATH = `${SESSION_PATH}/scope`

/**
 * Every request made with the session cookie carries this header; the server refuses a
 * state-changing request with the cookie and without it (a cross-site form cannot set it).
 */
export const CONSOLE_REQUEST_HEADER = 'X-Console-Request'

/** `POST /console-api/v1/session/scope`: re-scope the session's token to another project. */
export const sessionScopeRequestSchema = z.object({
  project: z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) }),
})
export type SessionScopeRequest = z.infer<typeof sessionScopeRequestSchema>
