import * as z from 'zod/mini'
import type { CreateInstanceRequest } from '@/api/instances/schemas'

import { cidrListVerdict, isIpv4 } from '@/api/rules/cidrs'
import { databaseNameVerdict } from '@/api/rules/database-names'
import { datastoreFamily } from '@/api/rules/datastore-family'
import { hostVerdict } from '@/api/rules/hosts'
import { instanceNameVerdict } from '@/api/rules/instance-names'
import { passwordVerdict } from '@/api/rules/passwords'
import { passwordStrengthVerdict, type PasswordPolicy } from '@/api/rules/password-strength'
import { userNameVerdict } from '@/api/rules/user-names'
import { LOCALITIES } from './localities'
import { HAS_ALNUM_RE as ALNUM_RE } from '@/api/rules/verdict'
import { volumeSizeVerdict } from '@/api/rules/volume-sizes'

/* Shapes Trove accepts: the rules of src/api/rules (names, hosts, passwords per datastore). */
const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/

export function isUuid(value: string): boolean {
  return UUID_RE.test(value)
}

/** The non-empty lines of a textarea, trimmed. */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
}

/** The non-empty items of a comma (or whitespace) separated list. */
export function commaList(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean)
}

const databaseRow = z.object({
  name: z.string(),
  characterSet: z.string(),
  collate: z.string(),
})

const userRow = z.object({
  name: z.string(),
  password: z.string(),
  host: z.string(),
  databases: z.array(z.string()),
})

/** A number input's value: NaN when empty, checked in the refinement so every error shows at once. */
const numberValue = z.custom<number>((v) => typeof v === 'number', 'Enter a number.')

