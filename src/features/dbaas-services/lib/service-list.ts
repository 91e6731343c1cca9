import type { Service } from '@/api/dbaas/schemas'
import { noticedTroveStatus, serviceStateOf } from '@/api/dbaas/status'
import type { SortValue } from '@/components/data-table/columns'
import { typeLabel } from './service-labels'
import type { ServiceSortColumn } from './service-search'

/** The value a service sorts by in a column (the table's column accessor). */
export function serviceSortValue(s: Service, col: ServiceSortColumn): SortValue {
  switch (col) {
    case 'name':
      return s.name
    case 'type':
      return typeLabel(s.type)
    case 'plan':
      return s.plan
    case 'state':
      return serviceStateOf(s.state, noticedTroveStatus(s)).label
    case 'nodes':
      return s['node-count']
    case 'disk':
      return s['disk-size']
    case 'created':
      return s['created-at']
  }
}

/** What the filter box searches in a service: name, engine (code and name), plan, state, zone. */
export function serviceFilterText(s: Service): string[] {
  const state = serviceStateOf(s.state, noticedTroveStatus(s)).label
  return [s.name, s.type, typeLabel(s.type), s.plan, state, s.zone ?? '']
}

/** The page's own select: one engine, or all. */
export function filterServices(services: readonly Service[], type: string): Service[] {
  return type ? services.filter((s) => s.type === type) : [...services]
}

/** Why a service cannot be deleted now (termination protection), or undefined. */
export function deleteBlocked(s: Service): string | undefined {
  return s['termination-protection'] === true
    ? 'Termination protection is on: turn it off on the service page first.'
    : undefined
}
