import type { MutationRequest } from './mutation-request'
import { shellQuote } from './openstack-command'

/** The shell variable that holds each service's endpoint in the curl twin. */
export const ENDPOINT_VARIABLE: Record<MutationRequest['service'], string> = {
  database: 'TROVE_URL',
  dbaas: 'DBAAS_URL',
  identity: 'OS_AUTH_URL',
}

/**
 * The curl request that sends exactly what the console sends: the token as `$OS_TOKEN`, the
 * endpoint as `$TROVE_URL` (or the service's variable), the JSON body verbatim.
 */
export function curlCommand(req: MutationRequest, bodyText?: string): string {
  const url = `"$${ENDPOINT_VARIABLE[req.service]}${req.path.replace(/(["$`\\])/g, '\\$1')}"`
  const lines = [`curl -X ${req.method} ${url}`, `-H "X-Auth-Token: $OS_TOKEN"`]
  const text = bodyText ?? (req.body === undefined ? undefined : JSON.stringify(req.body))
  if (text !== undefined)
    lines.push('-H "Content-Type: application/json"', `-d ${shellQuote(text)}`)
  return lines.join(' \\\n  ')
}
