import { createInstanceRequestSchema } from '../../src/api/instances/schemas'
import type { Db } from '../store/db'
import {
  datastoreById,
  flavorById,
  versionById,
  type DatastoreRow,
  type DatastoreVersionRow,
  type FlavorRow,
} from '../store/catalog-queries'
import {
  findBackup,
  findConfiguration,
  findInstance,
  runningBackupFor,
  type DatabaseDef,
  type InstanceRow,
} from '../store/instance-queries'
import { quotaOvers } from '../store/quota-queries'
import { actionBlocker } from '../engine/status-model'
import { isPlainObject } from '../http-util'
import { isCidr } from '../../src/api/rules/cidrs'
import { volumeSizeVerdict } from '../../src/api/rules/volume-sizes'
import { datastoreFamily, type DatastoreFamily } from '../../src/api/rules/datastore-family'
import {
  hostError,
  passwordError,
  reservedDatabaseError,
  reservedUserError,
  schemaNameError,
  userNameError,
} from './mysql-names'
import { resolveDatastoreVersion } from './datastore-resolve'
import {
  TroveFault,
  badRequest,
  forbidden,
  notAvailable,
  notFound,
  overLimit,
  quotaExceeded,
  unauthorizedFault,
} from './errors'
import { checkUserCount } from './item-limits'
import { findModule } from '../store/module-queries'
import { validationMessage, pyRepr } from './validation-message'

export interface CreateScope {
  db: Db
  projectId: string
  region: string
  maxVolumeSize: number
}

/** A create request that passed every check: what to write. */
export interface CreatePlan {
  names: string[]
  flavor: FlavorRow
  datastore: DatastoreRow
  version: DatastoreVersionRow
  volumeSize: number
  volumeType: string | null
  databases: DatabaseDef[]
  users: { name: string; password: string; host: string; databases: string[] }[]
  availabilityZone: string | null
  networkId: string | null
  fixedIp: string | null
  locality: string | null
  access: { is_public?: boolean; allowed_cidrs?: string[] }
  configurationId: string | null
  replicaOf: InstanceRow | null
  backupId: string | null
}

const idFromHref = (ref: string | number): string => {
  const s = String(ref)
  return s.split('/').filter(Boolean).pop() ?? s
}

/** `populate_validated_databases`: the datastore's name rules (src/api/rules), then duplicates. */
function checkDatabases(list: DatabaseDef[], family: DatastoreFamily): void {
  const seen = new Set<string>()
  for (const d of list) {
    const problem = schemaNameError(d.name, family) ?? reservedDatabaseError(d.name, family)
    if (problem) throw badRequest(problem)
    if (seen.has(d.name)) {
      throw badRequest(
        'Two or more databases share the same name in the initial databases list. Please correct the names or remove the duplicate entries.',
      )
    }
    seen.add(d.name)
  }
}

function checkUsers(
  list: {
    name: string
    password: string
    host?: string | undefined
    databases?: { name: string }[] | undefined
  }[],
  dbNames: Set<string>,
  family: DatastoreFamily,
): CreatePlan['users'] {
  checkUserCount(list.length)
  const seen = new Set<string>()
  return list.map((u) => {
    // `populate_users`: the datastore's rules for names, passwords and hosts (src/api/rules).
    const nameProblem = userNameError(u.name, family) ?? reservedUserError(u.name, family)
    if (nameProblem) throw badRequest(nameProblem)
    const pw = passwordError(u.password, family, `user ${u.name}`)
    if (pw) throw badRequest(pw)
    const host = u.host ?? '%'
    const hostProblem = hostError(host, family)
    if (hostProblem) throw badRequest(hostProblem)
    const key = `${u.name}@${host}`
    if (seen.has(key)) {
      throw badRequest(
        'Two or more users share the same name and host in the initial users list. Please correct the names or remove the duplicate entries.',
      )
    }
    seen.add(key)
    const databases = (u.databases ?? []).map((d) => d.name)
    for (const name of databases) {
      if (!dbNames.has(name)) {
        throw badRequest(
          `The request indicates that user ${u.name} should have access to database ${name}, but database ${name} is not included in the initial databases list.`,
        )
      }
    }
    return { name: u.name, password: u.password, host, databases }
  })
}

/**
 * The datastore and version of the backup a create restores from, when the request names no
 * version and no other datastore (an explicit choice wins, then Trove's datastore check applies).
 */
function restoreVersion(
  db: Db,
  backupRef: string | number | undefined,
  requested: { type?: string | undefined; version?: string | undefined } | undefined,
  scope: { projectId: string; region: string },
): { datastore: DatastoreRow; version: DatastoreVersionRow } | undefined {
  if (backupRef === undefined || requested?.version !== undefined) return undefined
  const backup = findBackup(db, idFromHref(backupRef), scope.projectId, scope.region)
  const v = backup?.datastore_version_id ? versionById(db, backup.datastore_version_id) : undefined
  const ds = v ? datastoreById(db, v.datastore_id) : undefined
  if (!v || !ds || !v.active) return undefined
  if (requested?.type !== undefined && requested.type !== ds.name && requested.type !== ds.id) {
    return undefined
  }
  return { datastore: ds, version: v }
}

