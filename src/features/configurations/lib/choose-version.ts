import type { Datastore } from '@/api/datastores/schemas'

/**
 * The create form's datastore and version: the one chosen, else the one named in the link, else
 * the first datastore with versions; its chosen version, else its default, else its first.
 * `dsChoice` set but not found: no datastore (the user picked one that went away).
 */
export function chooseVersion(
  list: readonly Datastore[],
  {
    dsChoice,
    initialDatastore,
    versionChoice,
  }: {
    dsChoice?: string | undefined
    initialDatastore?: string | undefined
    versionChoice?: string | undefined
  },
) {
  const offered = list.filter((d) => d.versions.length > 0)
  const datastore =
    offered.find((d) => d.name === (dsChoice ?? initialDatastore)) ??
    (dsChoice === undefined ? offered[0] : undefined)
  const version =
    datastore?.versions.find((v) => v.id === versionChoice) ??
    datastore?.versions.find((v) => v.id === datastore.default_version) ??
    datastore?.versions[0]
  return { offered, datastore, version }
}
