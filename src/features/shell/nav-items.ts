import type { LucideIcon } from 'lucide-react'
import {
  Archive,
  Boxes,
  ChartLine,
  Database,
  Gauge,
  History,
  ScrollText,
  Server,
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
  | '/activity'
  | '/metrics'
  | '/logs'
  | '/services'
  | '/admin'

export interface NavItem {
  to: NavPath
  label: string
  icon: LucideIcon
  adminOnly?: boolean
  /** Needs the DBaaS management API (catalog type `dbaas`): hidden on clouds without it. */
  needsDbaas?: boolean
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/instances', label: 'Instances', icon: Database },
  { to: '/datastores', label: 'Datastores', icon: Boxes },
  { to: '/backups', label: 'Backups', icon: Archive },
  { to: '/configurations', label: 'Configuration groups', icon: SlidersHorizontal },
  { to: '/users-databases', label: 'Users & databases', icon: Users },
  { to: '/quotas', label: 'Quotas', icon: Gauge },
  { to: '/activity', label: 'Activity', icon: History },
  { to: '/services', label: 'Services', icon: Server, needsDbaas: true },
  { to: '/metrics', label: 'Metrics', icon: ChartLine, needsDbaas: true },
  { to: '/logs', label: 'Logs', icon: ScrollText, needsDbaas: true },
  { to: '/admin', label: 'Admin', icon: ShieldCheck, adminOnly: true },
]

export function navItemsFor(admin: boolean, dbaas = true): NavItem[] {
  return NAV_ITEMS.filter((item) => (!item.adminOnly || admin) && (!item.needsDbaas || dbaas))
}
