import { createHash } from 'node:crypto'
import type { CatalogEntry } from '../../src/api/identity/schemas'

const INTERFACES = ['public', 'internal', 'admin'] as const

const idFor = (...parts: string[]) =>
  createHash('sha1').update(parts.join('|')).digest('hex').slice(0, 32)

/**
 * The service catalog of a project-scoped token: Keystone itself (RegionOne) and Trove
 * (type `database`) and the DBaaS management API (type `dbaas`, Exoscale-style API v2, no project in
 * the path: the token says which) in every region, with absolute URLs on the host the client called.
 * A read-only Neutron (type `network`) lists the project's networks for the launch form.
 */
export function buildCatalog(origin: string, projectId: string, regions: string[]): CatalogEntry[] {
  const identityRegion = regions[0] ?? 'RegionOne'
  return [
    {
      id: idFor('service', 'keystone'),
      type: 'identity',
      name: 'keystone',
      endpoints: INTERFACES.map((iface) => ({
        id: idFor('keystone', iface, identityRegion),
        interface: iface,
        region: identityRegion,
        region_id: identityRegion,
        url: `${origin}/v3`,
      })),
    },
    {
      id: idFor('service', 'trove'),
      type: 'database',
      name: 'trove',
      endpoints: regions.flatMap((region) =>
        INTERFACES.map((iface) => ({
          id: idFor('trove', iface, region),
          interface: iface,
          region,
          region_id: region,
          url: `${origin}/trove/${region}/v1.0/${projectId}`,
        })),
      ),
    },
    {
      id: idFor('service', 'dbaas'),
      type: 'dbaas',
      name: 'dbaas',
      endpoints: regions.flatMap((region) =>
        INTERFACES.map((iface) => ({
          id: idFor('dbaas', iface, region),
          interface: iface,
          region,
          region_id: region,
          url: `${origin}/dbaas/${region}/v2`,
        })),
      ),
    },
    {
      id: idFor('service', 'neutron'),
      type: 'network',
      name: 'neutron',
      endpoints: regions.flatMap((region) =>
        INTERFACES.map((iface) => ({
          id: idFor('neutron', iface, region),
          interface: iface,
          region,
          region_id: region,
          url: `${origin}/neutron/${region}`,
        })),
      ),
    },
  ]
}