// Fields default when missing: react-hook-form reports disabled controls (the datastore fields
// of a replica, the replica count of a non-replica) as undefined.
export const launchInstanceSchema = z
  .object({
    name: z._default(z.string(), ''),
    datastoreType: z._default(z.string(), ''),
    datastoreVersion: z._default(z.string(), ''),
    flavorId: z._default(z.string(), ''),
    volumeSize: z._default(numberValue, 1),
    volumeType: z._default(z.string().check(z.trim()), ''),
    availabilityZone: z._default(z.string().check(z.trim()), ''),
    locality: z._default(z.enum(LOCALITIES), 'none'),
    databases: z._default(z.array(databaseRow), []),
    users: z._default(z.array(userRow), []),
    networkId: z._default(z.string().check(z.trim()), ''),
    fixedIp: z._default(z.string().check(z.trim()), ''),
    isPublic: z._default(z.boolean(), false),
    allowedCidrs: z._default(z.string(), ''),
    configurationId: z._default(z.string().check(z.trim()), ''),
    backupId: z._default(z.string().check(z.trim()), ''),
    replicaOf: z._default(z.string(), ''),
    replicaCount: z._default(numberValue, 1),
    moduleIds: z._default(z.string(), ''),
  })
  .check(
    z.superRefine((v, ctx) => {
      const issue = (path: (string | number)[], message: string) =>
        ctx.addIssue({ code: 'custom', path, message })
      const replica = v.replicaOf !== ''

      const nameVerdict = instanceNameVerdict(v.name.trim())
      if (!nameVerdict.ok) issue(['name'], nameVerdict.message)

      if (!replica) {
        const size = volumeSizeVerdict(v.volumeSize)
        if (!size.ok) issue(['volumeSize'], size.message)
      }
      if (
        replica &&
        !(Number.isInteger(v.replicaCount) && v.replicaCount >= 1 && v.replicaCount <= 3)
      ) {
        issue(['replicaCount'], 'Enter 1, 2 or 3.')
      }
      if (!replica) {
        if (!v.datastoreType) issue(['datastoreType'], 'Choose a datastore.')
        if (!v.datastoreVersion) issue(['datastoreVersion'], 'Choose a version.')
        if (!v.flavorId) issue(['flavorId'], 'Choose a flavor.')
      }
      if (!replica && v.replicaCount > 1) {
        issue(['replicaCount'], 'More than one replica needs a source instance.')
      }
      if (v.volumeType && !ALNUM_RE.test(v.volumeType)) {
        issue(['volumeType'], 'The volume type needs a letter or digit.')
      }
      if (v.availabilityZone && !ALNUM_RE.test(v.availabilityZone)) {
        issue(['availabilityZone'], 'The availability zone needs a letter or digit.')
      }

      const family = datastoreFamily(v.datastoreType)
      const dbNames = new Set<string>()
      v.databases.forEach((db, n) => {
        const name = db.name
        const dbVerdict = databaseNameVerdict(name, family)
        if (name === '')
          issue(['databases', n, 'name'], 'Enter a database name, or remove the row.')
        else if (!dbVerdict.ok) issue(['databases', n, 'name'], dbVerdict.message)
        if (name && dbNames.has(name))
          issue(['databases', n, 'name'], 'This database is listed twice.')
        dbNames.add(name)
        if (db.characterSet.trim() && !ALNUM_RE.test(db.characterSet)) {
          issue(['databases', n, 'characterSet'], 'Not a character set.')
        }
        if (db.collate.trim() && !ALNUM_RE.test(db.collate)) {
          issue(['databases', n, 'collate'], 'Not a collation.')
        }
      })

      const userKeys = new Set<string>()
      v.users.forEach((u, n) => {
        const name = u.name
        const nameVerdict = userNameVerdict(name, family)
        if (name === '') issue(['users', n, 'name'], 'Enter a user name, or remove the row.')
        else if (!nameVerdict.ok) issue(['users', n, 'name'], nameVerdict.message)
        const pw = passwordVerdict(u.password, family)
        if (!pw.ok) issue(['users', n, 'password'], pw.message)
        const host = u.host
        const hostOk = hostVerdict(host || '%', family)
        if (!hostOk.ok) issue(['users', n, 'host'], hostOk.message)
        const key = `${name}@${host || '%'}`
        if (name && userKeys.has(key)) issue(['users', n, 'name'], 'This user is listed twice.')
        userKeys.add(key)
        for (const db of u.databases) {
          if (!dbNames.has(db)) {
            issue(['users', n, 'databases'], `Database "${db}" is not in the initial databases.`)
          }
        }
      })

      if (v.networkId && !isUuid(v.networkId)) issue(['networkId'], 'Enter a network UUID.')
      if (v.fixedIp) {
        if (!isIpv4(v.fixedIp)) issue(['fixedIp'], 'Enter an IPv4 address.')
        else if (!v.networkId) issue(['fixedIp'], 'A fixed IP needs a network.')
      }

      const cidrs = cidrListVerdict(lines(v.allowedCidrs))
      if (!cidrs.ok) issue(['allowedCidrs'], cidrs.message)

      if (v.configurationId && !isUuid(v.configurationId)) {
        issue(['configurationId'], 'Enter a configuration group UUID.')
      }
      if (v.backupId && !isUuid(v.backupId)) issue(['backupId'], 'Enter a backup UUID.')
      if (replica && !isUuid(v.replicaOf)) issue(['replicaOf'], 'Choose an instance.')
      const badModules = commaList(v.moduleIds).filter((m) => !isUuid(m))
      if (badModules.length > 0) {
        issue(['moduleIds'], `Not a UUID: ${badModules.slice(0, 3).join(', ')}`)
      }
    }),
  )

/**
 * The form's schema with the operator's password policy on the initial users (forms only: the
 * cloud checks the datastore's rule alone, which `launchInstanceSchema` already does).
 */
