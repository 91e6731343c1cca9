import { randomUUID } from 'node:crypto'
import type { Hono } from 'hono'
import {
  nonEmptyString,
  updateInstanceRequestSchema,
  volumeSizeSchema,
} from '../../src/api/instances/schemas'
import { z } from 'zod'
import { flavorById } from '../store/catalog-queries'
import {
  findInstance,
  insertInstance,
  insertInstanceDatabases,
  insertInstanceUsers,
  pageInstances,
  replicasOf,
  runningBackupFor,
  updateInstance,
  failBackupsFor,
  type InstanceRow,
} from '../store/instance-queries'
import { quotaOvers } from '../store/quota-queries'
import { deleteTaskFor, taskFor } from '../store/task-queries'
import { actionBlocker, publicStatus } from '../engine/status-model'
import { buildKindFor } from '../engine/task-kinds'
import { hashPasswords } from '../identity/passwords'
import { isPlainObject, requestOrigin } from '../http-util'
import { requireWrapped, type TroveContext, type TroveDeps, type TroveEnv } from './context'
import { validateCreate, type CreatePlan } from './create-validation'
import { changeInstanceConfiguration } from './configuration-attach'
import { isCidr } from '../../src/api/rules/cidrs'
import { volumeSizeVerdict } from '../../src/api/rules/volume-sizes'
import {
  badRequest,
  forbidden,
  notAvailable,
  notFound,
  overLimit,
  quotaExceeded,
  unprocessable,
} from './errors'
import { instanceView } from './views'
import type { ResponseBody } from '../respond'
import type { instanceListSchema } from '../../src/api/instances/schemas'
import {
  detachReplica,
  ejectReplicaSource,
  promoteToReplicaSource,
  upgradeDatastoreVersion,
} from './replication'
import { pyRepr, validationMessage } from './validation-message'

const DEFAULT_PAGE_SIZE = 20
const ACTIONS = [
  'restart',
  'resize',
  'promote_to_replica_source',
  'eject_replica_source',
  'reset_status',
]

const flavorRefSchema = z.union([nonEmptyString, z.number().int()])
const idParam = (c: TroveContext): string => c.req.param('id') ?? ''
const idFromHref = (ref: string | number): string => {
  const s = String(ref)
  return s.split('/').filter(Boolean).pop() ?? s
}

