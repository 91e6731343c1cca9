import * as z from 'zod/mini'
import type { Instance } from '@/api/instances/schemas'
import type { LaunchInstanceValues } from '../forms/launch-instance.schema'
import { LOCALITIES } from '../forms/localities'

const text = z.catch(z.optional(z.string().check(z.maxLength(255))), undefined)

/**
 * The launch page's URL: `restoreFrom` (a backup to restore) and the prefill of "Launch another
 * like this" (datastore, version, flavor, volume, zone, configuration group, network, access), so
 * a prefilled form is a link that can be shared. Bad values are dropped, never an error.
 */
export const launchSearchSchema = z.object({
  restoreFrom: text,
  like: text,
  datastore: text,
  version: text,
  flavor: text,
  size: z.catch(
    z.optional(z.coerce.number().check(z.int(), z.positive(), z.lte(100_000))),
    undefined,
  ),
  volumeType: text,
  zone: text,
  configuration: text,
  network: text,
  locality: z.catch(z.optional(z.enum(LOCALITIES)), undefined),
  public: z.catch(z.optional(z.boolean()), undefined),
  cidrs: z.catch(z.optional(z.string().check(z.maxLength(4000))), undefined),
})
export type LaunchSearch = z.infer<typeof launchSearchSchema>

/** The prefill of a launch "like" this instance (its name, addresses and data are not copied). */
export function launchLikeSearch(i: Instance): LaunchSearch {
  const search: LaunchSearch = {
    like: i.name,
    datastore: i.datastore.type,
    version: i.datastore.version,
    flavor: String(i.flavor.id),
  }
  if (i.volume) search.size = i.volume.size
  if (i.volume?.type) search.volumeType = i.volume.type
  if (i.configuration) search.configuration = i.configuration.id
  if (i.locality === 'affinity' || i.locality === 'anti-affinity') search.locality = i.locality
  if (i.access?.is_public) search.public = true
  if (i.access?.allowed_cidrs?.length) search.cidrs = i.access.allowed_cidrs.join('\n')
  return search
}

/** The form values a launch URL fills in (only those it names). */
export function prefillFromSearch(s: LaunchSearch): Partial<LaunchInstanceValues> {
  const v: Partial<LaunchInstanceValues> = {}
  if (s.datastore) v.datastoreType = s.datastore
  if (s.version) v.datastoreVersion = s.version
  if (s.flavor) v.flavorId = s.flavor
  if (s.size !== undefined) v.volumeSize = s.size
  if (s.volumeType) v.volumeType = s.volumeType
  if (s.zone) v.availabilityZone = s.zone
  if (s.configuration) v.configurationId = s.configuration
  if (s.network) v.networkId = s.network
  if (s.locality) v.locality = s.locality
  if (s.public !== undefined) v.isPublic = s.public
  if (s.cidrs) v.allowedCidrs = s.cidrs
  return v
}
