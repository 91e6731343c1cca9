import type { MutationRequest } from '@/api/cli-twin/mutation-request'
import { redactPasswords } from '@/api/cli-twin/redact'
import { toCreateInstanceRequest, type LaunchInstanceValues } from './launch-instance.schema'

/** The launch's request as its CLI twin shows it: the same body, initial users' passwords hidden. */
export function launchTwinRequest(
  v: LaunchInstanceValues,
  opts: Parameters<typeof toCreateInstanceRequest>[1] = {},
): MutationRequest {
  return {
    service: 'database',
    method: 'POST',
    path: '/instances',
    body: redactPasswords(toCreateInstanceRequest(v, opts)),
  }
}
