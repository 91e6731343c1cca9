import type { Db } from '../store/db'
import { parseJson } from '../store/db'
import {
  datastoreById,
  versionById,
  type DatastoreRow,
  type DatastoreVersionRow,
  type FlavorRow,
} from '../store/catalog-queries'
import {
  configurationName,
  replicasOf,
  runningBackupFor,
  type InstanceRow,
} from '../store/instance-queries'
import { AGENT_INVALID_STATUSES, operatingStatus, publicStatus } from '../engine/status-model'
import { troveTime } from '../http-util'
import type { ResponseBody } from '../respond'
import type { Link } from '../../src/api/common/schemas'
import type {
  datastoreSchema,
  datastoreVersionRefSchema,
  datastoreVersionSchema,
} from '../../src/api/datastores/schemas'
import type { flavorSchema } from '../../src/api/flavors/schemas'
import type { instanceSchema } from '../../src/api/instances/schemas'

/** What every view needs to know about the request. */
export interface ViewContext {
  /** `http://host:port` */
  origin: string
  region: string
  /** The tenant id in the URL. */
  tenant: string
  isAdmin: boolean
}

/** Trove's self + bookmark links, under this region's path prefix. */
export function links(vc: ViewContext, collection: string, id: string): Link[] {
  return [
    { href: `${vc.origin}/trove/${vc.region}/v1.0/${vc.tenant}/${collection}/${id}`, rel: 'self' },
    { href: `${vc.origin}/trove/${vc.region}/${collection}/${id}`, rel: 'bookmark' },
  ]
}

export function flavorView(vc: ViewContext, f: FlavorRow): ResponseBody<typeof flavorSchema> {
  return {
    // Real Trove 18 sends a number for numeric Nova ids and null otherwise (str_id has the id).
    id: /^\d+$/.test(f.id) ? Number(f.id) : null,
    links: links(vc, 'flavors', f.id),
    name: f.name,
    ram: f.ram,
    vcpus: f.vcpus,
    disk: f.disk,
    ephemeral: f.ephemeral,
    str_id: f.id,
  }
}

export function versionRefView(
  vc: ViewContext,
  v: DatastoreVersionRow,
): ResponseBody<typeof datastoreVersionRefSchema> & { version: string } {
  const ref = {
    id: v.id,
    name: v.name,
    version: v.version,
    links: links(vc, 'datastores/versions', v.id),
  }
  if (!vc.isAdmin) return ref
  // Trove's DatastoreVersionView adds these for admins (packages as stored, tags as a list).
  return {
    ...ref,
    active: v.active === 1,
    packages: v.packages,
    image: v.image_id === '' ? null : v.image_id,
    image_tags: v.image_tags ? v.image_tags.split(',') : [],
  }
}

export function datastoreView(
  vc: ViewContext,
  ds: DatastoreRow,
  versions: DatastoreVersionRow[],
): ResponseBody<typeof datastoreSchema> {
  const view: ResponseBody<typeof datastoreSchema> = {
    id: ds.id,
    name: ds.name,
    links: links(vc, 'datastores', ds.id),
    versions: versions.map((v) => versionRefView(vc, v)),
  }
  if (ds.default_version_id) view.default_version = ds.default_version_id
  return view
}

export function versionView(
  vc: ViewContext,
  v: DatastoreVersionRow,
): ResponseBody<typeof datastoreVersionSchema> {
  return { ...versionRefView(vc, v), datastore: v.datastore_id }
}

export type InstanceViewMode = 'list' | 'detail' | 'show'

/**
 * The instance view: `list` is Trove's InstanceView (GET /instances), `detail` its
 * InstanceDetailView (GET /instances/detail, create), `show` the detail view plus the guest's
 * volume usage (GET /instances/{id}).
 */
export function instanceView(
  db: Db,
  vc: ViewContext,
  row: InstanceRow,
  mode: InstanceViewMode,
): ResponseBody<typeof instanceSchema> {
  const backupRunning = runningBackupFor(db, row.id)
  const status = publicStatus(row, backupRunning)
  const version = versionById(db, row.datastore_version_id)
  const datastore = version ? datastoreById(db, version.datastore_id) : undefined
  const detailed = mode !== 'list'

  const view: ResponseBody<typeof instanceSchema> = {
    id: row.id,
    name: row.name,
    status,
    operating_status: operatingStatus(row),
    links: links(vc, 'instances', row.id),
    flavor: { id: row.flavor_id, links: links(vc, 'flavors', row.flavor_id) },
    datastore: {
      type: datastore?.name ?? 'unknown',
      version: version?.name ?? 'unknown',
      ...(detailed && version ? { version_number: version.version } : {}),
    },
    region: row.region,
  }
  // Trove's views carry `network` on private (port) addresses only: a floating IP has none.
  const addresses = parseJson<{ address: string; type: string; network?: string }[]>(
    row.addresses,
    [],
  ).map(({ network, ...a }) => (a.type === 'public' || !network ? a : { ...a, network }))
  if (addresses.length > 0) {
    view.ip = addresses.map((a) => a.address)
    view.addresses = addresses
  }
  view.access = parseJson<{ is_public?: boolean; allowed_cidrs?: string[] }>(row.access, {})
  if (vc.isAdmin) view.tenant_id = row.project_id
  // Trove's view shows the size (and `used` on show) only; the volume type stays in the store.
  const volume: NonNullable<ResponseBody<typeof instanceSchema>['volume']> = {
    size: row.volume_size,
  }
  if (mode === 'show' && !AGENT_INVALID_STATUSES.has(status) && row.volume_used !== null) {
    volume.used = row.volume_used
  }
  view.volume = volume
  if (row.locality) view.locality = row.locality
  if (row.replica_of_id) {
    view.replica_of = { id: row.replica_of_id, links: links(vc, 'instances', row.replica_of_id) }
  }
  if (detailed) {
    view.created = troveTime(row.created)
    view.updated = troveTime(row.updated)
    view.service_status_updated = troveTime(row.service_status_updated)
    if (status === 'ERROR' && row.fault_message) {
      view.fault = {
        message: row.fault_message,
        created: row.fault_created !== null ? troveTime(row.fault_created) : null,
        details: row.fault_details,
      }
    }
    if (row.configuration_id) {
      view.configuration = {
        id: row.configuration_id,
        name: configurationName(db, row.configuration_id) ?? '',
        links: links(vc, 'configurations', row.configuration_id),
      }
    }
    const replicas = replicasOf(db, row.id)
    if (replicas.length > 0) {
      view.replicas = replicas.map((r) => ({ id: r.id, links: links(vc, 'instances', r.id) }))
    }
    if (vc.isAdmin) {
      view.server_id = row.server_id
      view.volume_id = row.volume_id
      view.encrypted_rpc_messaging = true
    }
  }
  return view
}
