import { OK, refuse, type Verdict } from './verdict'

/**
 * Volume sizes in GB, as Trove checks them for every datastore (the seeded mysql, mariadb and
 * postgresql all use volumes): apischema `volume_size` (a whole number, at least 1), at most
 * `max_accepted_volume_size` (413 otherwise), and a resize only grows the volume. The project's
 * volume quota is the cloud's business (it knows the usage).
 */
export const MIN_VOLUME_SIZE = 1

export interface VolumeLimits {
  /** max_accepted_volume_size, when known. */
  max?: number | undefined
  /** The current size, for a resize: the new size must be larger. */
  current?: number | undefined
}

export function volumeSizeVerdict(size: number, limits: VolumeLimits = {}): Verdict {
  if (Number.isNaN(size)) return refuse('empty', 'Enter a size in GB.')
  if (!Number.isInteger(size)) return refuse('invalid', 'Whole gigabytes only.')
  if (size < MIN_VOLUME_SIZE) return refuse('too_short', `At least ${MIN_VOLUME_SIZE} GB.`)
  if (limits.current !== undefined && size <= limits.current) {
    return refuse(
      'too_short',
      `Must be larger than the current ${limits.current} GB (volumes only grow).`,
    )
  }
  if (limits.max !== undefined && size > limits.max) {
    return refuse('too_large', `At most ${limits.max} GB.`)
  }
  return OK
}
