/**
 * The `openstack database ...` commands for the create requests (python-troveclient's OSC
 * plugin): instance create, user create, database create, root enable with a password. Each
 * maps the JSON body to the CLI's options exactly as troveclient builds its body back, or says
 * which part the CLI cannot send.
 */
type Cmd = { argv: string[] } | { none: string }
type Json = Record<string, unknown>

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined
const db = (...args: string[]): Cmd => ({ argv: ['openstack', 'database', ...args] })
const none = (what: string): Cmd => ({
  none: `The openstack CLI cannot send ${what}: use the curl request.`,
})

function only(body: unknown, key: string): unknown {
  if (!isObject(body)) return undefined
  const keys = Object.keys(body)
  return keys.length === 1 && keys[0] === key ? body[key] : undefined
}

const names = (list: unknown): string[] | undefined => {
  if (!Array.isArray(list)) return undefined
  const out: string[] = []
  for (const item of list) {
    const n = isObject(item) && Object.keys(item).length === 1 ? str(item.name) : undefined
    if (n === undefined) return undefined
    out.push(n)
  }
  return out
}

/** `openstack database instance create` (troveclient's CreateDatabaseInstance). */
export function instanceCreateCommand(body: unknown): Cmd {
  const inst = only(body, 'instance')
  if (!isObject(inst)) return none('this instance')
  const name = str(inst.name)
  if (name === undefined) return none('an instance without a name')
  const args: string[] = []
  // The CLI grants every initial user all initial databases (`--databases` with `--users`).
  const dbNames: string[] = []
  for (const key of Object.keys(inst)) {
    const v = inst[key]
    switch (key) {
      case 'name':
        break
      case 'flavorRef': {
        const f = str(v)
        if (f === undefined) return none('this flavor')
        args.push('--flavor', f)
        break
      }
      case 'volume': {
        if (!isObject(v)) return none('this volume')
        const size = str(v.size)
        if (size === undefined) return none('a volume without a size')
        args.push('--size', size)
        if (typeof v.type === 'string') args.push('--volume-type', v.type)
        break
      }
      case 'datastore': {
        if (!isObject(v)) return none('this datastore')
        if (typeof v.type === 'string') args.push('--datastore', v.type)
        if (typeof v.version === 'string') args.push('--datastore-version', v.version)
        break
      }
      case 'databases': {
        if (!Array.isArray(v)) return none('these databases')
        for (const d of v) {
          if (!isObject(d) || Object.keys(d).some((k) => k !== 'name')) {
            return none('a character set or collation for an initial database')
          }
          const n = str(d.name)
          if (n === undefined) return none('these databases')
          dbNames.push(n)
        }
        break
      }
      case 'users':
        break // after the databases, below
      case 'nics': {
        if (!Array.isArray(v) || v.length !== 1 || !isObject(v[0])) return none('these networks')
        const nic = v[0]
        const parts: string[] = []
        for (const [k, x] of Object.entries(nic)) {
          const s = str(x)
          if (s === undefined) return none('this network')
          if (k === 'net-id' || k === 'network_id') parts.push(`net-id=${s}`)
          else if (k === 'subnet_id') parts.push(`subnet-id=${s}`)
          else if (k === 'ip_address') parts.push(`ip-address=${s}`)
          else return none(`a network with "${k}"`)
        }
        args.push('--nic', parts.join(','))
        break
      }
      case 'configuration': {
        const c = str(v)
        if (c === undefined) return none('this configuration')
        args.push('--configuration', c)
        break
      }
      case 'replica_of': {
        const r = str(v)
        if (r === undefined) return none('this replica source')
        args.push('--replica-of', r)
        break
      }
      case 'replica_count': {
        const n = str(v)
        if (n === undefined) return none('this replica count')
        args.push('--replica-count', n)
        break
      }
      case 'restorePoint': {
        const b = isObject(v) ? str(v.backupRef) : undefined
        if (b === undefined) return none('this restore point')
        args.push('--backup', b)
        break
      }
      case 'availability_zone': {
        const z = str(v)
        if (z === undefined) return none('this availability zone')
        args.push('--availability-zone', z)
        break
      }
      case 'modules': {
        const ids = Array.isArray(v) ? v.map((m) => (isObject(m) ? str(m.id) : undefined)) : []
        if (!Array.isArray(v) || ids.some((x) => x === undefined)) return none('these modules')
        for (const id of ids) if (id !== undefined) args.push('--module', id)
        break
      }
      case 'locality': {
        const l = str(v)
        if (l === undefined) return none('this locality')
        args.push('--locality', l)
        break
      }
      case 'access': {
        if (!isObject(v)) return none('this access')
        if (Object.keys(v).some((k) => k !== 'is_public' && k !== 'allowed_cidrs')) {
          return none('this access')
        }
        if (v.is_public === true) args.push('--is-public')
        const cidrs = v.allowed_cidrs
        if (Array.isArray(cidrs)) {
          for (const c of cidrs) {
            const s = str(c)
            if (s === undefined) return none('these CIDRs')
            args.push('--allowed-cidr', s)
          }
        }
        break
      }
      default:
        return none(`an instance with "${key}"`)
    }
  }
  if (dbNames.length > 0) args.push('--databases', ...dbNames)
  const users = inst.users
  if (users !== undefined) {
    if (!Array.isArray(users)) return none('these users')
    const pairs: string[] = []
    for (const u of users) {
      if (!isObject(u)) return none('these users')
      const n = str(u.name)
      const p = str(u.password)
      if (n === undefined || p === undefined) return none('these users')
      if (u.host !== undefined && u.host !== '%') return none('an initial user with a host')
      const granted = u.databases === undefined ? [] : names(u.databases)
      // The CLI gives each user every initial database: only that (or no database at all) maps.
      const all = granted !== undefined && (granted.length === 0 ? dbNames.length === 0 : true)
      if (
        !all ||
        (granted.length > 0 &&
          (granted.length !== dbNames.length || granted.some((g) => !dbNames.includes(g))))
      ) {
        return none('initial users with access to only some of the initial databases')
      }
      if (n.includes(':') || p.includes(':')) return none('a user name or password with ":"')
      pairs.push(`${n}:${p}`)
    }
    if (pairs.length > 0) args.push('--users', ...pairs)
  }
  // A positional name after options taking several values (--databases, --users) would be read
  // as one more of them: the name goes first.
  return db('instance', 'create', name, ...args)
}

