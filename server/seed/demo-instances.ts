import { randomUUID } from 'node:crypto'
import type { Db } from '../store/db'
import { projectByName } from '../store/identity-queries'
import { listDatastores, listFlavors, listVersions } from '../store/catalog-queries'
import { countLiveInstances, insertInstance, nextInstanceSeq } from '../store/instance-queries'
import { quotaLimits, setQuota } from '../store/quota-queries'
import { insertEvent } from '../store/task-queries'
import { addressesFor, defaultNetworkId } from '../engine/addresses'
import { DEFAULT_DOMAIN } from './demo-data'

/**
 * Tops project `demo` in RegionOne up to `count` ACTIVE instances (for benchmarks and big
 * lists). Raises the project's quotas there so the seeded fleet stays within them.
 */
export function seedDemoInstances(db: Db, count: number, now: number): number {
  const project = projectByName(db, DEFAULT_DOMAIN.id, 'demo')
  if (!project || count <= 0) return 0
  const region = 'RegionOne'
  const have = countLiveInstances(db, project.id, region)
  const missing = count - have
  if (missing <= 0) return 0
  const flavors = listFlavors(db).slice(0, 3)
  const versions = listDatastores(db).flatMap((ds) => listVersions(db, ds.id, true))
  if (flavors.length === 0 || versions.length === 0) return 0
  db.transaction(() => {
    for (let i = 0; i < missing; i++) {
      const n = have + i + 1
      const seq = nextInstanceSeq(db)
      const flavor = flavors[n % flavors.length]!
      const version = versions[n % versions.length]!
      const created = now - (missing - i) * 60_000
      const id = randomUUID()
      const networkId = defaultNetworkId(project.id, region)
      insertInstance(db, {
        id,
        project_id: project.id,
        region,
        name: `demo-db-${String(n).padStart(4, '0')}`,
        flavor_id: flavor.id,
        datastore_version_id: version.id,
        volume_size: 1 + (n % 20),
        volume_type: null,
        volume_used: 0.16,
        task_status: 'NONE',
        server_status: 'ACTIVE',
        service_status: 'HEALTHY',
        created,
        updated: created,
        service_status_updated: created,
        fault_message: null,
        fault_details: null,
        fault_created: null,
        addresses: JSON.stringify(
          addressesFor({ seq, regionIndex: 0, networkId, fixedIp: null, isPublic: false }),
        ),
        network_id: networkId,
        fixed_ip: null,
        availability_zone: null,
        locality: null,
        access: '{}',
        configuration_id: null,
        replica_of_id: null,
        backup_id: null,
        server_id: randomUUID(),
        volume_id: randomUUID(),
      })
      insertEvent(db, {
        instance_id: id,
        at: created,
        from_status: null,
        to_status: 'ACTIVE',
        message: 'Seeded demo instance.',
      })
    }
    const limits = quotaLimits(db, project.id, region)
    const total = have + missing
    if (limits.instances >= 0 && limits.instances < total + 25)
      setQuota(db, project.id, region, 'instances', total + 25)
    if (limits.volumes >= 0 && limits.volumes < total * 21 + 500)
      setQuota(db, project.id, region, 'volumes', total * 21 + 500)
  })()
  return missing
}