export function registerInstanceRoutes(app: Hono<TroveEnv>, base: string, deps: TroveDeps): void {
  const { db, clock, engine } = deps

  /** The caller's instance (admins: any project's) in this region, or 404. */
  const load = (c: TroveContext, id: string): InstanceRow => {
    const auth = c.get('auth')
    const row = findInstance(db, id, c.get('region'), auth.isAdmin ? null : c.get('tenant'))
    if (!row) throw notFound(id)
    return row
  }

  const status = (row: InstanceRow) => publicStatus(row, runningBackupFor(db, row.id))

  const list = (c: TroveContext, mode: 'list' | 'detail') => {
    const limitText = c.req.query('limit')
    let limit = DEFAULT_PAGE_SIZE
    if (limitText !== undefined) {
      if (!/^\d+$/.test(limitText) || Number(limitText) < 1) {
        throw badRequest(`Invalid limit '${limitText}': it must be a positive integer.`)
      }
      limit = Number(limitText)
    }
    limit = Math.min(limit, deps.pageSizeMax)
    const marker = c.req.query('marker')
    const page = pageInstances(db, c.get('tenant'), c.get('region'), limit, marker)
    if (!page) return c.json({ instances: [] })
    const vc = c.get('vc')
    const sorted = [...page.rows].sort((a, b) => b.created - a.created || b.seq - a.seq)
    const body: ResponseBody<typeof instanceListSchema> = {
      instances: sorted.map((r) => instanceView(db, vc, r, mode)),
    }
    const last = page.rows[page.rows.length - 1]
    if (page.more && last) {
      const url = new URL(c.req.url)
      const next = new URLSearchParams(url.search)
      next.set('limit', String(limit))
      next.set('marker', last.id)
      body.links = [{ rel: 'next', href: `${requestOrigin(c)}${url.pathname}?${next.toString()}` }]
    }
    return c.json(body)
  }

  app.get(`${base}/instances`, (c) => list(c, 'list'))
  app.get(`${base}/instances/detail`, (c) => list(c, 'detail'))

  app.post(`${base}/instances`, async (c) => {
    const body = await requireWrapped(c, 'instance')
    const scope = {
      db,
      projectId: c.get('tenant'),
      region: c.get('region'),
      maxVolumeSize: deps.maxVolumeSize,
    }
    const first = validateCreate(scope, body)
    const hashes = await hashPasswords(first.users.map((u) => u.password))
    // Hashing let other requests run: quotas and names are checked again just before the insert.
    const plan = first.users.length > 0 ? validateCreate(scope, body) : first
    const ids = createInstances(c, plan, hashes)
    const row = findInstance(db, ids[0]!, c.get('region'), null)!
    return c.json({ instance: instanceView(db, c.get('vc'), row, 'detail') }, 200)
  })

  const createInstances = (c: TroveContext, plan: CreatePlan, hashes: string[]): string[] => {
    const now = clock.now()
    const users = plan.users.map((u, i) => ({
      name: u.name,
      host: u.host,
      password_hash: hashes[i]!,
      databases: u.databases,
    }))
    const ids: string[] = []
    db.transaction(() => {
      for (const name of plan.names) {
        const id = randomUUID()
        ids.push(id)
        insertInstance(db, {
          id,
          project_id: c.get('tenant'),
          region: c.get('region'),
          name,
          flavor_id: plan.flavor.id,
          datastore_version_id: plan.version.id,
          volume_size: plan.volumeSize,
          volume_type: plan.volumeType,
          volume_used: null,
          task_status: 'BUILDING',
          server_status: 'BUILD',
          service_status: 'NEW',
          created: now,
          updated: now,
          service_status_updated: now,
          fault_message: null,
          fault_details: null,
          fault_created: null,
          addresses: '[]',
          network_id: plan.networkId,
          fixed_ip: plan.fixedIp,
          availability_zone: plan.availabilityZone,
          locality: plan.locality,
          access: JSON.stringify(plan.access),
          configuration_id: plan.configurationId,
          replica_of_id: plan.replicaOf?.id ?? null,
          backup_id: plan.backupId,
          server_id: randomUUID(),
          volume_id: randomUUID(),
        })
        insertInstanceDatabases(db, id, plan.databases)
        insertInstanceUsers(db, id, users)
        engine.schedule(id, buildKindFor(name, plan.volumeSize))
        engine.recordEvent(id, null, 'BUILD', 'Instance create requested.')
      }
    })()
    return ids
  }

  app.get(`${base}/instances/:id`, (c) => {
    const row = load(c, idParam(c))
    return c.json({ instance: instanceView(db, c.get('vc'), row, 'show') })
  })

  const update = async (c: TroveContext, method: 'PUT' | 'PATCH') => {
    const body = await requireWrapped(c, 'instance')
    let slaveOf = false
    if (method === 'PATCH' && isPlainObject(body.instance) && 'slave_of' in body.instance) {
      const { slave_of: _ignored, ...rest } = body.instance
      void _ignored
      body.instance = rest
      slaveOf = true
    }
    const parsed = updateInstanceRequestSchema.safeParse(body)
    if (!parsed.success) throw badRequest(validationMessage(parsed.error.issues, body))
    const req = parsed.data.instance
    const keys = Object.keys(req).length + (slaveOf ? 1 : 0)
    if ((req.name && keys > 2) || (!req.name && keys >= 2)) {
      throw badRequest("Only one attribute (except 'name') is allowed to update.")
    }
    const access = req.access
    if (access?.allowed_cidrs) {
      const cidrs = access.allowed_cidrs
      cidrs.forEach((cidr, i) => {
        if (!isCidr(cidr)) {
          throw badRequest(
            `Validation error: instance['access']['allowed_cidrs'][${i}] ${pyRepr(cidr)} is not a 'cidr'`,
          )
        }
      })
      if (new Set(cidrs).size !== cidrs.length) {
        throw badRequest(
          `Validation error: instance['access']['allowed_cidrs'] ${pyRepr(cidrs)} has non-unique elements`,
        )
      }
    }
    const row = load(c, idParam(c))
    const now = clock.now()
    db.transaction(() => {
      if (req.name) updateInstance(db, row.id, { name: req.name, updated: now })
      // Replication and upgrade live in server/trove/replication.ts (instance-extras area).
      if (slaveOf || 'replica_of' in req) detachReplica({ db, engine, now }, row)
      // Attach/detach lives in the configurations area (an empty {"instance": {}} detaches).
      if ('configuration' in req || keys === 0) {
        changeInstanceConfiguration({ db, engine }, row, req.configuration ?? null, now)
      }
      if (req.datastore_version !== undefined) {
        upgradeDatastoreVersion({ db, engine, now }, row, req.datastore_version)
      }
      if (access) {
        const blocker = actionBlocker(row, runningBackupFor(db, row.id))
        if (blocker) throw notAvailable(row.id, blocker)
        updateInstance(db, row.id, {
          access: JSON.stringify({
            is_public: access.is_public ?? false,
            allowed_cidrs: access.allowed_cidrs ?? [],
          }),
          task_status: 'UPDATING',
          updated: now,
        })
        engine.schedule(row.id, 'update_access')
        engine.recordEvent(row.id, status(row), status(row), 'Access update requested.')
      }
    })()
    return c.body(null, 202)
  }

  app.put(`${base}/instances/:id`, (c) => update(c, 'PUT'))
  app.patch(`${base}/instances/:id`, (c) => update(c, 'PATCH'))

  app.delete(`${base}/instances/:id`, (c) => {
    const row = load(c, idParam(c))
    if (replicasOf(db, row.id).length > 0) {
      throw forbidden('The replica source cannot be deleted without detaching the replicas.')
    }
    const before = status(row)
    if (before === 'BUILD')
      throw unprocessable(`Instance ${row.id} is not ready. (Status is BUILD).`)
    // Rackspace: "While the instance is being backed up, you cannot ... delete ... the instance."
    if (before === 'BACKUP') throw notAvailable(row.id, 'instance status was BACKUP')
    // A replication change settles the whole set from one member's task: let it finish.
    if (['PROMOTE', 'EJECT'].includes(before))
      throw notAvailable(row.id, `instance status was ${before}`)
    if (row.task_status === 'DELETING' && taskFor(db, row.id)?.kind === 'delete') {
      return c.body(null, 202)
    }
    db.transaction(() => {
      updateInstance(db, row.id, {
        task_status: 'DELETING',
        configuration_id: null,
        updated: clock.now(),
      })
      engine.schedule(row.id, 'delete')
      engine.recordEvent(row.id, before, 'SHUTDOWN', 'Delete requested.')
    })()
    return c.body(null, 202)
  })

  app.post(`${base}/instances/:id/action`, async (c) => {
    const body = await requireWrapped(c, 'restart')
    const keys = Object.keys(body).filter((k) => ACTIONS.includes(k))
    const action = keys[keys.length - 1]
    if (!action) {
      const got = Object.keys(body)
      throw badRequest(
        `Invalid action${got.length ? ` ${got.map((k) => `'${k}'`).join(', ')}` : ''}: the body must hold one of ${ACTIONS.join(', ')}.`,
      )
    }
    const arg = body[action]
    switch (action) {
      case 'restart':
        if (!isPlainObject(arg))
          throw badRequest(`Validation error: restart ${pyRepr(arg)} is not of type 'object'`)
        return restart(c)
      case 'resize':
        return resize(c, arg)
      case 'reset_status':
        if (arg !== null && !isPlainObject(arg)) {
          throw badRequest(`Validation error: reset_status ${pyRepr(arg)} is not of type 'object'`)
        }
        return resetStatus(c)
      case 'promote_to_replica_source':
        promoteToReplicaSource({ db, engine, now: clock.now() }, load(c, idParam(c)))
        return c.body(null, 202)
      case 'eject_replica_source':
        ejectReplicaSource({ db, engine, now: clock.now() }, load(c, idParam(c)))
        return c.body(null, 202)
      default:
        load(c, idParam(c))
        throw badRequest(`The '${action}' action is not available in the embedded cloud yet.`)
    }
  })

  const restart = (c: TroveContext) => {
    const row = load(c, idParam(c))
    const blocker = actionBlocker(row, runningBackupFor(db, row.id))
    if (blocker) throw notAvailable(row.id, blocker)
    db.transaction(() => {
      updateInstance(db, row.id, {
        task_status: 'REBOOTING',
        service_status: 'RESTARTING',
        updated: clock.now(),
      })
      engine.schedule(row.id, 'restart')
      engine.recordEvent(row.id, status(row), 'REBOOT', 'Restart requested.')
    })()
    return c.body(null, 202)
  }

  const resize = (c: TroveContext, arg: unknown) => {
    if (!isPlainObject(arg))
      throw badRequest(`Validation error: resize ${pyRepr(arg)} is not of type 'object'`)
    if ('volume' in arg) {
      const vol = arg.volume
      if (!isPlainObject(vol)) {
        throw badRequest(
          `Validation error: resize['volume'] ${pyRepr(vol)} is not of type 'object'`,
        )
      }
      if (!('size' in vol))
        throw badRequest("Validation error: resize['volume'] 'size' is a required property")
      const size = volumeSizeSchema.safeParse(vol.size)
      if (!size.success) {
        throw badRequest(
          validationMessage(size.error.issues, vol.size).replace(
            'Validation error: ',
            "Validation error: resize['volume']['size'] ",
          ),
        )
      }
      return resizeVolume(c, Number(size.data))
    }
    if ('flavorRef' in arg) {
      const ref = flavorRefSchema.safeParse(arg.flavorRef)
      if (!ref.success) {
        throw badRequest(
          `Validation error: resize['flavorRef'] ${pyRepr(arg.flavorRef)} is not valid under any of the given schemas`,
        )
      }
      return resizeFlavor(c, idFromHref(ref.data))
    }
    throw badRequest(
      `Validation error: resize ${pyRepr(arg)} is not valid under any of the given schemas`,
    )
  }

  const resizeVolume = (c: TroveContext, newSize: number) => {
    const row = load(c, idParam(c))
    const verdict = volumeSizeVerdict(newSize, { max: deps.maxVolumeSize })
    if (!verdict.ok && verdict.reason === 'too_large') {
      throw overLimit(
        `Volume 'size' cannot exceed maximum of ${deps.maxVolumeSize} GB, ${newSize} cannot be accepted.`,
      )
    }
    const overs = quotaOvers(db, row.project_id, row.region, { volumes: newSize - row.volume_size })
    if (overs.length > 0) throw quotaExceeded(overs)
    const blocker = actionBlocker(row, runningBackupFor(db, row.id))
    if (blocker) throw notAvailable(row.id, blocker)
    if (!volumeSizeVerdict(newSize, { current: row.volume_size }).ok) {
      throw badRequest(
        `The new volume 'size' must be larger than the current volume size of '${row.volume_size}'.`,
      )
    }
    db.transaction(() => {
      updateInstance(db, row.id, { task_status: 'RESIZING', updated: clock.now() })
      engine.schedule(row.id, 'resize_volume', { size: newSize })
      engine.recordEvent(row.id, status(row), 'RESIZE', `Volume resize to ${newSize} GB requested.`)
    })()
    return c.body(null, 202)
  }

  const resizeFlavor = (c: TroveContext, flavorId: string) => {
    const row = load(c, idParam(c))
    const blocker = actionBlocker(row, runningBackupFor(db, row.id))
    if (blocker) throw notAvailable(row.id, blocker)
    if (row.flavor_id === flavorId) {
      throw badRequest(
        `The new flavor id must be different than the current flavor id of '${row.flavor_id}'.`,
      )
    }
    const flavor = flavorById(db, flavorId)
    if (!flavor) throw badRequest(`Resource ${flavorId} cannot be found.`)
    const old = flavorById(db, row.flavor_id)
    const overs = quotaOvers(db, row.project_id, row.region, { ram: flavor.ram - (old?.ram ?? 0) })
    if (overs.length > 0) throw quotaExceeded(overs)
    db.transaction(() => {
      updateInstance(db, row.id, {
        task_status: 'RESIZING',
        server_status: 'RESIZE',
        updated: clock.now(),
      })
      engine.schedule(row.id, 'resize_flavor', { flavorId })
      engine.recordEvent(row.id, status(row), 'RESIZE', `Resize to flavor ${flavorId} requested.`)
    })()
    return c.body(null, 202)
  }

  const resetStatus = (c: TroveContext) => {
    const row = load(c, idParam(c))
    if (!c.get('auth').isAdmin) {
      throw forbidden("Policy doesn't allow instance:reset_status to be performed.")
    }
    const now = clock.now()
    db.transaction(() => {
      deleteTaskFor(db, row.id)
      const patch = {
        task_status: 'NONE',
        service_status: 'UNKNOWN',
        server_status: 'ACTIVE',
        service_status_updated: now,
        updated: now,
      }
      updateInstance(db, row.id, patch)
      failBackupsFor(db, row.id, now)
      engine.recordEvent(
        row.id,
        status(row),
        publicStatus({ ...row, ...patch }),
        'Status reset by an administrator.',
      )
    })()
    return c.body(null, 202)
  }
}
