import type { Db } from '../store/db'
import { datastoreById, versionById } from '../store/catalog-queries'
import {
  instancesUsing,
  listParameters,
  storedValues,
  type ConfigurationRow,
} from '../store/configuration-queries'
import { troveTime } from '../http-util'
import type { Override, ResponseBody } from '../respond'
import type {
  configurationSchema,
  configurationSummarySchema,
} from '../../src/api/configurations/schemas'
import { shownValues, type ShownValue } from './configuration-values'

/** The detail view: its values may hold RawNumber (exact numbers, written by rawJson). */
type ConfigurationDetailBody = Override<
  ResponseBody<typeof configurationSchema>,
  { values: Record<string, ShownValue> }
>

function datastoreOf(db: Db, row: ConfigurationRow) {
  const version = versionById(db, row.datastore_version_id)
  const datastore = version ? datastoreById(db, version.datastore_id) : undefined
  return { version, datastore }
}

/** Trove 18's ConfigurationView (list). */
export function configurationSummaryView(
  db: Db,
  row: ConfigurationRow,
): ResponseBody<typeof configurationSummarySchema> {
  const { version, datastore } = datastoreOf(db, row)
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    created: troveTime(row.created),
    updated: troveTime(row.updated),
    datastore_version_id: row.datastore_version_id,
    datastore_name: datastore?.name ?? 'unknown',
    datastore_version_name: version?.name ?? 'unknown',
  }
}

/** Trove 18's DetailedConfigurationView (show, create); `values` overrides the stored ones. */
export function configurationDetailView(
  db: Db,
  row: ConfigurationRow,
  values?: Record<string, ShownValue>,
): ConfigurationDetailBody {
  const { version, datastore } = datastoreOf(db, row)
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    values: values ?? shownValues(storedValues(row), listParameters(db, row.datastore_version_id)),
    created: troveTime(row.created),
    updated: troveTime(row.updated),
    instance_count: instancesUsing(db, row.id).length,
    datastore_name: datastore?.name ?? 'unknown',
    datastore_version_id: row.datastore_version_id,
    datastore_version_name: version?.name ?? 'unknown',
    datastore_version_number: version?.version ?? '',
  }
}
