import { publicOriginOf } from './public-origin'
import type { Context } from 'hono'

/**
 * `scheme://host:port` for the catalog and links: the configured public URL, or what a trusted
 * proxy says (server/public-origin.ts). Never the request's own `Host` / `X-Forwarded-*`.
 */
export function requestOrigin(c: Context): string {
  return publicOriginOf(c.req) ?? new URL(c.req.url).origin
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