/**
 * Trove's create checks, in Trove's order: schema, replica rules, datastore, databases and
 * users, configuration, NIC, locality, flavor, volume, backup, replica source, modules, quota.
 * Throws the TroveFault a real Trove would answer; writes nothing.
 */
export function validateCreate(scope: CreateScope, body: unknown): CreatePlan {
  const { db, projectId, region } = scope
  if (body === undefined) throw badRequest('The request body is empty; send {"instance": {...}}.')
  if (!isPlainObject(body))
    throw badRequest('The request body must be a JSON object: {"instance": {...}}.')
  const parsed = createInstanceRequestSchema.safeParse(body)
  if (!parsed.success) throw badRequest(validationMessage(parsed.error.issues, body))
  const req = parsed.data.instance

  const access = req.access ?? {}
  if (access.allowed_cidrs) {
    const seen = new Set<string>()
    access.allowed_cidrs.forEach((cidr, i) => {
      if (!isCidr(cidr)) {
        throw badRequest(
          `Validation error: instance['access']['allowed_cidrs'][${i}] ${pyRepr(cidr)} is not a 'cidr'`,
        )
      }
      if (seen.has(cidr)) {
        throw badRequest(
          `Validation error: instance['access']['allowed_cidrs'] ${pyRepr(access.allowed_cidrs)} has non-unique elements`,
        )
      }
      seen.add(cidr)
    })
  }

  const replicaOfId = req.replica_of
  if (replicaOfId) {
    if (req.flavorRef !== undefined)
      throw badRequest('Cannot specify flavor when creating replicas.')
    if (req.datastore && Object.keys(req.datastore).length > 0) {
      throw badRequest('Cannot specify datastore when creating replicas.')
    }
    if (req.volume) throw badRequest('Cannot specify volume when creating replicas.')
    if (req.locality) throw badRequest('Cannot specify locality when creating replicas.')
  } else if (req.replica_count !== undefined && req.replica_count > 1) {
    throw badRequest(
      `Replica count only valid when creating replicas. Cannot create ${req.replica_count} instances.`,
    )
  }

  let replicaOf: InstanceRow | null = null
  let datastore: DatastoreRow
  let version: DatastoreVersionRow
  if (replicaOfId) {
    replicaOf = findInstance(db, replicaOfId, region, projectId) ?? null
    if (!replicaOf) throw notFound(replicaOfId)
    if (replicaOf.replica_of_id) {
      throw unauthorizedFault(`Cannot create a replica of a replica ${replicaOfId}`)
    }
    const v = versionById(db, replicaOf.datastore_version_id)
    const d = v ? datastoreById(db, v.datastore_id) : undefined
    if (!v || !d)
      throw badRequest(`Datastore version '${replicaOf.datastore_version_id}' cannot be found.`)
    datastore = d
    version = v
  } else {
    ;({ datastore, version } = resolveDatastoreVersion(db, req.datastore ?? {}))
    // Restore (backups area): without an explicit version the new instance gets the backup's
    // datastore version, so a backup restores onto the version it was taken from.
    const restored = restoreVersion(db, req.restorePoint?.backupRef, req.datastore, {
      projectId,
      region,
    })
    if (restored) ({ datastore, version } = restored)
  }

  const databases: DatabaseDef[] = (req.databases ?? []).map((d) => ({
    name: d.name,
    character_set: d.character_set,
    collate: d.collate,
  }))
  const family = datastoreFamily(datastore.manager)
  checkDatabases(databases, family)
  const users = checkUsers(req.users ?? [], new Set(databases.map((d) => d.name)), family)
  if (replicaOf && (databases.length > 0 || users.length > 0)) {
    throw badRequest('Cannot create a replica with users or databases.')
  }

  let configurationId: string | null = null
  if (req.configuration) {
    const conf = findConfiguration(db, req.configuration, projectId, region)
    if (!conf) throw notFound(req.configuration)
    if (conf.datastore_version_id !== version.id) {
      throw badRequest(
        `Datastore Version on Configuration ${conf.datastore_version_id} does not match the Datastore Version on the instance ${version.id}.`,
      )
    }
    configurationId = conf.id
  }

  let networkId: string | null = null
  let fixedIp: string | null = null
  const nic = req.nics?.[0]
  if (nic) {
    networkId = nic.network_id ?? nic['net-id'] ?? null
    if (!networkId && !nic.subnet_id) {
      throw badRequest('Unable to create instance because network or subnet is not provided.')
    }
    if (!nic.subnet_id && nic.ip_address) {
      throw badRequest('Unable to create instance because subnet is not provided.')
    }
    if (replicaOf && nic.ip_address)
      throw badRequest('Cannot specify IP address when creating replicas.')
    networkId = networkId ?? nic.subnet_id ?? null
    fixedIp = nic.ip_address ?? null
  }

  if (req.locality && !['affinity', 'anti-affinity'].includes(req.locality)) {
    throw badRequest(
      `Invalid locality '${req.locality}'. Must be one of ['affinity', 'anti-affinity']`,
    )
  }
  if (req.region_name !== undefined && req.region_name !== region) {
    throw badRequest(
      `Region '${req.region_name}' is not served by this endpoint; send the request to the ${req.region_name} endpoint.`,
    )
  }

  let flavor: FlavorRow | undefined
  let volumeSize: number
  let volumeType: string | null
  if (replicaOf) {
    flavor = flavorById(db, replicaOf.flavor_id)
    if (!flavor) throw badRequest(`Resource ${replicaOf.flavor_id} cannot be found.`)
    volumeSize = replicaOf.volume_size
    volumeType = replicaOf.volume_type
  } else {
    const flavorId = req.flavorRef === undefined ? 'None' : idFromHref(req.flavorRef)
    flavor = flavorById(db, flavorId)
    if (!flavor) throw badRequest(`Resource ${flavorId} cannot be found.`)
    if (!req.volume) throw badRequest('Volume size was not specified.')
    volumeSize = Number(req.volume.size)
    volumeType = req.volume.type ?? null
    const sizeVerdict = volumeSizeVerdict(volumeSize, { max: scope.maxVolumeSize })
    if (!sizeVerdict.ok && sizeVerdict.reason === 'too_large') {
      throw overLimit(
        `Volume 'size' cannot exceed maximum of ${scope.maxVolumeSize} GB, ${String(req.volume.size)} cannot be accepted.`,
      )
    }
  }

  let backupId: string | null = null
  if (req.restorePoint) {
    backupId = idFromHref(req.restorePoint.backupRef)
    const backup = findBackup(db, backupId, projectId, region)
    if (!backup) throw notFound(backupId)
    if (backup.status !== 'COMPLETED' && backup.status !== 'RESTORED') {
      throw new TroveFault(
        409,
        `Unable to create instance because backup ${backupId} is not completed. Actual state: ${backup.status}.`,
      )
    }
    if (backup.size !== null && backup.size > volumeSize) {
      throw new TroveFault(
        403,
        `Backup is too large for given flavor or volume. Backup size: ${backup.size} GBs. Available size: ${volumeSize} GBs.`,
      )
    }
    if (backup.datastore_version_id && backup.datastore_version_id !== version.id) {
      const bv = versionById(db, backup.datastore_version_id)
      if (bv && bv.datastore_id !== datastore.id) {
        throw badRequest(
          `The datastore from which the backup was taken, ${bv.datastore_id}, does not match the destination datastore of ${datastore.id}.`,
        )
      }
    }
  }

  if (replicaOf) {
    const blocker = actionBlocker(replicaOf, runningBackupFor(db, replicaOf.id))
    if (blocker) throw notAvailable(replicaOf.id, blocker)
  }

  // `Modules.validate`: each module exists for this tenant and fits the datastore and version.
  for (const ref of req.modules ?? []) {
    const m = findModule(db, ref.id)
    if (!m || (m.tenant_id !== null && m.tenant_id !== projectId)) throw notFound(ref.id)
    if (m.datastore !== null && m.datastore !== datastore.name) {
      throw forbidden(
        `The module is invalid: Module '${m.name}' cannot be applied  (Wrong datastore '${m.datastore}' - expected '${datastore.name}')`,
      )
    }
    if (m.datastore_version !== null && m.datastore_version !== version.name) {
      throw forbidden(
        `The module is invalid: Module '${m.name}' cannot be applied  (Wrong datastore version '${m.datastore_version}' - expected '${version.name}')`,
      )
    }
  }

  const count = replicaOf ? (req.replica_count ?? 1) : 1
  const overs = quotaOvers(db, projectId, region, {
    instances: count,
    ram: flavor.ram * count,
    volumes: volumeSize * count,
  })
  if (overs.length > 0) throw quotaExceeded(overs)

  const names =
    count === 1 ? [req.name] : Array.from({ length: count }, (_, i) => `${req.name}-${i + 1}`)

  return {
    names,
    flavor,
    datastore,
    version,
    volumeSize,
    volumeType,
    databases,
    users,
    availabilityZone: req.availability_zone ?? null,
    networkId,
    fixedIp,
    locality: req.locality ?? null,
    access: {
      ...(access.is_public !== undefined ? { is_public: access.is_public } : {}),
      ...(access.allowed_cidrs !== undefined ? { allowed_cidrs: access.allowed_cidrs } : {}),
    },
    configurationId,
    replicaOf,
    backupId,
  }
}
