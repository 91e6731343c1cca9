import { randomUUID } from 'node:crypto'
import type { Db } from '../store/db'
import { countParameters, insertParameters } from '../store/configuration-queries'
import { rulesFor } from './parameters-rules'

/**
 * Registers each datastore version's configuration parameters from its manager's rules (what
 * `trove-manage db_load_datastore_config_parameters` does). Runs at every start but fills only
 * versions that have none yet, so admin changes made through /mgmt survive restarts.
 */
export function seedParameters(db: Db): number {
  const versions = db
    .prepare(
      `SELECT v.id AS id, COALESCE(v.manager, d.manager) AS manager FROM datastore_versions v
       JOIN datastores d ON d.id = v.datastore_id WHERE v.registered_by = 'seed'
       ORDER BY d.position, v.position`,
    )
    .all() as { id: string; manager: string }[]
  let added = 0
  db.transaction(() => {
    for (const v of versions) {
      if (countParameters(db, v.id) > 0) continue
      const seededBefore = db
        .prepare('SELECT 1 FROM datastore_configuration_parameters WHERE datastore_version_id = ?')
        .get(v.id)
      if (seededBefore) continue // an admin deleted them all: leave it so
      const rules = rulesFor(v.manager)
      insertParameters(
        db,
        rules.map((r, i) => ({
          id: randomUUID(),
          datastore_version_id: v.id,
          name: r.name,
          data_type: r.type,
          min_size: r.min ?? null,
          max_size: r.max ?? null,
          restart_required: r.restart_required ? 1 : 0,
          position: i,
        })),
      )
      added += rules.length
    }
  })()
  return added
}
