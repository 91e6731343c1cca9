import type { MutationRequest } from '../cli-twin/mutation-request'
import type { MgmtAction, MgmtActionBody } from './schemas'

/**
 * The requests of the admin instance actions, pure: `useMgmtAction` sends them and the action
 * dialogs show them as their CLI twin.
 */

/** The body of `POST /mgmt/instances/{id}/action` for an action and its host or image. */
export function actionBody(
  action: MgmtAction,
  arg: { host?: string | undefined; imageId?: string | undefined },
): MgmtActionBody {
  switch (action) {
    case 'migrate':
      return { migrate: arg.host ? { host: arg.host } : {} }
    case 'rebuild':
      return { rebuild: { image_id: arg.imageId ?? '' } }
    case 'stop':
      return { stop: {} }
    case 'reboot':
      return { reboot: {} }
    case 'reset-task-status':
      return { 'reset-task-status': {} }
  }
}

export function mgmtActionRequest(
  id: string,
  action: MgmtAction,
  arg: { host?: string | undefined; imageId?: string | undefined } = {},
): MutationRequest {
  return {
    service: 'database',
    method: 'POST',
    path: `/mgmt/instances/${encodeURIComponent(id)}/action`,
    body: actionBody(action, arg),
  }
}
