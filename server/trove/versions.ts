import type { Context } from 'hono'
import { requestOrigin } from '../http-util'

/** Trove's one API version, as its VersionsController describes it. */
export const versionEntry = (origin: string, region: string) => ({
  id: 'v1.0',
  status: 'CURRENT',
  updated: '2012-08-01T00:00:00Z',
  links: [{ rel: 'self', href: `${origin}/trove/${region}/v1.0/` }],
})

export const versionsDocument = (c: Context, region: string) => ({
  versions: [versionEntry(requestOrigin(c), region)],
})

/**
 * True when the client asks for an API answer rather than a page: a Trove client (python-
 * troveclient, keystoneauth's discovery) sends `Accept: application/json`; a browser's
 * navigation always lists `text/html`. So the console keeps the host root for browsers while a
 * client that strips the endpoint's path to discover versions gets Trove's versions document.
 */
export function wantsJson(c: Context): boolean {
  const accept = (c.req.header('accept') ?? '').toLowerCase()
  return accept.includes('application/json') && !accept.includes('text/html')
}
