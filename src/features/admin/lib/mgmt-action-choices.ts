import type { MgmtHost, MgmtVersion } from '@/api/mgmt/schemas'

export interface Choice {
  value: string
  label: string
}

/**
 * The hosts a cold migration can target: every host the cloud reports but the instance's own,
 * with how many instances each runs, fewest first (then by name).
 */
export function hostChoices(
  hosts: readonly MgmtHost[],
  current: string | null | undefined,
): Choice[] {
  return hosts
    .filter((h) => h.name !== current)
    .toSorted(
      (a, b) => (a.instanceCount ?? 0) - (b.instanceCount ?? 0) || a.name.localeCompare(b.name),
    )
    .map((h) => ({
      value: h.name,
      label:
        h.instanceCount === undefined
          ? h.name
          : `${h.name} (${h.instanceCount.toLocaleString()} ${h.instanceCount === 1 ? 'instance' : 'instances'})`,
    }))
}

/**
 * The guest images the cloud has registered for its datastore versions (`image` of the mgmt
 * version list), one choice per image naming the versions that use it.
 */
export function imageChoices(versions: readonly MgmtVersion[]): Choice[] {
  const byImage = new Map<string, string[]>()
  for (const v of versions) {
    if (!v.image) continue
    const names = byImage.get(v.image) ?? []
    names.push(`${v.datastore_name} ${v.name}${v.active ? '' : ' (inactive)'}`)
    byImage.set(v.image, names)
  }
  return [...byImage].map(([image, names]) => ({
    value: image,
    label: `${names.join(', ')}: ${image}`,
  }))
}
