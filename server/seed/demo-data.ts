/** The demo cloud: who can sign in, what they may do, what the cloud offers. */

export const DEFAULT_DOMAIN = { id: 'default', name: 'Default' }

export const REGIONS = [
  { id: 'RegionOne', description: 'Primary region' },
  { id: 'RegionTwo', description: 'Secondary region' },
]

export const ROLES = ['admin', 'member', 'reader'] as const

export const PROJECTS = [
  { name: 'admin', description: 'Cloud administration' },
  { name: 'demo', description: 'Demo project' },
  { name: 'demo-staging', description: 'Staging environment of the demo team' },
  { name: 'alt', description: 'Another tenant (isolation checks)' },
]

export const USERS: {
  name: string
  password: string
  grants: { project: string; roles: string[] }[]
}[] = [
  { name: 'admin', password: 'secret', grants: [{ project: 'admin', roles: ['admin', 'member'] }] },
  {
    name: 'demo',
    password: 'demo',
    grants: [
      { project: 'demo', roles: ['member'] },
      { project: 'demo-staging', roles: ['member'] },
    ],
  },
  { name: 'alt', password: 'alt', grants: [{ project: 'alt', roles: ['member'] }] },
]

export const DATASTORES: {
  name: string
  manager: string
  versions: { name: string; version: string; active: boolean; isDefault?: boolean }[]
}[] = [
  {
    name: 'mysql',
    manager: 'mysql',
    versions: [
      { name: '5.7', version: '5.7.29', active: true, isDefault: true },
      { name: '8.0', version: '8.0.30', active: true },
    ],
  },
  {
    name: 'postgresql',
    manager: 'postgresql',
    versions: [
      { name: '12', version: '12.12', active: true, isDefault: true },
      { name: '13', version: '13.8', active: true },
    ],
  },
  {
    name: 'mariadb',
    manager: 'mariadb',
    versions: [
      { name: '10.4', version: '10.4.26', active: true, isDefault: true },
      { name: '10.11', version: '10.11.2', active: false },
    ],
  },
]

export const FLAVORS = [
  { id: '1', name: 'm1.tiny', ram: 512, vcpus: 1, disk: 0 },
  { id: '2', name: 'm1.small', ram: 2048, vcpus: 1, disk: 20 },
  { id: '3', name: 'm1.medium', ram: 4096, vcpus: 2, disk: 40 },
  { id: '4', name: 'm1.large', ram: 8192, vcpus: 4, disk: 80 },
  { id: '5', name: 'm1.xlarge', ram: 16384, vcpus: 8, disk: 160 },
  // A flavor with a non-numeric id, as real clouds have: Trove shows it with "id": null.
  { id: 'custom', name: 'custom.small', ram: 1024, vcpus: 1, disk: 10 },
]
