import { z } from 'zod'
import { SORT_COLUMNS } from './instance-list'

/** The instances list's view state in the URL: bad or missing values fall back to defaults. */
export const instancesSearchSchema = z.object({
  q: z.string().default('').catch(''),
  status: z.string().default('').catch(''),
  datastore: z.string().default('').catch(''),
  sort: z.enum(SORT_COLUMNS).default('name').catch('name'),
  dir: z.enum(['asc', 'desc']).default('asc').catch('asc'),
})
export type InstancesSearch = z.infer<typeof instancesSearchSchema>

/** The defaults, left out of the URL so a plain /instances link stays plain. */
export const instancesSearchDefaults: InstancesSearch = {
  q: '',
  status: '',
  datastore: '',
  sort: 'name',
  dir: 'asc',
}
