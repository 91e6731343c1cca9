import type { Db } from '../store/db'
import {
  datastoreById,
  findDatastore,
  findVersion,
  findVersionByNumber,
  type DatastoreRow,
  type DatastoreVersionRow,
} from '../store/catalog-queries'
import { TroveFault, badRequest } from './errors'

/** The datastore used when a create request names none (Trove's `default_datastore`). */
export const DEFAULT_DATASTORE = 'mysql'

/** Trove's `get_datastore_version(type, version, version_number)`. */
export function resolveDatastoreVersion(
  db: Db,
  args: {
    type?: string | undefined
    version?: string | undefined
    version_number?: string | undefined
  },
): { datastore: DatastoreRow; version: DatastoreVersionRow } {
  const dsName = args.type ?? DEFAULT_DATASTORE
  const datastore = findDatastore(db, dsName)
  if (!datastore) {
    if (args.type === undefined) {
      throw badRequest(`Please specify datastore. Default datastore '${dsName}' cannot be found.`)
    }
    throw new TroveFault(404, `Datastore '${dsName}' cannot be found.`)
  }
  let version: DatastoreVersionRow | undefined
  if (args.version !== undefined) {
    version = findVersion(db, datastore.id, args.version)
    if (version && args.version_number !== undefined && version.version !== args.version_number) {
      version = undefined
    }
    if (!version) throw badRequest(`Datastore version '${args.version}' cannot be found.`)
  } else if (args.version_number !== undefined) {
    const matches = findVersionByNumber(db, datastore.id, args.version_number)
    if (matches.length > 1) {
      throw badRequest(
        `Multiple matches found for '${args.version_number}', use an UUID to be more specific.`,
      )
    }
    version = matches[0]
    if (!version) throw badRequest(`Datastore version '${args.version_number}' cannot be found.`)
  } else {
    version = datastore.default_version_id
      ? findVersion(db, datastore.id, datastore.default_version_id)
      : undefined
    if (!version) throw badRequest(`Default version for datastore '${datastore.name}' not found.`)
  }
  if (!version.active) throw badRequest(`Datastore version '${version.name}' is not active.`)
  const owner = datastoreById(db, version.datastore_id) ?? datastore
  return { datastore: owner, version }
}
