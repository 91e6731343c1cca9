/**
 * The tabs of the instance page. Each is a child route `/instances/$instanceId/<to>` whose page
 * comes from the feature that owns it; '' is the overview.
 */
export interface InstanceTab {
  to: string
  label: string
}

export const INSTANCE_TABS: InstanceTab[] = [
  { to: '', label: 'Overview' },
  { to: 'databases', label: 'Databases' },
  { to: 'users', label: 'Users' },
  { to: 'backups', label: 'Backups' },
  { to: 'configuration', label: 'Configuration' },
  { to: 'replication', label: 'Replication' },
  { to: 'logs', label: 'Logs' },
  { to: 'activity', label: 'Activity' },
]
