import type { Path } from 'react-hook-form'
import type { LaunchInstanceValues } from './launch-instance.schema'
import { commaList } from './launch-instance.schema'

export interface FieldError {
  field: Path<LaunchInstanceValues>
  message: string
}

/**
 * Which form fields a server error message names, so the message can also be shown beside them.
 * The alert at the top of the form always shows the full message; this only adds field hints.
 * Messages are Trove's (trove-wire.md §3.3, §5.1): jsonschema paths like `instance['volume']`,
 * "Resource <id> cannot be found." for any unknown reference, datastore and quota messages, and
 * the user/database create errors naming the offending row.
 */
export function fieldsForCreateError(message: string, values: LaunchInstanceValues): FieldError[] {
  const out: FieldError[] = []
  const add = (field: Path<LaunchInstanceValues>) => {
    if (!out.some((f) => f.field === field)) out.push({ field, message })
  }
  const m = message

  // "Resource X cannot be found." names the reference by value.
  const missing = /Resource (\S+) cannot be found/.exec(m)?.[1]
  if (missing) {
    const refs: [Path<LaunchInstanceValues>, string[]][] = [
      ['flavorId', [values.flavorId]],
      ['configurationId', [values.configurationId]],
      ['backupId', [values.backupId]],
      ['replicaOf', [values.replicaOf]],
      ['networkId', [values.networkId]],
      ['moduleIds', commaList(values.moduleIds)],
    ]
    for (const [field, ids] of refs) if (ids.includes(missing)) add(field)
    // Trove says "Resource None cannot be found." when no flavor was sent.
    if (missing === 'None' && !values.flavorId) add('flavorId')
  }

  if (/Datastore version\b|datastore_version|\['datastore'\]\['version'\]/i.test(m)) {
    add('datastoreVersion')
  } else if (/datastore.*flavor|flavor.*datastore/i.test(m)) {
    add('flavorId')
  } else if (/datastore/i.test(m)) {
    add('datastoreType')
  }
  if (/flavor/i.test(m) && !/datastore/i.test(m)) add('flavorId')
  if (/\['volume'\]\['type'\]|volume type/i.test(m)) add('volumeType')
  else if (/volume/i.test(m) || /\['volumes'\]/.test(m)) add('volumeSize')
  if (/Quota exceeded.*'ram'/.test(m)) add('flavorId')
  if (/instance 'name'|instance\['name'\]/.test(m)) add('name')
  if (/availability.?zone/i.test(m)) add('availabilityZone')
  if (/locality/i.test(m)) add('locality')
  if (/\['nics'\]\[\d+\]\['ip_address'\]|ip_address|fixed ip/i.test(m)) add('fixedIp')
  else if (/nics|net-id|network/i.test(m)) add('networkId')
  if (/allowed_cidrs|\['access'\]|cidr/i.test(m)) add('allowedCidrs')
  if (/configuration/i.test(m) && !/Resource \S+ cannot be found/.test(m)) add('configurationId')
  if (/restorePoint|backupRef|\bbackup\b/i.test(m) && !missing) add('backupId')
  if (/replica/i.test(m) && !missing) add(/replica_count/.test(m) ? 'replicaCount' : 'replicaOf')
  if (/\['modules'\]|\bmodule/i.test(m) && !missing) add('moduleIds')

  // A user or database row named in the message.
  const dbIndex = (name: string) => values.databases.findIndex((d) => d.name.trim() === name)
  const userIndex = (name: string) => values.users.findIndex((u) => u.name === name)
  const badSchema = /'([^']+)' is not a valid schema name/.exec(m)?.[1]
  if (badSchema !== undefined && dbIndex(badSchema) >= 0) {
    add(`databases.${dbIndex(badSchema)}.name`)
  }
  const access = /user (\S+) should have access to database (\S+?),/.exec(m)
  if (access?.[1] && userIndex(access[1]) >= 0) add(`users.${userIndex(access[1])}.databases`)
  const userName =
    /User name '([^']+)'/.exec(m)?.[1] ?? /A user with the name "([^"]+)"/.exec(m)?.[1]
  if (userName !== undefined && userIndex(userName) >= 0) add(`users.${userIndex(userName)}.name`)
  const dbDup = /database with the name "([^"]+)"/i.exec(m)?.[1]
  if (dbDup !== undefined && dbIndex(dbDup) >= 0) add(`databases.${dbIndex(dbDup)}.name`)
  const pathUser = /\['users'\]\[(\d+)\]\['(name|password|host)'\]/.exec(m)
  if (pathUser?.[1] && pathUser[2]) {
    add(`users.${Number(pathUser[1])}.${pathUser[2] as 'name' | 'password' | 'host'}`)
  }
  const pathDb = /\['databases'\]\[(\d+)\]\['(name|character_set|collate)'\]/.exec(m)
  if (pathDb?.[1] && pathDb[2]) {
    const sub =
      pathDb[2] === 'character_set' ? 'characterSet' : pathDb[2] === 'collate' ? 'collate' : 'name'
    add(`databases.${Number(pathDb[1])}.${sub}`)
  }
  return out
}
