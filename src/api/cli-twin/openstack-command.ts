import type { MutationRequest } from './mutation-request'
import {
  databaseCreateCommand,
  instanceCreateCommand,
  rootEnableCommand,
  userCreateCommand,
} from './openstack-create-commands'

/**
 * The `openstack database ...` command (python-troveclient's OSC plugin) that sends the same
 * request as the console, as an argument vector, or why there is none. Pure: the dialogs show it
 * and the proof test runs it with the real CLI.
 */
type OpenstackCommand = { argv: string[] } | { none: string }

const NO_DBAAS = 'The openstack CLI has no command for the DBaaS management API.'
const NO_IDENTITY = 'This change is made with openstack identity commands, not shown here.'

type Json = Record<string, unknown>

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function only(body: unknown, key: string): Json | undefined {
  if (!isObject(body)) return undefined
  const keys = Object.keys(body)
  if (keys.length !== 1 || keys[0] !== key) return undefined
  const v = body[key]
  return isObject(v) ? v : v === null ? {} : undefined
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined
}

const db = (...args: string[]): OpenstackCommand => ({ argv: ['openstack', 'database', ...args] })

function none(what: string): OpenstackCommand {
  return { none: `The openstack CLI has no command for ${what}: use the curl request.` }
}

function instanceAction(id: string, body: unknown): OpenstackCommand {
  if (only(body, 'restart')) return db('instance', 'restart', id)
  if (only(body, 'reset_status')) return db('instance', 'reset', 'status', id)
  if (only(body, 'promote_to_replica_source')) return db('instance', 'promote', id)
  if (only(body, 'eject_replica_source')) return db('instance', 'eject', id)
  const resize = only(body, 'resize')
  if (resize) {
    const flavor = str(resize.flavorRef)
    if (flavor !== undefined && Object.keys(resize).length === 1)
      return db('instance', 'resize', 'flavor', id, flavor)
    const volume = resize.volume
    if (isObject(volume) && Object.keys(resize).length === 1) {
      const size = str(volume.size)
      if (size !== undefined) return db('instance', 'resize', 'volume', id, size)
    }
  }
  return none('this instance action')
}

function instanceUpdate(id: string, body: unknown): OpenstackCommand {
  const inst = only(body, 'instance')
  if (!inst) return none('this instance update')
  const keys = Object.keys(inst)
  const args: string[] = []
  for (const key of keys) {
    const v = inst[key]
    if (key === 'name' && typeof v === 'string') args.push('--name', v)
    else if (key === 'configuration' && v === null) args.push('--remove-configuration')
    else if (key === 'configuration' && typeof v === 'string') args.push('--configuration', v)
    else if (key === 'replica_of' && v === null) args.push('--detach-replica-source')
    else if (key === 'access' && isObject(v)) {
      // The CLI sends `access` with what it is given: is_public and the CIDRs, in that order.
      const extra = Object.keys(v).filter((k) => k !== 'is_public' && k !== 'allowed_cidrs')
      if (extra.length > 0) return none('this access change')
      if (typeof v.is_public === 'boolean') args.push(v.is_public ? '--is-public' : '--is-private')
      const cidrs = v.allowed_cidrs
      if (Array.isArray(cidrs)) {
        // The CLI sends no empty list: an empty `allowed_cidrs` has no command.
        if (cidrs.length === 0) return none('clearing the allowed CIDRs')
        for (const c of cidrs) {
          const s = str(c)
          if (s === undefined) return none('this access change')
          args.push('--allowed-cidr', s)
        }
      }
    } else return none('this instance update')
  }
  if (args.length === 0) return none('an empty update')
  return db('instance', 'update', id, ...args)
}

function backupCreate(body: unknown): OpenstackCommand {
  const b = only(body, 'backup')
  const name = b && str(b.name)
  if (!b || name === undefined) return none('this backup')
  const args: string[] = []
  for (const key of Object.keys(b)) {
    const v = b[key]
    if (key === 'name') continue
    if (key === 'instance' && typeof v === 'string') args.push('--instance', v)
    else if (key === 'description' && typeof v === 'string') args.push('--description', v)
    else if (key === 'parent_id' && typeof v === 'string') args.push('--parent', v)
    else if (key === 'incremental' && v === 1) args.push('--incremental')
    else if (key === 'incremental' && v === 0) continue
    else if (key === 'swift_container' && typeof v === 'string') args.push('--swift-container', v)
    else return none(`a backup with "${key}"`)
  }
  return db('backup', 'create', ...args, name)
}

/**
 * The admin API: python-troveclient has `instance reboot` and `instance rebuild` (both send the
 * `/mgmt` action); stop, migrate and reset-task-status have no openstack command.
 */