export function launchInstanceSchemaFor(policy: PasswordPolicy) {
  return launchInstanceSchema.check(
    z.superRefine((v, ctx) => {
      const family = datastoreFamily(v.datastoreType)
      v.users.forEach((u, n) => {
        if (!passwordVerdict(u.password, family).ok) return
        const strength = passwordStrengthVerdict(u.password, policy)
        if (!strength.ok) {
          ctx.addIssue({
            code: 'custom',
            path: ['users', n, 'password'],
            message: strength.message,
          })
        }
      })
    }),
  )
}

/** What the form holds (fields may be missing when their control is disabled). */
export type LaunchInstanceInput = z.input<typeof launchInstanceSchema>
/** Validated values, every field present. */
export type LaunchInstanceValues = z.output<typeof launchInstanceSchema>

export const launchInstanceDefaults: LaunchInstanceValues = {
  name: '',
  datastoreType: '',
  datastoreVersion: '',
  flavorId: '',
  volumeSize: 1,
  volumeType: '',
  availabilityZone: '',
  locality: 'none',
  databases: [],
  users: [],
  networkId: '',
  fixedIp: '',
  isPublic: false,
  allowedCidrs: '',
  configurationId: '',
  backupId: '',
  replicaOf: '',
  replicaCount: 1,
  moduleIds: '',
}

export const emptyDatabaseRow: LaunchInstanceValues['databases'][number] = {
  name: '',
  characterSet: '',
  collate: '',
}
export const emptyUserRow: LaunchInstanceValues['users'][number] = {
  name: '',
  password: '',
  host: '',
  databases: [],
}

/**
 * The `POST /instances` body for valid form values. A replica inherits datastore, flavor, volume
 * and locality from its source (Trove answers 400 when they are sent with `replica_of`).
 */
export function toCreateInstanceRequest(
  v: LaunchInstanceValues,
  opts: {
    /** The network's first subnet, when the network service listed it (a fixed IP needs one). */
    subnetOf?: (networkId: string) => string | undefined
  } = {},
): CreateInstanceRequest {
  const instance: CreateInstanceRequest['instance'] = { name: v.name.trim() }
  if (v.replicaOf) {
    instance.replica_of = v.replicaOf
    instance.replica_count = v.replicaCount
  } else {
    instance.datastore = { type: v.datastoreType, version: v.datastoreVersion }
    instance.flavorRef = v.flavorId
    instance.volume = v.volumeType
      ? { size: v.volumeSize, type: v.volumeType }
      : { size: v.volumeSize }
    if (v.locality !== 'none') instance.locality = v.locality
  }
  if (v.availabilityZone) instance.availability_zone = v.availabilityZone
  if (v.databases.length > 0) {
    instance.databases = v.databases.map((db) => ({
      name: db.name,
      ...(db.characterSet.trim() ? { character_set: db.characterSet.trim() } : {}),
      ...(db.collate.trim() ? { collate: db.collate.trim() } : {}),
    }))
  }
  if (v.users.length > 0) {
    instance.users = v.users.map((u) => ({
      name: u.name,
      password: u.password,
      ...(u.host ? { host: u.host } : {}),
      ...(u.databases.length > 0 ? { databases: u.databases.map((name) => ({ name })) } : {}),
    }))
  }
  if (v.networkId) {
    const subnet = v.fixedIp ? opts.subnetOf?.(v.networkId) : undefined
    instance.nics = [
      {
        'net-id': v.networkId,
        ...(subnet ? { subnet_id: subnet } : {}),
        ...(v.fixedIp ? { ip_address: v.fixedIp } : {}),
      },
    ]
  }
  const cidrs = lines(v.allowedCidrs)
  if (v.isPublic || cidrs.length > 0) {
    instance.access = {
      is_public: v.isPublic,
      ...(cidrs.length > 0 ? { allowed_cidrs: cidrs } : {}),
    }
  }
  if (v.configurationId) instance.configuration = v.configurationId
  if (v.backupId) instance.restorePoint = { backupRef: v.backupId }
  const modules = [...new Set(commaList(v.moduleIds))]
  if (modules.length > 0) instance.modules = modules.map((id) => ({ id }))
  return { instance }
}
