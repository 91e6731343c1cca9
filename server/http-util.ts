import type { Context } from 'hono'

/** `http://host:port` of the request, from its Host header (what the catalog and links use). */
export function requestOrigin(c: Context): string {
  const url = new URL(c.req.url)
  const host = c.req.header('host') ?? url.host
  const forwarded = c.req.header('x-forwarded-proto')
  const proto =
    forwarded === 'https' || forwarded === 'http' ? forwarded : url.protocol.replace(':', '')
  return `${proto}://${host}`
}

/** The raw body parsed as JSON: `undefined` when empty, `SyntaxError` thrown when malformed. */
export async function readJsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text()
  if (text.trim() === '') return undefined
  return JSON.parse(text) as unknown
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Trove's timestamp format: `2026-11-23T03:53:15` (UTC, no zone). */
export function troveTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19)
}

/** Keystone's timestamp format: `2026-11-23T05:53:15.000000Z`. */
export function keystoneTime(ms: number): string {
  const iso = new Date(ms).toISOString()
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}000Z`
}