function mgmtCommand(req: MutationRequest, parts: string[]): OpenstackCommand {
  const [, kind, id, sub] = parts
  if (
    kind === 'instances' &&
    id &&
    sub === 'action' &&
    parts.length === 4 &&
    req.method === 'POST'
  ) {
    if (only(req.body, 'reboot') && Object.keys(only(req.body, 'reboot') ?? {}).length === 0)
      return db('instance', 'reboot', id)
    const rebuild = only(req.body, 'rebuild')
    const image = rebuild && str(rebuild.image_id)
    if (rebuild && image !== undefined && Object.keys(rebuild).length === 1)
      return db('instance', 'rebuild', id, image)
    const action = isObject(req.body) ? Object.keys(req.body)[0] : undefined
    if (action === 'stop' || action === 'migrate' || action === 'reset-task-status')
      return none(`the admin action ${action}`)
  }
  return none('this admin (/mgmt) request')
}

/** Trove addresses a user as "name@host"; the CLI takes the name and the host as an option. */
function userArgs(userId: string): string[] {
  const at = userId.lastIndexOf('@')
  return at < 0 ? [userId] : [userId.slice(0, at), '--host', userId.slice(at + 1)]
}

/** The command for a request, or why there is none. */
export function openstackCommand(req: MutationRequest): OpenstackCommand {
  if (req.service === 'dbaas') return { none: NO_DBAAS }
  if (req.service === 'identity') return { none: NO_IDENTITY }
  const parts = req.path.split('/').filter(Boolean).map(decodeURIComponent)
  const [top, id, sub, subId] = parts
  if (top === 'mgmt') return mgmtCommand(req, parts)
  if (top === 'instances' && parts.length === 1 && req.method === 'POST') {
    return instanceCreateCommand(req.body)
  }
  if (top === 'instances' && id !== undefined && parts.length === 3 && req.method === 'POST') {
    if (sub === 'users') return userCreateCommand(id, req.body)
    if (sub === 'databases') return databaseCreateCommand(id, req.body)
    if (sub === 'root') return rootEnableCommand(id, req.body)
  }
  if (top === 'instances' && id !== undefined) {
    if (parts.length === 2) {
      if (req.method === 'DELETE') return db('instance', 'delete', id)
      const inst = only(req.body, 'instance')
      const keys = Object.keys(inst ?? {})
      if (inst && keys.length === 1 && keys[0] === 'replica_of' && inst.replica_of === null)
        return db('instance', 'detach', id)
      if (req.method === 'PUT' && !(keys.length === 1 && keys[0] === 'datastore_version'))
        return instanceUpdate(id, req.body)
      if (req.method === 'PUT' || req.method === 'PATCH') {
        const inst = only(req.body, 'instance')
        const version = inst && str(inst.datastore_version)
        if (version !== undefined && Object.keys(inst ?? {}).length === 1)
          return db('instance', 'upgrade', id, version)
      }
    }
    if (parts.length === 3 && sub === 'action' && req.method === 'POST')
      return instanceAction(id, req.body)
    if (sub === 'root' && parts.length === 3) {
      if (req.method === 'POST' && req.body === undefined) return db('root', 'enable', id)
      if (req.method === 'DELETE') return db('root', 'disable', id)
    }
    if (sub === 'databases' && parts.length === 4 && req.method === 'DELETE' && subId)
      return db('db', 'delete', id, subId)
    if (sub === 'users' && parts.length === 4 && req.method === 'DELETE' && subId) {
      return db('user', 'delete', id, ...userArgs(subId))
    }
    if (sub === 'users' && subId && parts[4] === 'databases') {
      // troveclient's users.grant / users.revoke: the same path and body.
      if (parts.length === 5 && req.method === 'PUT') {
        const body = isObject(req.body) ? req.body : {}
        const list = Object.keys(body).join() === 'databases' ? body.databases : undefined
        const names: string[] = []
        for (const d of Array.isArray(list) ? list : []) {
          const n = isObject(d) && Object.keys(d).join() === 'name' ? str(d.name) : undefined
          if (n === undefined) return none('this access grant')
          names.push(n)
        }
        if (names.length === 0) return none('this access grant')
        return db('user', 'grant', 'access', id, ...userArgs(subId), ...names)
      }
      if (parts.length === 6 && req.method === 'DELETE' && parts[5])
        return db('user', 'revoke', 'access', id, ...userArgs(subId), parts[5])
    }
  }
  if (top === 'backups') {
    if (parts.length === 1 && req.method === 'POST') return backupCreate(req.body)
    if (parts.length === 2 && id && req.method === 'DELETE') return db('backup', 'delete', id)
    if (sub === 'action') return none('copying a backup to another region')
  }
  if (top === 'configurations' && parts.length === 2 && id && req.method === 'DELETE')
    return db('configuration', 'delete', id)
  return none(`${req.method} ${req.path}`)
}

const SAFE = /^[A-Za-z0-9_./:=@%+,-]+$/

/** One argument as POSIX shell text: bare when safe, else single-quoted. */
export function shellQuote(arg: string): string {
  if (SAFE.test(arg)) return arg
  return `'${arg.replace(/'/g, `'\\''`)}'`
}

/** An argument vector as one shell line. */
export function shellLine(argv: readonly string[]): string {
  return argv.map(shellQuote).join(' ')
}
