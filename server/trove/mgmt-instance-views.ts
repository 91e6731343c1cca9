import type { Db } from '../store/db'
import { parseJson } from '../store/db'
import type { InstanceRow } from '../store/instance-queries'
import { instanceHost } from '../store/admin-queries'
import { rootHistory } from '../store/user-database-queries'
import { SERVICE_STATUSES, operatingStatus } from '../engine/status-model'
import { hostFor } from '../engine/mgmt-task-kinds'
import { troveTime } from '../http-util'
import type { ResponseBody } from '../respond'
import type { mgmtInstanceSchema, mgmtServerSchema } from '../../src/api/mgmt/schemas'
import { instanceView, type ViewContext } from './views'

type MgmtInstanceBody = ResponseBody<typeof mgmtInstanceSchema>

/** Trove's InstanceTasks descriptions (trove/instance/tasks.py), shown as `task_description`. */
const TASK_DESCRIPTIONS: Record<string, string> = {
  NONE: 'No tasks for the instance.',
  DELETING: 'Deleting the instance.',
  REBOOTING: 'Rebooting the instance.',
  RESIZING: 'Resizing the instance.',
  BUILDING: 'The instance is building.',
  MIGRATING: 'Migrating the instance.',
  RESTART_REQUIRED: 'Instance requires a restart.',
  PROMOTING: 'Promoting the instance to replica source.',
  EJECTING: 'Ejecting the replica source.',
  LOGGING: 'Transferring guest logs.',
  DETACHING: 'Detaching the instance from replica source.',
  UPDATING: 'Updating the instance.',
  UPGRADING: 'Upgrading the instance.',
  BUILDING_ERROR_DNS: 'Build error: DNS.',
  BUILDING_ERROR_SERVER: 'Build error: Server.',
  BUILDING_ERROR_VOLUME: 'Build error: Volume.',
  BUILDING_ERROR_SEC_GROUP: 'Build error: Secgroup or rule.',
  BUILDING_ERROR_REPLICA: 'Build error: Replica.',
  PROMOTION_ERROR: 'Replica Promotion Error.',
  EJECTION_ERROR: 'Replica Source Ejection Error.',
  BUILDING_ERROR_TIMEOUT_GA: 'Build error: guestagent timeout.',
  BUILDING_ERROR_PORT: 'Build error: Port.',
  UPDATING_ERROR_ACCESS: 'Update error: Access.',
}

type ServiceInfo = { description: string; apiStatus: string }
const serviceInfo = (s: string): ServiceInfo | undefined =>
  (SERVICE_STATUSES as Record<string, ServiceInfo>)[s]

/** The Nova server as the mgmt views show it. */
function serverView(db: Db, row: InstanceRow): ResponseBody<typeof mgmtServerSchema> {
  return {
    id: row.server_id,
    name: row.name,
    status: row.deleted ? 'DELETED' : row.server_status,
    tenant_id: row.project_id,
    host: hostFor(row.seq, instanceHost(db, row.id)),
  }
}

/** MgmtInstanceView: the detail view with admin fields (GET /mgmt/instances). */
export function mgmtInstanceView(db: Db, vc: ViewContext, row: InstanceRow): MgmtInstanceBody {
  const view = instanceView(db, { ...vc, isAdmin: true }, row, 'detail')
  // A deleted instance reads SHUTDOWN (SimpleMgmtInstance.status).
  if (row.deleted) {
    view.status = 'SHUTDOWN'
    view.operating_status = ''
  }
  return {
    ...view,
    tenant_id: row.project_id,
    server: serverView(db, row),
    service_status: serviceInfo(row.service_status)?.apiStatus ?? null,
    deleted: row.deleted === 1,
    deleted_at: row.deleted_at !== null ? troveTime(row.deleted_at) : null,
    task_description: TASK_DESCRIPTIONS[row.task_status] ?? row.task_status,
  }
}

/** MgmtInstanceDetailView (GET /mgmt/instances/{id}): server addresses, volume, guest status. */
export function mgmtInstanceDetailView(
  db: Db,
  vc: ViewContext,
  row: InstanceRow,
): MgmtInstanceBody {
  const base = mgmtInstanceView(db, vc, row)
  const addresses = parseJson<{ address: string; type: string; network: string }[]>(
    row.addresses,
    [],
  )
  const server = {
    ...serverView(db, row),
    deleted: row.deleted === 1,
    deleted_at: row.deleted_at !== null ? troveTime(row.deleted_at) : null,
    local_id: 0,
    addresses,
  }
  const view: MgmtInstanceBody = {
    ...base,
    server,
    volume: row.deleted
      ? { id: row.volume_id }
      : {
          attachments: [{ server_id: row.server_id, device: 'vdb' }],
          availability_zone: row.availability_zone,
          created_at: troveTime(row.created),
          id: row.volume_id,
          size: row.volume_size,
          status: 'in-use',
          used: operatingStatus(row) ? (row.volume_used ?? null) : null,
          total: operatingStatus(row) ? row.volume_size : null,
          ...(row.volume_type ? { type: row.volume_type } : {}),
        },
    guest_status: { state_description: serviceInfo(row.service_status)?.description ?? 'unknown' },
  }
  const first = rootHistory(db, row.id)[0]
  if (first) {
    view.root_enabled = troveTime(first.enabled_at)
    view.root_enabled_by = first.user_id
  }
  return view
}