/** `openstack database user create <instance> <name> <password> [--host] [--databases ...]`. */
export function userCreateCommand(instanceId: string, body: unknown): Cmd {
  const users = only(body, 'users')
  if (!Array.isArray(users) || users.length !== 1 || !isObject(users[0])) {
    return none('several users in one request')
  }
  const u = users[0]
  const extra = Object.keys(u).filter((k) => !['name', 'password', 'host', 'databases'].includes(k))
  if (extra.length > 0) return none(`a user with "${extra[0]}"`)
  const n = str(u.name)
  const p = str(u.password)
  if (n === undefined || p === undefined) return none('this user')
  const args = ['user', 'create', instanceId, n, p]
  if (typeof u.host === 'string' && u.host !== '') args.push('--host', u.host)
  const dbs = u.databases === undefined ? [] : names(u.databases)
  if (dbs === undefined) return none('these databases')
  if (dbs.length > 0) args.push('--databases', ...dbs)
  return db(...args)
}

/** `openstack database db create <instance> <name> [--character_set] [--collate]`. */
export function databaseCreateCommand(instanceId: string, body: unknown): Cmd {
  const list = only(body, 'databases')
  if (!Array.isArray(list) || list.length !== 1 || !isObject(list[0])) {
    return none('several databases in one request')
  }
  const d = list[0]
  const n = str(d.name)
  if (n === undefined) return none('this database')
  const args = ['db', 'create', instanceId, n]
  for (const [k, v] of Object.entries(d)) {
    if (k === 'name') continue
    const s = str(v)
    if (k === 'character_set' && s !== undefined) args.push('--character_set', s)
    else if (k === 'collate' && s !== undefined) args.push('--collate', s)
    else return none(`a database with "${k}"`)
  }
  return db(...args)
}

/** `openstack database root enable <instance> [--root_password]`. */
export function rootEnableCommand(instanceId: string, body: unknown): Cmd {
  if (body === undefined) return db('root', 'enable', instanceId)
  const pw = isObject(body) ? str(only(body, 'password')) : undefined
  if (pw === undefined) return none('this root request')
  return db('root', 'enable', instanceId, '--root_password', pw)
}
