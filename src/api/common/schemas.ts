import * as z from 'zod/mini'

/** A Trove/OpenStack link: `{href, rel}`; self and bookmark on every resource, `next` on pages. */
export const linkSchema = z.object({ href: z.string(), rel: z.string() })
export type Link = z.infer<typeof linkSchema>

/**
 * Trove's fault envelope: `{"<faultName>": {"code": <int>, "message": "<text>"}}`.
 * The rate-limit fault adds `details` and `retryAfter`.
 */
export const troveFaultBodySchema = z.record(
  z.string(),
  z.looseObject({
    code: z.number().check(z.int()),
    message: z.string(),
    details: z.optional(z.string()),
    retryAfter: z.optional(z.string()),
  }),
)

export const TROVE_FAULT_NAMES = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'itemNotFound',
  405: 'badMethod',
  406: 'notAcceptable',
  409: 'conflict',
  413: 'overLimit',
  415: 'badMediaType',
  422: 'unprocessableEntity',
  500: 'instanceFault',
  501: 'notImplemented',
  503: 'serviceUnavailable',
} as const
export type TroveFaultStatus = keyof typeof TROVE_FAULT_NAMES

/** Keystone's error envelope: `{"error": {"code", "title", "message"}}`. */
export const keystoneErrorBodySchema = z.object({
  error: z.looseObject({ code: z.number().check(z.int()), title: z.string(), message: z.string() }),
})

/** webob's JSON error (middleware errors in Trove: tenant mismatch, malformed body). */
export const webobErrorBodySchema = z.object({
  message: z.string(),
  code: z.string(),
  title: z.string(),
})

/** Trove timestamps: `2026-11-23T03:53:15` (UTC, no zone suffix). */
export const troveTimestampSchema = z.string()

/** The `next` link of a paginated Trove list, if any. */
export const pageLinksSchema = z.optional(z.array(linkSchema))

/** An API version entry (`GET /trove/{region}`, `GET /trove/{region}/v1.0`). */
export const apiVersionSchema = z.looseObject({
  id: z.string(),
  status: z.string(),
  updated: z.string(),
  links: z.array(linkSchema),
})
export const apiVersionListSchema = z.object({ versions: z.array(apiVersionSchema) })
export const apiVersionShowSchema = z.object({ version: apiVersionSchema })
