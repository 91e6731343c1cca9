import { describe, expect, it } from 'vitest'
import { connectionCommands, connectionHost, defaultPort } from './connection-info'

const ds = (type: string) => ({ type, version: '1' })

describe('connectionHost', () => {
  it('prefers a public address, then any address, then ip, then hostname', () => {
    expect(
      connectionHost({
        addresses: [
          { address: '10.0.0.2', type: 'private' },
          { address: '203.0.113.5', type: 'public' },
        ],
      }),
    ).toBe('203.0.113.5')
    expect(connectionHost({ addresses: [{ address: '10.0.0.2', type: 'private' }] })).toBe(
      '10.0.0.2',
    )
    expect(connectionHost({ ip: ['10.0.0.9'] })).toBe('10.0.0.9')
    expect(connectionHost({ hostname: 'db.example' })).toBe('db.example')
    expect(connectionHost({})).toBeUndefined()
  })
})

describe('connectionCommands', () => {
  const at = { ip: ['10.0.0.9'] }
  it('mysql and mariadb', () => {
    expect(connectionCommands({ ...at, datastore: ds('mysql') }, 'app')[0]?.command).toBe(
      'mysql -h 10.0.0.9 -P 3306 -u app -p',
    )
    expect(connectionCommands({ ...at, datastore: ds('mariadb') })[0]).toEqual({
      label: 'MariaDB client',
      command: 'mysql -h 10.0.0.9 -P 3306 -u <user> -p',
    })
  })
  it('postgresql', () => {
    expect(connectionCommands({ ...at, datastore: ds('postgresql') }, 'app')[0]?.command).toBe(
      'psql "host=10.0.0.9 port=5432 user=app dbname=postgres"',
    )
  })
  it('redis and mongodb', () => {
    expect(connectionCommands({ ...at, datastore: ds('redis') })[0]?.command).toBe(
      'redis-cli -h 10.0.0.9 -p 6379',
    )
    expect(connectionCommands({ ...at, datastore: ds('mongodb') }, 'a')[0]?.command).toBe(
      'mongosh --host 10.0.0.9 --port 27017 -u a -p',
    )
  })
  it('nothing without an address or for an unknown datastore', () => {
    expect(connectionCommands({ datastore: ds('mysql') })).toEqual([])
    expect(connectionCommands({ ...at, datastore: ds('vertica') })).toEqual([])
    expect(defaultPort('PostgreSQL')).toBe(5432)
  })
  it('quotes odd user names', () => {
    expect(connectionCommands({ ...at, datastore: ds('mysql') }, "o'neil")[0]?.command).toBe(
      `mysql -h 10.0.0.9 -P 3306 -u 'o'\\''neil' -p`,
    )
  })
})
