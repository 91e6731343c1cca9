import type { Instance } from '@/api/instances/schemas'

export interface ConnectionCommand {
  label: string
  command: string
}

const DEFAULT_PORTS: Record<string, number> = {
  mysql: 3306,
  mariadb: 3306,
  percona: 3306,
  pxc: 3306,
  postgresql: 5432,
  redis: 6379,
  mongodb: 27017,
  cassandra: 9042,
  couchdb: 5984,
}

/**
 * The address clients should use: a public address first, then any address, then the hostname.
 * Trove sends `addresses: [{address, type}]` (newer) and/or `ip: [...]` (older).
 */
export function connectionHost(
  instance: Pick<Instance, 'addresses' | 'ip' | 'hostname'>,
): string | undefined {
  const addresses = instance.addresses ?? []
  const pub = addresses.find((a) => a.type === 'public')
  return pub?.address ?? addresses[0]?.address ?? instance.ip?.[0] ?? instance.hostname ?? undefined
}

export function defaultPort(datastoreType: string): number | undefined {
  return DEFAULT_PORTS[datastoreType.toLowerCase()]
}

export const USER_PLACEHOLDER = '<user>'

/** Shell quoting for a value placed in a command line (the placeholder stays as it is). */
function q(value: string): string {
  if (value === USER_PLACEHOLDER) return value
  return /^[\w.@%:/-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`
}

/**
 * Ready-to-paste client commands for the instance's datastore, or [] when the console does not
 * know its client (or the instance has no address yet). `user` defaults to a placeholder.
 */
export function connectionCommands(
  instance: Pick<Instance, 'addresses' | 'ip' | 'hostname' | 'datastore'>,
  user = USER_PLACEHOLDER,
): ConnectionCommand[] {
  const host = connectionHost(instance)
  if (!host) return []
  const type = instance.datastore.type.toLowerCase()
  const port = defaultPort(type)
  switch (type) {
    case 'mysql':
    case 'mariadb':
    case 'percona':
    case 'pxc':
      return [
        {
          label: `${type === 'mariadb' ? 'MariaDB' : 'MySQL'} client`,
          command: `mysql -h ${q(host)} -P ${port} -u ${q(user)} -p`,
        },
        { label: 'Connection URI', command: `mysql://${user}@${host}:${port}/` },
      ]
    case 'postgresql':
      return [
        { label: 'psql', command: `psql "host=${host} port=${port} user=${user} dbname=postgres"` },
        { label: 'Connection URI', command: `postgresql://${user}@${host}:${port}/postgres` },
      ]
    case 'redis':
      return [{ label: 'redis-cli', command: `redis-cli -h ${q(host)} -p ${port}` }]
    case 'mongodb':
      return [
        { label: 'mongosh', command: `mongosh --host ${q(host)} --port ${port} -u ${q(user)} -p` },
        { label: 'Connection URI', command: `mongodb://${user}@${host}:${port}/` },
      ]
    case 'cassandra':
      return [{ label: 'cqlsh', command: `cqlsh ${q(host)} ${port} -u ${q(user)}` }]
    default:
      return []
  }
}
