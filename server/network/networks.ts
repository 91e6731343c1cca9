import { createHash } from 'node:crypto'

/** A Neutron network as `GET /v2.0/networks` lists it (the fields a client reads). */
export interface NetworkView {
  id: string
  name: string
  tenant_id: string
  project_id: string
  admin_state_up: boolean
  status: 'ACTIVE'
  subnets: string[]
  shared: boolean
  'router:external': boolean
  mtu: number
  availability_zones: string[]
  description: string
  created_at: string
  updated_at: string
}

/** A UUID (version 4 layout) derived from text: stable across restarts, no state to keep. */
function uuidFrom(...parts: string[]): string {
  const h = createHash('sha1').update(parts.join('|')).digest('hex')
  const variant = ((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

const SEEDED_AT = '2026-01-05T09:00:00Z'

/** The shared external network every project sees (owned by the admin project in Neutron). */
export const PUBLIC_NETWORK_ID = 'a7e1c0de-5b1e-4c2a-9d7e-000000000001'

function network(
  id: string,
  name: string,
  owner: string,
  shared: boolean,
  description: string,
): NetworkView {
  return {
    id,
    name,
    tenant_id: owner,
    project_id: owner,
    admin_state_up: true,
    status: 'ACTIVE',
    subnets: [uuidFrom('subnet', id)],
    shared,
    'router:external': shared,
    mtu: shared ? 1500 : 1450,
    availability_zones: ['nova'],
    description,
    created_at: SEEDED_AT,
    updated_at: SEEDED_AT,
  }
}

/**
 * The networks a project sees in a region, as the embedded cloud's read-only Neutron face lists
 * them: the project's own private network and the shared "public" one. Seeded, not stored: ids
 * derive from project and region, so they are the same after a restart.
 */
export function networksFor(projectId: string, region: string): NetworkView[] {
  return [
    network(
      uuidFrom('network', 'private', projectId, region),
      'private',
      projectId,
      false,
      'The project’s own network',
    ),
    network(PUBLIC_NETWORK_ID, 'public', 'admin', true, 'Shared network with public addresses'),
  ]
}
