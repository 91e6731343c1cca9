import type { LucideIcon } from 'lucide-react'
import {
  Archive,
  Boxes,
  ChartLine,
  Database,
  Gauge,
  ScrollText,
  ShieldCheck,
  SlidersHorizontal,
  Users,
} from 'lucide-react'

export type NavPath =
  | '/instances'
  | '/datastores'
  | '/backups'
  | '/configurations'
  | '/users-databases'
  | '/quotas'
  | '/metrics'
  | '/logs'
  | '/admin'

export interface NavItem {
  to: NavPath
  label: string
  icon: LucideIcon
  adminOnly?: boolean
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/instances', label: 'Instances', icon: Database },
  { to: '/datastores', label: 'Datastores', icon: Boxes },
  { to: '/backups', label: 'Backups', icon: Archive },
  { to: '/configurations', label: 'Configuration groups', icon: SlidersHorizontal },
  { to: '/users-databases', label: 'Users & databases', icon: Users },
  { to: '/quotas', label: 'Quotas', icon: Gauge },
  { to: '/metrics', label: 'Metrics', icon: ChartLine },
  { to: '/logs', label: 'Logs', icon: ScrollText },
  { to: '/admin', label: 'Admin', icon: ShieldCheck, adminOnly: true },
]

export function navItemsFor(admin: boolean): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.adminOnly || admin)
}
