import { describe, expect, it } from 'vitest'
import type { Datastore } from '@/api/datastores/schemas'
import { chooseVersion } from './choose-version'

const ds = (name: string, versions: string[], def?: string): Datastore => ({
  id: `ds-${name}`,
  name,
  links: [],
  versions: versions.map((v) => ({ id: `${name}-${v}`, name: v, links: [] })),
  ...(def ? { default_version: `${name}-${def}` } : {}),
})
const list = [ds('cassandra', []), ds('mysql', ['5.7', '8.0'], '8.0'), ds('postgresql', ['12'])]

describe('chooseVersion', () => {
  it('starts with the first datastore that has versions, at its default version', () => {
    const c = chooseVersion(list, {})
    expect(c.offered.map((d) => d.name)).toEqual(['mysql', 'postgresql'])
    expect(c.datastore?.name).toBe('mysql')
    expect(c.version?.name).toBe('8.0')
  })

  it('follows the link, then the user', () => {
    expect(chooseVersion(list, { initialDatastore: 'postgresql' }).version?.id).toBe(
      'postgresql-12',
    )
    const c = chooseVersion(list, {
      initialDatastore: 'postgresql',
      dsChoice: 'mysql',
      versionChoice: 'mysql-5.7',
    })
    expect(c.version?.name).toBe('5.7')
  })

  it('has no datastore when the chosen one is not offered', () => {
    expect(chooseVersion(list, { dsChoice: 'cassandra' }).datastore).toBeUndefined()
    expect(chooseVersion(list, { initialDatastore: 'redis' }).datastore?.name).toBe('mysql')
  })
})
