import type { MiddlewareHandler } from 'hono'

/**
 * Security headers for everything the server answers: no inline scripts (the built SPA has none),
 * no framing, no MIME sniffing, no referrer leaking project ids. Inline styles stay allowed
 * because toast and popover libraries inject <style> elements.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next()
  let h = c.res.headers
  try {
    h.set('X-Content-Type-Options', 'nosniff')
  } catch {
    // A forwarded upstream response can have immutable headers: copy it once.
    c.res = new Response(c.res.body, c.res)
    h = c.res.headers
  }
  h.set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  h.set('X-Frame-Options', 'DENY')
  h.set('X-Content-Type-Options', 'nosniff')
  h.set('Referrer-Policy', 'no-referrer')
  h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()')
  h.set('Cross-Origin-Opener-Policy', 'same-origin')
}
